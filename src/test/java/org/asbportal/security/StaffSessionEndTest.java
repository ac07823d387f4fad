package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A signed-in session is held on the server as well as in the browser's encrypted cookie: once it
 * ends, copies of its cookies sign nobody in. (Ends by an administrator's changes are in
 * AdminAccountsTest.)
 */
@QuarkusTest
class StaffSessionEndTest {

    @Inject
    TestClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void signingOutEndsTheSessionForEveryCopyOfItsCookies() {
        StaffSession browser = StaffSession.signIn("caseworker");
        browser.get("/staff").then().statusCode(200);
        Map<String, String> copied = browser.sessionCookies();
        assertEquals(2, copied.size(), copied.toString());

        Response signOut = browser.post("/logout", Map.of());

        assertEquals(303, signOut.statusCode(), signOut.asString());
        List<String> expired = signOut.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(StaffSessions.COOKIE + "=;")).toList();
        assertEquals(1, expired.size(), signOut.headers().getValues("Set-Cookie").toString());
        assertTrue(expired.get(0).contains("Max-Age=0"), expired.get(0));
        Response replayed = get(copied, "/staff");
        assertEquals(302, replayed.statusCode(), replayed.asString());
        assertTrue(replayed.header("Location").matches("(https?://[^/]+)?/login"), replayed.header("Location"));
        assertEquals(302, get(copied, "/staff/district").statusCode());
    }

    @Test
    void theEncryptedCookieAloneSignsNobodyIn() {
        Map<String, String> cookies = new LinkedHashMap<>(StaffSession.signIn("caseworker").sessionCookies());
        assertEquals(200, get(cookies, "/staff").statusCode());
        cookies.remove(StaffSessions.COOKIE);

        Response page = get(cookies, "/staff");

        assertEquals(302, page.statusCode(), page.asString());
        assertTrue(page.header("Location").matches("(https?://[^/]+)?/login"), page.header("Location"));
    }

    @Test
    void anotherAccountsSessionTokenDoesNotCountForThisOne() {
        Map<String, String> caseworker = new LinkedHashMap<>(StaffSession.signIn("caseworker").sessionCookies());
        Map<String, String> triage = StaffSession.signIn("triage").sessionCookies();
        caseworker.put(StaffSessions.COOKIE, triage.get(StaffSessions.COOKIE));

        assertEquals(302, get(caseworker, "/staff").statusCode());
        assertEquals(200, get(triage, "/staff").statusCode());
    }

    @Test
    void aSessionEndsAtItsLongestAgeHoweverBusy() {
        Map<String, String> cookies = StaffSession.signIn("caseworker").sessionCookies();
        clock.fixAt(clock.instant().plus(Duration.ofHours(11)));
        assertEquals(200, get(cookies, "/staff").statusCode());

        clock.fixAt(clock.instant().plus(Duration.ofHours(1)).plusSeconds(1));

        assertEquals(302, get(cookies, "/staff").statusCode());
    }

    @Test
    void theSignInPageOpensForABrowserWhoseSessionEnded() {
        StaffSession browser = StaffSession.signIn("caseworker");
        Map<String, String> copied = browser.sessionCookies();
        browser.post("/logout", Map.of()).then().statusCode(303);

        Response refused = get(copied, "/login");

        List<String> cookies = refused.headers().getValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(StaffSession.SESSION_COOKIE + "=;") && c.contains("Max-Age=0")),
                cookies.toString());
        assertTrue(cookies.stream().anyMatch(c -> c.startsWith(StaffSessions.COOKIE + "=;") && c.contains("Max-Age=0")),
                cookies.toString());
        assertEquals(200, get(Map.of(), "/login").statusCode());
    }

    private static Response get(Map<String, String> cookies, String path) {
        return given().cookies(cookies).accept("text/html").redirects().follow(false).get(path);
    }
}
