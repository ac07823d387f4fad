package org.asbportal.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Administrators create and edit staff accounts: who signs in with what, which queues they see,
 * deactivation, passwords, unlocking, stale forms and the audit trail those changes leave.
 */
@QuarkusTest
class AdminAccountsTest {

    static final String PASSWORD = "a long enough secret 42";
    private static final Pattern ACCOUNT_LOCATION = Pattern.compile("/admin/accounts/(\\d+)\\?saved=created$");

    @Inject
    AgroalDataSource dataSource;

    /** The portal's clock (the system's time here): times written to the database are taken from it. */
    @Inject
    TestClock clock;

    AdminRows db;
    StaffSession admin;

    @BeforeEach
    void setUp() {
        db = new AdminRows(dataSource);
        admin = StaffSession.signIn("admin");
    }

    @Test
    void createsAnAccountThatSignsInAndSeesOnlyTheQueuesItIsGranted() {
        long auditBefore = db.lastAuditId();
        String username = "new." + ReportRequests.unique();

        Response created = createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD);

        assertEquals(303, created.statusCode(), created.asString());
        long id = idFrom(created);
        admin.get("/admin/accounts/" + id + "?saved=created").then().statusCode(200)
                .body(containsString("Account created"))
                .body(containsString("Account " + username));
        Row row = db.account(username);
        assertTrue(row.string("password_hash").startsWith("$2"), "a bcrypt hash");
        assertFalse(row.string("password_hash").contains(PASSWORD));
        assertEquals("CASEWORKER", row.string("roles"));
        assertEquals(List.of("COUNCIL_ASB"), queuesSeenBy(username, PASSWORD));
        List<Audit> audit = db.auditAfter(auditBefore, "ADMIN_CREATE_ACCOUNT");
        assertEquals(1, audit.size(), audit.toString());
        assertEquals("admin", audit.get(0).actor());
        assertTrue(audit.get(0).detail().contains(username), audit.get(0).detail());
        assertTrue(audit.get(0).detail().contains("COUNCIL_ASB"), audit.get(0).detail());
        assertNoPasswordIn(db.auditAfter(auditBefore), PASSWORD);
    }

    @Test
    void changingTheGrantsChangesTheQueuesTheAccountSees() {
        String username = "grants." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD));
        assertEquals(List.of("COUNCIL_ASB"), queuesSeenBy(username, PASSWORD));
        long auditBefore = db.lastAuditId();

        Response changed = edit(id, username, "yes", List.of("CASEWORKER"), List.of("ENVIRONMENTAL_HEALTH", "YOUTH_OUTREACH"));

        assertEquals(303, changed.statusCode(), changed.asString());
        assertTrue(changed.header("Location").endsWith("/admin/accounts/" + id + "?saved=updated"));
        assertEquals(List.of("ENVIRONMENTAL_HEALTH", "YOUTH_OUTREACH"), queuesSeenBy(username, PASSWORD).stream().sorted().toList());
        given().auth().preemptive().basic(username, PASSWORD).accept(ContentType.JSON)
                .get("/api/v1/queues/COUNCIL_ASB/items").then().statusCode(404);
        List<Audit> audit = db.auditAfter(auditBefore, "ADMIN_UPDATE_ACCOUNT");
        assertEquals(1, audit.size(), audit.toString());
        assertTrue(audit.get(0).detail().contains("queues [COUNCIL_ASB]"), audit.get(0).detail());
        assertTrue(audit.get(0).detail().contains("[ENVIRONMENTAL_HEALTH, YOUTH_OUTREACH]"), audit.get(0).detail());
    }

    @Test
    void aDeactivatedAccountIsRefused() {
        String username = "leaver." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("POLICE_NEIGHBOURHOOD"), PASSWORD));
        assertEquals(List.of("POLICE_NEIGHBOURHOOD"), queuesSeenBy(username, PASSWORD));

        Response changed = edit(id, username, "no", List.of("CASEWORKER"), List.of("POLICE_NEIGHBOURHOOD"));

        assertEquals(303, changed.statusCode(), changed.asString());
        assertFalse(db.account(username).bool("active"));
        given().auth().preemptive().basic(username, PASSWORD).accept(ContentType.JSON)
                .get("/api/v1/queues").then().statusCode(401);
        Response signIn = StaffSession.submitSignIn(username, PASSWORD);
        assertEquals(302, signIn.statusCode());
        assertTrue(signIn.header("Location").endsWith("/login?error=true"), signIn.header("Location"));
        admin.get("/admin/accounts?status=deactivated&organisation=COUNCIL").then().statusCode(200)
                .body(containsString(">" + username + "</a>"));
        admin.get("/admin/accounts?status=active&organisation=COUNCIL").then().statusCode(200)
                .body(not(containsString(">" + username + "</a>")));
    }

    @Test
    void refusesADuplicateUsernameWithTheMessageByTheField() {
        int before = db.count("SELECT COUNT(*) FROM staff_account");

        Response response = createAccount("admin", "PARTNERSHIP", List.of("ADMIN"), List.of(), PASSWORD);

        assertEquals(400, response.statusCode());
        response.then().body(containsString("There is a problem"))
                .body(containsString("<a href=\"#username\">The username admin is already taken</a>"))
                .body(containsString("id=\"username-error\""))
                .body(not(containsString(PASSWORD)));
        assertEquals(before, db.count("SELECT COUNT(*) FROM staff_account"));
    }

    @Test
    void refusesAShortPassword() {
        String username = "short." + ReportRequests.unique();

        Response response = createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of(), "elevenchars");

        assertEquals(400, response.statusCode());
        response.then().body(containsString("<a href=\"#password\">The password must be 12 characters or more</a>"))
                .body(not(containsString("value=\"elevenchars\"")));
        assertEquals(0, db.count("SELECT COUNT(*) FROM staff_account WHERE username = ?", username));
    }

    @Test
    void refusesACommonPasswordSayingWhy() {
        String username = "common." + ReportRequests.unique();

        Response response = createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of(), "Password2026!");

        assertEquals(400, response.statusCode());
        response.then().body(containsString("<a href=\"#password\">This password is one of the most commonly used, so it is easy "
                + "to guess: choose a different one, for example three random words</a>"))
                .body(not(containsString("value=\"Password2026!\"")));
        assertEquals(0, db.count("SELECT COUNT(*) FROM staff_account WHERE username = ?", username));
    }

    @Test
    void refusesAnUnknownOrganisationAndNoRoleListingEveryProblem() {
        String username = "noorg." + ReportRequests.unique();

        Response response = createAccount(username, "NO_SUCH_ORGANISATION", List.of(), List.of(), PASSWORD);

        assertEquals(400, response.statusCode());
        response.then().body(containsString("<a href=\"#organisation\">Choose the organisation the person works for</a>"))
                .body(containsString("<a href=\"#roles\">Choose at least one role</a>"))
                .body(containsString("value=\"" + username + "\""));
        assertEquals(0, db.count("SELECT COUNT(*) FROM staff_account WHERE username = ?", username));
    }

    @Test
    void aStaleFormGivesAConflictAndOverwritesNothing() {
        String username = "stale." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD));
        int seen = versionOn(admin.get("/admin/accounts/" + id));
        assertEquals(303, edit(id, username, "yes", List.of("TRIAGE_OFFICER"), List.of("MANUAL_CHECK")).statusCode());

        Response stale = admin.postRepeated("/admin/accounts/" + id, form(username, "yes", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), seen));

        assertEquals(409, stale.statusCode(), stale.asString());
        stale.then().body(containsString("Someone else changed this account after you opened it"));
        assertEquals("TRIAGE_OFFICER", db.account(username).string("roles"));
        assertEquals(List.of("MANUAL_CHECK"), queuesSeenBy(username, PASSWORD));
    }

    @Test
    void anAdministratorCannotDeactivateThemselvesNorDropTheirOwnAdministratorRole() {
        long id = db.accountId("admin");
        Row before = db.account("admin");

        Response deactivate = admin.postRepeated("/admin/accounts/" + id,
                form("admin", "no", List.of("ADMIN"), List.of(), versionOn(admin.get("/admin/accounts/" + id))));
        Response demote = admin.postRepeated("/admin/accounts/" + id,
                form("admin", "yes", List.of("CASEWORKER"), List.of(), versionOn(admin.get("/admin/accounts/" + id))));

        assertEquals(400, deactivate.statusCode());
        deactivate.then().body(containsString("You cannot deactivate your own account"));
        assertEquals(400, demote.statusCode());
        demote.then().body(containsString("You cannot remove the Administrator role from your own account"));
        Row after = db.account("admin");
        assertTrue(after.bool("active"));
        assertEquals("ADMIN", after.string("roles"));
        assertEquals(before.number("version"), after.number("version"));
    }

    @Test
    void resetsAPasswordAndUnlocksAnAccountWithoutWritingThePasswordAnywhere() {
        String username = "locked." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD));
        db.update("UPDATE staff_account SET failed_logins = 5, locked_until = ?, version = version + 1 WHERE id = ?",
                Timestamp.from(clock.instant().plus(1, ChronoUnit.HOURS)), id);
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/queues").then().statusCode(401);
        long auditBefore = db.lastAuditId();

        Response page = admin.get("/admin/accounts/" + id);
        page.then().body(containsString("Locked")).body(containsString("Unlock account"));
        Response unlocked = admin.post("/admin/accounts/" + id + "/unlock", "version", String.valueOf(versionOn(page)));

        assertEquals(303, unlocked.statusCode(), unlocked.asString());
        assertEquals(List.of("COUNCIL_ASB"), queuesSeenBy(username, PASSWORD));
        Row row = db.account(username);
        assertEquals(0, row.number("failed_logins"));
        assertEquals(null, row.get("locked_until"));

        String newPassword = "another long secret 77";
        Response tooShort = admin.post("/admin/accounts/" + id + "/password", "version",
                String.valueOf(versionOn(admin.get("/admin/accounts/" + id))), "password", "short");
        assertEquals(400, tooShort.statusCode());
        tooShort.then().body(containsString("<a href=\"#password\">The password must be 12 characters or more</a>"));
        Response reset = admin.post("/admin/accounts/" + id + "/password", "version",
                String.valueOf(versionOn(admin.get("/admin/accounts/" + id))), "password", newPassword);

        assertEquals(303, reset.statusCode(), reset.asString());
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/queues").then().statusCode(401);
        assertEquals(List.of("COUNCIL_ASB"), queuesSeenBy(username, newPassword));
        assertEquals(1, db.auditAfter(auditBefore, "ADMIN_UNLOCK_ACCOUNT").size());
        assertEquals(1, db.auditAfter(auditBefore, "ADMIN_RESET_PASSWORD").size());
        assertNoPasswordIn(db.auditAfter(auditBefore), newPassword);
        assertNoPasswordIn(db.auditAfter(auditBefore), PASSWORD);
    }

    @Test
    void listsAccountsTwentyFiveAPageFilteredByOrganisationAndRole() {
        String code = "PAGED_" + ReportRequests.unique().toUpperCase().replace("-", "");
        db.update("INSERT INTO organisation (code, name) VALUES (?, ?)", code, "Paged organisation " + code);
        long organisation = db.rows("SELECT id FROM organisation WHERE code = ?", code).get(0).number("id");
        for (int i = 0; i < 30; i++) {
            db.update("INSERT INTO staff_account (username, password_hash, display_name, organisation_id, roles, created_at) "
                    + "VALUES (?, 'x', ?, ?, ?, ?)", String.format("paged-%s-%02d", code.toLowerCase(), i), "Paged " + i,
                    organisation, i % 2 == 0 ? "CASEWORKER" : "TRIAGE_OFFICER,PLEDGE_REVIEWER", Timestamp.from(clock.instant()));
        }

        Response first = admin.get("/admin/accounts?organisation=" + code);
        Response second = admin.get("/admin/accounts?organisation=" + code + "&page=2");
        Response reviewers = admin.get("/admin/accounts?organisation=" + code + "&role=PLEDGE_REVIEWER");

        first.then().statusCode(200).body(containsString("30 accounts")).body(containsString("Page 1 of 2"))
                .body(containsString("href=\"/admin/accounts?page=2&amp;organisation=" + code + "\""));
        assertEquals(25, usernamesOn(first, code).size());
        assertEquals(5, usernamesOn(second, code).size());
        assertEquals(List.of(), usernamesOn(first, code).stream().filter(usernamesOn(second, code)::contains).toList());
        reviewers.then().statusCode(200).body(containsString("15 accounts"));
        assertTrue(usernamesOn(reviewers, code).stream().allMatch(u -> Integer.parseInt(u.substring(u.length() - 2)) % 2 == 1));
        admin.get("/admin/accounts?page=not-a-number").then().statusCode(200);
    }

    @Test
    void anUnknownAccountIsAPageNotFound() {
        admin.get("/admin/accounts/99999999").then().statusCode(404).body(containsString("Page not found"));
        admin.get("/admin/accounts/not-an-id").then().statusCode(404).body(containsString("Page not found"));
        admin.post("/admin/accounts/99999999/unlock", "version", "0").then().statusCode(404);
    }

    @Test
    void refusesAFormPostedWithoutTheCsrfToken() {
        String username = "nocsrf." + ReportRequests.unique();
        admin.get("/admin/accounts/new").then().statusCode(200);
        Map<String, String> fields = new LinkedHashMap<>(StaffSession.fields("username", username, "displayName", "No token",
                "organisation", "COUNCIL", "roles", "CASEWORKER", "password", PASSWORD));

        Response response = admin.postExactly("/admin/accounts/new", fields);

        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(0, db.count("SELECT COUNT(*) FROM staff_account WHERE username = ?", username));
    }

    // ---------------------------------------------------------------- changes that end signed-in sessions

    @Test
    void aNewPasswordSignsOutEverySessionOfTheAccount() {
        String username = "reset." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD));
        StaffSession person = StaffSession.signIn(username, PASSWORD);
        Map<String, String> copied = person.sessionCookies();
        signedIn(copied);

        Response reset = admin.post("/admin/accounts/" + id + "/password", "version",
                String.valueOf(versionOn(admin.get("/admin/accounts/" + id))), "password", "another long enough secret 43");

        assertEquals(303, reset.statusCode(), reset.asString());
        assertSignedOut(copied);
        assertSignedOut(person.sessionCookies());
        given().auth().preemptive().basic(username, PASSWORD).accept(ContentType.JSON)
                .get("/api/v1/queues").then().statusCode(401);
        signedIn(StaffSession.signIn(username, "another long enough secret 43").sessionCookies());
    }

    @Test
    void aChangeOfRolesSignsOutTheAccountButAChangeOfQueuesDoesNot() {
        String username = "roles." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD));
        Map<String, String> copied = StaffSession.signIn(username, PASSWORD).sessionCookies();

        assertEquals(303, edit(id, username, "yes", List.of("CASEWORKER"), List.of("YOUTH_OUTREACH")).statusCode());
        signedIn(copied);
        assertEquals(303, edit(id, username, "yes", List.of("CASEWORKER", "TRIAGE_OFFICER"), List.of("YOUTH_OUTREACH"))
                .statusCode());

        assertSignedOut(copied);
    }

    @Test
    void aDeactivationSignsOutTheAccount() {
        String username = "gone." + ReportRequests.unique();
        long id = idFrom(createAccount(username, "COUNCIL", List.of("CASEWORKER"), List.of("COUNCIL_ASB"), PASSWORD));
        Map<String, String> copied = StaffSession.signIn(username, PASSWORD).sessionCookies();

        assertEquals(303, edit(id, username, "no", List.of("CASEWORKER"), List.of("COUNCIL_ASB")).statusCode());

        assertSignedOut(copied);
        assertEquals(0, db.count("SELECT COUNT(*) FROM staff_session WHERE account_id = " + id));
        assertEquals(303, edit(id, username, "yes", List.of("CASEWORKER"), List.of("COUNCIL_ASB")).statusCode());
        assertSignedOut(copied);
    }

    private static void signedIn(Map<String, String> cookies) {
        given().cookies(cookies).accept("text/html").redirects().follow(false).get("/staff").then().statusCode(200);
    }

    /** The browser's copied cookies no longer sign anyone in: the staff pages send it to sign in. */
    private static void assertSignedOut(Map<String, String> cookies) {
        Response page = given().cookies(cookies).accept("text/html").redirects().follow(false).get("/staff");
        assertEquals(302, page.statusCode(), page.asString());
        assertTrue(page.header("Location").matches("(https?://[^/]+)?/login"), page.header("Location"));
    }

    // ---------------------------------------------------------------- helpers

    private Response createAccount(String username, String organisation, List<String> roles, List<String> queues,
            String password) {
        admin.get("/admin/accounts/new").then().statusCode(200);
        Map<String, List<String>> fields = fieldsOf("username", username, "displayName", "Test " + username,
                "email", username + "@example.org", "organisation", organisation, "password", password);
        fields.put("roles", roles);
        fields.put("queues", queues);
        return admin.postRepeated("/admin/accounts/new", fields);
    }

    private Response edit(long id, String username, String active, List<String> roles, List<String> queues) {
        int version = versionOn(admin.get("/admin/accounts/" + id));
        return admin.postRepeated("/admin/accounts/" + id, form(username, active, roles, queues, version));
    }

    static Map<String, List<String>> form(String username, String active, List<String> roles, List<String> queues, int version) {
        Map<String, List<String>> fields = fieldsOf("displayName", "Test " + username, "email", "", "organisation",
                "admin".equals(username) ? "PARTNERSHIP" : "COUNCIL", "active", active, "version", String.valueOf(version));
        fields.put("roles", roles);
        fields.put("queues", queues);
        return fields;
    }

    static Map<String, List<String>> fieldsOf(String... nameValues) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            fields.put(nameValues[i], List.of(nameValues[i + 1]));
        }
        return fields;
    }

    private static List<String> queuesSeenBy(String username, String password) {
        return given().auth().preemptive().basic(username, password).accept(ContentType.JSON)
                .get("/api/v1/queues").then().statusCode(200).extract().jsonPath().getList("code");
    }

    private static long idFrom(Response created) {
        assertEquals(303, created.statusCode(), created.asString());
        Matcher matcher = ACCOUNT_LOCATION.matcher(created.header("Location"));
        assertTrue(matcher.find(), created.header("Location"));
        return Long.parseLong(matcher.group(1));
    }

    static int versionOn(Response page) {
        assertEquals(200, page.statusCode(), page.asString());
        return StaffSession.versionOn(page);
    }

    private static List<String> usernamesOn(Response page, String code) {
        Matcher matcher = Pattern.compile(">(paged-" + code.toLowerCase() + "-\\d\\d)</a>").matcher(page.asString());
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static void assertNoPasswordIn(List<Audit> audit, String password) {
        for (Audit entry : audit) {
            assertFalse(String.valueOf(entry.detail()).contains(password), "password in audit entry " + entry);
        }
    }
}
