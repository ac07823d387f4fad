package org.asbportal.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.notify.OutboxMessage;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A forgotten staff password is reset with an emailed link that works once, for a while, and tells nobody who has an account. */
@QuarkusTest
class PasswordResetTest {

    private static final Pattern LINK = Pattern.compile("/password/reset\\?token=([A-Za-z0-9_-]+)");
    private static final String NEW_PASSWORD = "kettle orchard violin";

    @Inject
    TestClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    private static String accountWithEmail(String email) {
        String username = TwoFactorSignInTest.newAccount("PARTNERSHIP");
        QuarkusTransaction.requiringNew().run(() -> StaffAccount.update("email = ?1 where username = ?2", email, username));
        return username;
    }

    private static List<OutboxMessage> mailTo(String email) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>list("recipient", email));
    }

    private static String askForLink(String email) {
        StaffSession browser = StaffSession.anonymous();
        browser.get("/password/forgotten").then().statusCode(200);
        Response asked = browser.post("/password/forgotten", "email", email.toUpperCase());
        assertEquals(303, asked.statusCode(), asked.asString());
        assertTrue(asked.header("Location").endsWith("/password/forgotten?sent=true"));
        List<OutboxMessage> mail = mailTo(email);
        assertEquals(1, mail.size());
        assertEquals("STAFF_PASSWORD_RESET", mail.get(0).kind);
        Matcher link = LINK.matcher(mail.get(0).bodyText);
        assertTrue(link.find(), mail.get(0).bodyText);
        return link.group(1);
    }

    @Test
    void setsANewPasswordOnceWithTheEmailedLink() {
        String email = "reset-" + UUID.randomUUID().toString().substring(0, 8) + "@council.example";
        String username = accountWithEmail(email);
        StaffSession signedIn = StaffSession.signIn(username, TwoFactorSignInTest.PASSWORD);
        String token = askForLink(email);

        StaffSession browser = StaffSession.anonymous();
        browser.get("/password/reset?token=" + token).then().statusCode(200).body(containsString("Set a new password"));
        browser.post("/password/reset", "token", token, "password", "Password2026!").then().statusCode(400)
                .body(containsString("one of the most commonly used"));
        browser.post("/password/reset", "token", token, "password", "short").then().statusCode(400)
                .body(containsString("12 characters or more"));
        Response done = browser.post("/password/reset", "token", token, "password", NEW_PASSWORD);
        assertEquals(303, done.statusCode(), done.asString());
        assertTrue(done.header("Location").endsWith("/login?reset=true"));

        assertEquals(302, signedIn.get("/staff").statusCode(), "the sessions signed in before ended");
        StaffSession.signIn(username, NEW_PASSWORD).get("/staff").then().statusCode(200);
        assertTrue(StaffSession.submitSignIn(username, TwoFactorSignInTest.PASSWORD).header("Location").contains("error"));
        assertEquals(1L, TwoFactorSignInTest.auditCount(username, "PASSWORD_RESET_BY_EMAIL"));

        browser.get("/password/reset?token=" + token).then().statusCode(404).body(containsString("This link cannot be used"));
        browser.post("/password/reset", "token", token, "password", "another fine passphrase").then().statusCode(404);
    }

    @Test
    void theSignInPageOffersTheLinkAndSaysWhenANewPasswordIsSet() {
        StaffSession.anonymous().get("/login").then().statusCode(200)
                .body(containsString("href=\"/password/forgotten\""));
        StaffSession.anonymous().get("/login?reset=true").then().statusCode(200)
                .body(containsString("Your new password is set"));
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoEmail() {
        String email = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@council.example";
        Response asked = StaffSession.anonymous().post("/password/forgotten", "email", email);
        assertEquals(303, asked.statusCode());
        assertTrue(asked.header("Location").endsWith("/password/forgotten?sent=true"));
        assertEquals(0, mailTo(email).size());
    }

    @Test
    void aLinkExpires() {
        String email = "expire-" + UUID.randomUUID().toString().substring(0, 8) + "@council.example";
        accountWithEmail(email);
        Instant now = Instant.now();
        clock.fixAt(now);
        String token = askForLink(email);
        clock.fixAt(now.plus(Duration.ofMinutes(61)));
        StaffSession.anonymous().get("/password/reset?token=" + token).then().statusCode(404);
        StaffSession.anonymous().get("/password/reset?token=forged").then().statusCode(404);
    }

    @Test
    void anAccountIsSentAtMostThreeLinksAnHour() {
        String email = "flood-" + UUID.randomUUID().toString().substring(0, 8) + "@council.example";
        accountWithEmail(email);
        for (int i = 0; i < 5; i++) {
            assertEquals(303, StaffSession.anonymous().post("/password/forgotten", "email", email).statusCode());
        }
        assertEquals(3, mailTo(email).size());
    }
}
