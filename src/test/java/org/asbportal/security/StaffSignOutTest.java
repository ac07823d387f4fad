package org.asbportal.security;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Signing out of a session old enough to have its cookie renewed: the sign-in mechanism renews the
 * cookie on the same response, which must not undo the sign-out. The renewal interval is one second
 * here (a minute in the portal's configuration) so the test need not wait a minute.
 */
@QuarkusTest
@TestProfile(StaffSignOutTest.QuickRenewal.class)
class StaffSignOutTest {

    public static class QuickRenewal implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.form.new-cookie-interval", "1S");
        }
    }

    @Test
    void signsOutOfASessionWhoseCookieIsDueForRenewal() throws InterruptedException {
        StaffSession browser = StaffSession.signIn("triage");
        browser.get("/staff").then().statusCode(200);
        Thread.sleep(1_500);

        Response response = browser.post("/logout", Map.of());

        assertEquals(303, response.statusCode(), response.asString());
        List<String> sessionCookies = response.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(StaffSession.SESSION_COOKIE + "=")).toList();
        assertEquals(1, sessionCookies.size(), "one session cookie: " + sessionCookies);
        assertTrue(sessionCookies.get(0).startsWith(StaffSession.SESSION_COOKIE + "=;"), sessionCookies.get(0));
        assertTrue(sessionCookies.get(0).contains("Max-Age=0"), sessionCookies.get(0));
        assertNull(browser.sessionCookie(), "the browser dropped the session");
        Response afterwards = browser.get("/staff");
        assertEquals(302, afterwards.statusCode(), "signed out");
        assertTrue(afterwards.header("Location").endsWith("/login"), afterwards.header("Location"));
    }

    @Test
    void renewsTheCookieOfASessionInUse() throws InterruptedException {
        StaffSession browser = StaffSession.signIn("triage");
        String first = browser.sessionCookie();
        Thread.sleep(1_500);

        browser.get("/staff").then().statusCode(200).body(containsString("Tom Triage"));

        assertNotEquals(first, browser.sessionCookie(), "renewed");
        browser.get("/staff").then().statusCode(200);
    }
}
