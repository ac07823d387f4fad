package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Two-factor sign-in end to end: set up with the QR page's key, then password and code; a session
 * waiting for its code opens nothing; codes are accepted once; recovery codes work once; wrong codes
 * are limited; an organisation that requires it sends its staff to set it up; HTTP Basic is refused
 * for an account with it while API tokens go on working.
 */
@QuarkusTest
class TwoFactorSignInTest {

    static final String PASSWORD = "a-long-two-factor-password";
    private static final Pattern SECRET = Pattern.compile("<code[^>]*id=\"secret\">([a-z2-7 ]+)</code>");
    private static final Pattern RECOVERY = Pattern.compile("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>");

    @Inject
    TestClock clock;

    Instant now;

    @BeforeEach
    void fixTheClock() {
        // At the start of a 30-second step, so every code below is read within the step it was made for.
        now = Instant.ofEpochSecond(Totp.step(Instant.now()) * Totp.STEP_SECONDS);
        clock.fixAt(now);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    /** An account of its own (triage officer) in the organisation given. */
    static String newAccount(String organisationCode) {
        String username = "totp-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            StaffAccount account = new StaffAccount();
            account.username = username;
            account.setPassword(PASSWORD);
            account.displayName = "Two Factor";
            account.roles = Role.TRIAGE_OFFICER;
            account.organisation = Organisation.findByCode(organisationCode).orElseThrow();
            account.createdAt = Instant.now();
            account.persist();
        });
        return username;
    }

    /** What setting up leaves: the secret the app holds and the recovery codes shown. */
    record SetUp(byte[] secret, List<String> recoveryCodes) {
    }

    private void advance() {
        now = now.plusSeconds(Totp.STEP_SECONDS);
        clock.fixAt(now);
    }

    private String code(byte[] secret) {
        return Totp.code(secret, Totp.step(now));
    }

    /** Sets up two-factor from the set-up page, as someone with an app does. */
    SetUp setUp(StaffSession session) {
        Response page = session.get("/staff/two-factor/set-up");
        assertEquals(200, page.statusCode(), page.asString());
        assertTrue(page.asString().contains("<svg"), "the QR code is on the page");
        Matcher matcher = SECRET.matcher(page.asString());
        assertTrue(matcher.find(), "the key to type in is on the page");
        byte[] secret = base32(matcher.group(1));
        Response done = session.post("/staff/two-factor/set-up", "code", code(secret));
        assertEquals(200, done.statusCode(), done.asString());
        List<String> codes = new ArrayList<>();
        Matcher recovery = RECOVERY.matcher(done.asString());
        while (recovery.find()) {
            codes.add(recovery.group(1));
        }
        assertEquals(10, codes.size(), done.asString());
        advance();
        return new SetUp(secret, codes);
    }

    @Test
    void signsInWithPasswordThenCodeAndAPendingSessionOpensNothing() {
        String username = newAccount("PARTNERSHIP");
        SetUp setUp = setUp(StaffSession.signIn(username, PASSWORD));
        assertEquals(1L, auditCount(username, "TWO_FACTOR_SET_UP"));

        StaffSession browser = StaffSession.signIn(username, PASSWORD);
        for (String page : List.of("/staff/start", "/staff", "/staff/api-tokens", "/staff/account", "/staff/two-factor/set-up", "/admin", "/wards")) {
            Response refused = browser.get(page);
            assertEquals(303, refused.statusCode(), page);
            assertTrue(refused.header("Location").endsWith("/staff/two-factor/verify"), page + " " + refused.header("Location"));
        }
        browser.get("/staff/two-factor/verify").then().statusCode(200).body(containsString("Enter your code"));

        browser.post("/staff/two-factor/verify", "code", "000000").then().statusCode(400)
                .body(containsString("The code is not right"));
        browser.post("/staff/two-factor/verify", "code", "").then().statusCode(400)
                .body(containsString("Enter the 6-digit code"));
        assertEquals(303, browser.get("/staff").statusCode(), "still waiting for the code");

        Response verified = browser.post("/staff/two-factor/verify", "code", code(setUp.secret()));
        assertEquals(303, verified.statusCode(), verified.asString());
        assertTrue(verified.header("Location").endsWith("/staff/start"));
        browser.get("/staff").then().statusCode(200);
        assertEquals(303, browser.get("/staff/two-factor/verify").statusCode(), "nothing left to verify");
    }

    @Test
    void aCodeIsAcceptedOnlyOnce() {
        String username = newAccount("PARTNERSHIP");
        SetUp setUp = setUp(StaffSession.signIn(username, PASSWORD));
        String code = code(setUp.secret());

        StaffSession first = StaffSession.signIn(username, PASSWORD);
        assertEquals(303, first.post("/staff/two-factor/verify", "code", code).statusCode());
        StaffSession second = StaffSession.signIn(username, PASSWORD);
        second.post("/staff/two-factor/verify", "code", code).then().statusCode(400);
        advance();
        assertEquals(303, second.post("/staff/two-factor/verify", "code", code(setUp.secret())).statusCode());
    }

    @Test
    void aRecoveryCodeWorksOnceAndIsAudited() {
        String username = newAccount("PARTNERSHIP");
        SetUp setUp = setUp(StaffSession.signIn(username, PASSWORD));
        String recovery = setUp.recoveryCodes().get(3);

        StaffSession browser = StaffSession.signIn(username, PASSWORD);
        assertEquals(303, browser.post("/staff/two-factor/verify", "code", recovery.toUpperCase()).statusCode());
        browser.get("/staff").then().statusCode(200);
        assertEquals(1L, auditCount(username, "TWO_FACTOR_RECOVERY_CODE_USED"));

        StaffSession again = StaffSession.signIn(username, PASSWORD);
        again.post("/staff/two-factor/verify", "code", recovery).then().statusCode(400);
        assertEquals(303, again.get("/staff").statusCode());
    }

    @Test
    void wrongCodesAreLimitedPerAccount() {
        String username = newAccount("PARTNERSHIP");
        SetUp setUp = setUp(StaffSession.signIn(username, PASSWORD));
        StaffSession browser = StaffSession.signIn(username, PASSWORD);
        for (int i = 0; i < 5; i++) {
            browser.post("/staff/two-factor/verify", "code", "000000").then().statusCode(400)
                    .body(not(containsString("Too many")));
        }
        browser.post("/staff/two-factor/verify", "code", code(setUp.secret())).then().statusCode(400)
                .body(containsString("Too many wrong codes"));

        now = now.plus(Duration.ofMinutes(16));
        clock.fixAt(now);
        assertEquals(303, browser.post("/staff/two-factor/verify", "code", code(setUp.secret())).statusCode());
    }

    @Test
    void anOrganisationWhoseAdministratorsRequireItSendsItsStaffToSetItUp() {
        String organisation = "TFA_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        StaffSession admin = StaffSession.signIn("admin");
        Response created = admin.post("/admin/organisations/new", "code", organisation, "name", "Two-factor organisation "
                + organisation, "requireTwoFactor", "true");
        assertEquals(303, created.statusCode(), created.asString());
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Organisation.findByCode(organisation).orElseThrow().requireTwoFactor));

        String username = newAccount(organisation);
        StaffSession browser = StaffSession.signIn(username, PASSWORD);
        for (String page : List.of("/staff/start", "/staff", "/staff/two-factor/verify")) {
            Response sent = browser.get(page);
            assertEquals(303, sent.statusCode(), page);
            assertTrue(sent.header("Location").endsWith("/staff/two-factor/set-up"), page + " " + sent.header("Location"));
        }
        browser.get("/staff/two-factor/set-up").then().statusCode(200).body(containsString("must sign in with a code"));
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/queues").then().statusCode(401);
        setUp(browser);
        browser.get("/staff").then().statusCode(200);

        long id = QuarkusTransaction.requiringNew().call(() -> Organisation.findByCode(organisation).orElseThrow().id);
        Response unticked = admin.post("/admin/organisations/" + id, "name", "Two-factor organisation " + organisation);
        assertEquals(303, unticked.statusCode(), unticked.asString());
        assertFalse(QuarkusTransaction.requiringNew().call(() -> Organisation.findByCode(organisation).orElseThrow().requireTwoFactor));
        assertEquals(1L, auditCount("admin", "ADMIN_REQUIRE_TWO_FACTOR"), "stopping is audited");
    }

    @Test
    void anAdministratorResetsTwoFactorForALostPhone() {
        String username = newAccount("PARTNERSHIP");
        StaffSession browser = StaffSession.signIn(username, PASSWORD);
        setUp(browser);
        StaffAccount account = QuarkusTransaction.requiringNew().call(() -> StaffAccount.findByUsername(username).orElseThrow());

        StaffSession admin = StaffSession.signIn("admin");
        admin.get("/admin/accounts/" + account.id).then().statusCode(200).body(containsString("Reset two-factor sign-in"));
        Response reset = admin.post("/admin/accounts/" + account.id + "/two-factor/reset", "version", String.valueOf(account.version));
        assertEquals(303, reset.statusCode(), reset.asString());
        assertTrue(reset.header("Location").endsWith("?saved=two-factor-reset"));
        assertEquals(1L, auditCountOf("ADMIN_RESET_TWO_FACTOR", username));

        assertEquals(302, browser.get("/staff").statusCode(), "the account's sessions ended");
        StaffSession again = StaffSession.signIn(username, PASSWORD);
        again.get("/staff").then().statusCode(200);
    }

    @Test
    void httpBasicIsRefusedForAnAccountWithTwoFactorButApiTokensWork() {
        String username = newAccount("PARTNERSHIP");
        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/queues").then().statusCode(200);
        StaffSession browser = StaffSession.signIn(username, PASSWORD);
        setUp(browser);
        Response created = browser.post("/staff/api-tokens", "name", "Queue monitor", "days", "30");
        assertEquals(200, created.statusCode(), created.asString());
        Matcher token = Pattern.compile("id=\"new-token\"[^>]*value=\"([^\"]+)\"").matcher(created.asString());
        assertTrue(token.find(), created.asString());

        given().auth().preemptive().basic(username, PASSWORD).get("/api/v1/queues").then().statusCode(401);
        given().header("Authorization", "Bearer " + token.group(1)).get("/api/v1/queues").then().statusCode(200);
    }

    @Test
    void theDemonstrationAccountsNeedNoSecondFactorInTests() {
        StaffSession admin = StaffSession.signIn("admin");
        assertEquals(303, admin.get("/staff/start").statusCode());
        assertTrue(admin.get("/staff/start").header("Location").endsWith("/staff"));
        admin.get("/admin").then().statusCode(200);
        assertFalse(admin.get("/staff").asString().contains("Enter your code"));
    }

    static long auditCount(String actor, String action) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("actor = ?1 and action = ?2", actor, action));
    }

    static long auditCountOf(String action, String username) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.count("action = ?1 and detail like ?2", action,
                "%" + username + "%"));
    }

    static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace(" ", "").toUpperCase();
        byte[] out = new byte[clean.length() * 5 / 8];
        int buffer = 0;
        int bits = 0;
        int index = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out[index++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }
}
