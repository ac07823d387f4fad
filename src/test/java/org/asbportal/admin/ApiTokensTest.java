package org.asbportal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * API tokens: staff make them on their own page and administrators on any account's; scripts send them
 * as {@code Authorization: Bearer} to the JSON API and act exactly as the account would with its
 * password, until the token is revoked, expires or the account is deactivated. Tokens open no staff
 * page, and the API takes no session cookie.
 */
@QuarkusTest
class ApiTokensTest {

    private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\" type=\"text\" readonly value=\"(asb_[A-Za-z0-9_-]{43})\"");
    private static final String CASTLE = "/api/v1/wards/E36001578/summary";
    private static final String NOT_THEIRS = "/api/v1/wards/E36001576/summary";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    AdminRows db;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        clock.useSystemTime();
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void aTokenReadsTheWardSummaryAndTheQueuesAsItsAccount() {
        String adminToken = create(StaffSession.signIn("admin"), "/staff/api-tokens", "Ward figures export", "30");
        String triageToken = create(StaffSession.signIn("triage"), "/staff/api-tokens", "Queue monitor", "30");

        Response byToken = bearer(adminToken).get(CASTLE);
        Response byPassword = StaffApi.as("admin").get(CASTLE);
        assertEquals(200, byToken.statusCode(), byToken.asString());
        assertEquals(byPassword.jsonPath().getMap("bySource"), byToken.jsonPath().getMap("bySource"));

        List<String> queuesByToken = bearer(triageToken).get("/api/v1/queues").then().statusCode(200)
                .extract().jsonPath().getList("code");
        List<String> queuesByPassword = StaffApi.as("triage").get("/api/v1/queues").then().statusCode(200)
                .extract().jsonPath().getList("code");
        assertFalse(queuesByToken.isEmpty());
        assertEquals(queuesByPassword, queuesByToken);
    }

    @Test
    void aCouncillorsTokenSeesOnlyTheirWardsAndNoCases() {
        String token = create(StaffSession.signIn("councillor"), "/staff/api-tokens", "Ward newsletter", "7");

        bearer(token).get(CASTLE).then().statusCode(200);
        bearer(token).get("/api/v1/wards/E36001582/summary").then().statusCode(200);
        bearer(token).get(NOT_THEIRS).then().statusCode(403);
        bearer(token).get("/api/v1/queues").then().statusCode(403);
        StaffApi.as("councillor").get(NOT_THEIRS).then().statusCode(403);
    }

    @Test
    void aRevokedTokenIsRefused() {
        StaffSession triage = StaffSession.signIn("triage");
        String token = create(triage, "/staff/api-tokens", "Short-lived script", "30");
        bearer(token).get("/api/v1/queues").then().statusCode(200);
        long auditBefore = db.lastAuditId();

        Response revoked = triage.post("/staff/api-tokens/" + tokenRow(token).number("id") + "/revoke");

        assertEquals(303, revoked.statusCode(), revoked.asString());
        assertTrue(revoked.header("Location").endsWith("/staff/api-tokens?saved=revoked"), revoked.header("Location"));
        Response refused = bearer(token).get("/api/v1/queues");
        assertEquals(401, refused.statusCode());
        assertNotNull(refused.header("WWW-Authenticate"));
        assertNotNull(tokenRow(token).get("revoked_at"));
        triage.get("/staff/api-tokens?saved=revoked").then().statusCode(200).body(containsString("API token revoked"))
                .body(containsString("Revoked"));
        List<Audit> audit = db.auditAfter(auditBefore, "API_TOKEN_REVOKE");
        assertEquals(1, audit.size(), audit.toString());
        assertEquals("triage", audit.get(0).actor());
        assertTrue(audit.get(0).detail().contains(token.substring(0, 12)), audit.get(0).detail());
        assertFalse(audit.get(0).detail().contains(token));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String token = create(StaffSession.signIn("triage"), "/staff/api-tokens", "One-day job", "1");
        bearer(token).get("/api/v1/queues").then().statusCode(200);

        clock.fixAt(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));

        bearer(token).get("/api/v1/queues").then().statusCode(401);
    }

    @Test
    void aDeactivatedAccountsTokenIsRefused() {
        StaffSession admin = StaffSession.signIn("admin");
        String username = "script." + ReportRequests.unique();
        Response created = admin.postRepeated("/admin/accounts/new", AdminAccountsTest.fieldsOf("username", username,
                "displayName", "Test " + username, "email", username + "@example.org", "organisation", "COUNCIL",
                "password", AdminAccountsTest.PASSWORD, "roles", "CASEWORKER", "queues", "COUNCIL_ASB"));
        assertEquals(303, created.statusCode(), created.asString());
        long id = db.accountId(username);
        long auditBefore = db.lastAuditId();
        String token = create(admin, "/admin/accounts/" + id + "/tokens", "Integration for " + username, "30");
        assertEquals(List.of("COUNCIL_ASB"), bearer(token).get("/api/v1/queues").then().statusCode(200)
                .extract().jsonPath().getList("code"));
        List<Audit> audit = db.auditAfter(auditBefore, "API_TOKEN_CREATE");
        assertEquals(1, audit.size(), audit.toString());
        assertEquals("admin", audit.get(0).actor());
        assertTrue(audit.get(0).detail().contains(username), audit.get(0).detail());

        Response deactivated = admin.postRepeated("/admin/accounts/" + id, AdminAccountsTest.form(username, "no",
                List.of("CASEWORKER"), List.of("COUNCIL_ASB"), AdminAccountsTest.versionOn(admin.get("/admin/accounts/" + id))));

        assertEquals(303, deactivated.statusCode(), deactivated.asString());
        bearer(token).get("/api/v1/queues").then().statusCode(401);
    }

    @Test
    void aMadeUpTokenIsRefused() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String madeUp = "asb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        for (String token : List.of(madeUp, "not-a-token", "asb_", madeUp + "x")) {
            Response refused = bearer(token).get("/api/v1/queues");
            assertEquals(401, refused.statusCode(), token);
            assertNotNull(refused.header("WWW-Authenticate"), token);
        }
        given().header("Authorization", "Bearer ").accept(ContentType.JSON).get(CASTLE).then().statusCode(401);
    }

    @Test
    void aTokenOpensNoStaffPageAndTheApiTakesNoSessionCookie() {
        StaffSession admin = StaffSession.signIn("admin");
        String token = create(admin, "/staff/api-tokens", "Page probe", "30");

        for (String page : List.of("/staff", "/staff/api-tokens", "/admin", "/admin/accounts", "/wards/E36001578")) {
            Response response = given().header("Authorization", "Bearer " + token).accept("text/html").redirects().follow(false)
                    .get(page);
            assertEquals(302, response.statusCode(), page + ": " + response.statusCode());
            assertTrue(response.header("Location").endsWith("/login"), page + ": " + response.header("Location"));
        }
        Response withCookie = given().cookies(admin.sessionCookies()).accept(ContentType.JSON).redirects().follow(false)
                .get("/api/v1/queues");
        assertEquals(401, withCookie.statusCode(), withCookie.asString());
        Response tokenAndCookieOnAPage = given().cookies(admin.sessionCookies()).header("Authorization", "Bearer " + token)
                .accept("text/html").redirects().follow(false).get("/staff/api-tokens");
        assertEquals(200, tokenAndCookieOnAPage.statusCode(), "the page is opened by the session, as before");
    }

    @Test
    void creationShowsTheTokenOnceAndListsOnlyItsPrefix() throws NoSuchAlgorithmException {
        StaffSession caseworker = StaffSession.signIn("caseworker");
        long auditBefore = db.lastAuditId();

        Response created = caseworker.post("/staff/api-tokens", "name", "Nightly report", "days", "90");

        assertEquals(200, created.statusCode(), created.asString());
        String page = created.asString();
        Matcher matcher = NEW_TOKEN.matcher(page);
        assertTrue(matcher.find(), page);
        String token = matcher.group(1);
        assertEquals(1, occurrences(page, token), "the token is on the page once");
        assertTrue(page.contains("It will not be shown again"), page);
        String prefix = token.substring(0, 12);
        Response list = caseworker.get("/staff/api-tokens");
        list.then().statusCode(200).body(containsString(prefix + "…")).body(containsString("Nightly report"))
                .body(not(containsString(token))).body(not(containsString("new-token")));
        Row row = tokenRow(token);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8))),
                row.string("token_hash"));
        assertEquals(prefix, row.string("prefix"));
        assertEquals(db.accountId("caseworker"), row.number("account_id"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM api_token WHERE token_hash = ? OR prefix = ? OR name = ?", token, token, token));
        List<Audit> audit = db.auditAfter(auditBefore, "API_TOKEN_CREATE");
        assertEquals(1, audit.size(), audit.toString());
        assertEquals("caseworker", audit.get(0).actor());
        assertTrue(audit.get(0).detail().contains(prefix) && audit.get(0).detail().contains("Nightly report"), audit.get(0).detail());
        assertNoTokenIn(db.auditAfter(auditBefore), token);
    }

    @Test
    void refusesANamelessTokenOrOneValidForTooLong() {
        StaffSession caseworker = StaffSession.signIn("caseworker");
        int before = db.count("SELECT COUNT(*) FROM api_token");

        Response nameless = caseworker.post("/staff/api-tokens", "name", " ", "days", "30");
        Response tooLong = caseworker.post("/staff/api-tokens", "name", "Forever", "days", "366");

        assertEquals(400, nameless.statusCode());
        nameless.then().body(containsString("<a href=\"#name\">Enter what the token is for</a>"));
        assertEquals(400, tooLong.statusCode());
        tooLong.then().body(containsString("<a href=\"#days\">Enter how many days the token is valid for, from 1 to 365</a>"))
                .body(containsString("value=\"Forever\""));
        assertEquals(before, db.count("SELECT COUNT(*) FROM api_token"));
    }

    @Test
    void staffRevokeOnlyTheirOwnTokensAndOnlyAdministratorsSeeAnAccountsTokens() {
        String triageToken = create(StaffSession.signIn("triage"), "/staff/api-tokens", "Triage export", "30");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        long triageTokenId = tokenRow(triageToken).number("id");

        caseworker.post("/staff/api-tokens/" + triageTokenId + "/revoke").then().statusCode(404);
        caseworker.get("/admin/accounts/" + db.accountId("triage") + "/tokens").then().statusCode(403);
        caseworker.post("/admin/accounts/" + db.accountId("triage") + "/tokens/" + triageTokenId + "/revoke")
                .then().statusCode(403);
        assertNull(tokenRow(triageToken).get("revoked_at"));
        bearer(triageToken).get("/api/v1/queues").then().statusCode(200);

        StaffSession admin = StaffSession.signIn("admin");
        admin.get("/admin/accounts/" + db.accountId("triage") + "/tokens").then().statusCode(200)
                .body(containsString("Triage export")).body(not(containsString(triageToken)));
        Response revoked = admin.post("/admin/accounts/" + db.accountId("triage") + "/tokens/" + triageTokenId + "/revoke");
        assertEquals(303, revoked.statusCode(), revoked.asString());
        assertEquals("admin", tokenRow(triageToken).string("revoked_by"));
        bearer(triageToken).get("/api/v1/queues").then().statusCode(401);
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        String token = create(StaffSession.signIn("triage"), "/staff/api-tokens", "Polling script", "30");
        assertNull(tokenRow(token).get("last_used_at"));
        Instant start = Instant.now().plusSeconds(5);

        clock.fixAt(start);
        bearer(token).get("/api/v1/queues").then().statusCode(200);
        Object first = tokenRow(token).get("last_used_at");
        clock.fixAt(start.plusSeconds(30));
        bearer(token).get("/api/v1/queues").then().statusCode(200);
        Object second = tokenRow(token).get("last_used_at");
        clock.fixAt(start.plusSeconds(61));
        bearer(token).get("/api/v1/queues").then().statusCode(200);
        Object third = tokenRow(token).get("last_used_at");

        assertNotNull(first);
        assertEquals(first, second, "not written again within the minute");
        assertNotEquals(first, third, "written again after a minute");
    }

    @Test
    void basicStillWorksBesideTokens() {
        StaffApi.as("triage").get("/api/v1/queues").then().statusCode(200);
        StaffApi.as("admin").get(CASTLE).then().statusCode(200);
        given().auth().preemptive().basic("triage", "not-the-password").accept(ContentType.JSON).get("/api/v1/queues")
                .then().statusCode(401);
    }

    /** Makes a token on the page at {@code path} and returns it as the page shows it, this once. */
    static String create(StaffSession staff, String path, String name, String days) {
        staff.get(path).then().statusCode(200);
        Response created = staff.post(path, "name", name, "days", days);
        assertEquals(200, created.statusCode(), created.asString());
        Matcher matcher = NEW_TOKEN.matcher(created.asString());
        assertTrue(matcher.find(), created.asString());
        return matcher.group(1);
    }

    static RequestSpecification bearer(String token) {
        return StaffApi.withToken(token);
    }

    private Row tokenRow(String token) {
        List<Row> rows = db.rows("SELECT * FROM api_token WHERE prefix = ?", token.substring(0, 12));
        assertEquals(1, rows.size(), "one token starts with " + token.substring(0, 12));
        return rows.get(0);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void assertNoTokenIn(List<Audit> audit, String token) {
        for (Audit entry : audit) {
            assertFalse(String.valueOf(entry.detail()).contains(token), entry.toString());
        }
    }
}
