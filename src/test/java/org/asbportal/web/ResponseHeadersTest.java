package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.Test;

/**
 * The headers every response carries: no caching of anything but static assets, the features pages
 * may use, a content policy without Google while reCAPTCHA is off, no HSTS over plain HTTP, and no
 * redirect to a host the request named. (HTTPS behind a proxy: ForwardedHeadersTest.)
 */
@QuarkusTest
class ResponseHeadersTest {

    private static final String EVIL = "evil.example";

    /** Pages and JSON a signed-in member of staff or administrator sees. */
    private static final List<String> STAFF_PAGES = List.of("/staff", "/staff/community-trigger", "/staff/pledge",
            "/staff/district", "/admin", "/admin/accounts", "/wards", "/staff/start");
    /** JSON for scripts, with personal data (or its absence, which says as much). */
    private static final List<String> STAFF_JSON = List.of("/api/v1/queues", "/api/v1/queues/COUNCIL_ASB/items",
            "/api/v1/cases/ASB-2026-000001", "/api/v1/community-trigger/reviews");
    /** Pages and JSON anyone may open: a report's status by reference and code, forms, the sign-in page. */
    private static final List<String> PUBLIC = List.of("/", "/login", "/track", "/report/danger",
            "/api/v1/reports/ASB-2026-000001?code=ABCD-EFGH", "/api/v1/categories", "/api/v1/wards",
            "/community-trigger", "/pledge", "/no-such-page", "/staff");

    @Test
    void nothingButStaticAssetsMayBeKept() {
        StaffSession admin = StaffSession.signIn("admin");
        for (String path : STAFF_PAGES) {
            Response page = admin.get(path);
            assertTrue(page.statusCode() < 500, path + " " + page.statusCode());
            assertEquals("no-store", page.header("Cache-Control"), path);
        }
        for (String path : STAFF_JSON) {
            Response json = given().auth().preemptive().basic("admin", DemoAccounts.PASSWORD).accept("application/json")
                    .redirects().follow(false).get(path);
            assertEquals("no-store", json.header("Cache-Control"), path + " " + json.statusCode());
        }
        for (String path : PUBLIC) {
            Response page = given().redirects().follow(false).get(path);
            assertEquals("no-store", page.header("Cache-Control"), path + " " + page.statusCode());
        }
        for (String asset : List.of("/css/portal.css", "/js/app.js", "/img/favicon.svg")) {
            Response file = given().get(asset);
            assertEquals(200, file.statusCode(), asset);
            String cache = file.header("Cache-Control");
            assertTrue(cache == null || !cache.contains("no-store"), asset + ": " + cache);
        }
    }

    @Test
    void pagesMayUseLocationOnTheirOwnAndNoCameraMicrophoneOrPayment() {
        String policy = given().get("/").header("Permissions-Policy");

        assertTrue(policy.contains("geolocation=(self)"), policy);
        for (String off : List.of("camera=()", "microphone=()", "payment=()", "usb=()")) {
            assertTrue(policy.contains(off), off + " in " + policy);
        }
    }

    @Test
    void theContentPolicyLeavesGoogleOutWhileReCaptchaIsOff() {
        for (String path : List.of("/", "/report/danger", "/login")) {
            String policy = given().get(path).header("Content-Security-Policy");
            assertFalse(policy.contains("google"), path + ": " + policy);
            assertFalse(policy.contains("gstatic"), path + ": " + policy);
            assertTrue(policy.contains("default-src 'self'"), policy);
            assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        }
    }

    @Test
    void plainHttpGetsNoStrictTransportSecurity() {
        assertNull(given().get("/").header("Strict-Transport-Security"));
    }

    @Test
    void aRedirectGoesToThisSiteWhateverHostTheRequestNamed() {
        Response challenge = given().header("Host", EVIL).accept("text/html").redirects().follow(false).get("/staff");
        assertEquals(302, challenge.statusCode());
        assertEquals("/login", challenge.header("Location"));
        String remembered = StaffSession.lastCookie(challenge, "quarkus-redirect-location");

        Response signIn = given().header("Host", EVIL).cookie("quarkus-redirect-location", remembered)
                .contentType("application/x-www-form-urlencoded").accept("text/html").redirects().follow(false)
                .formParam("j_username", "caseworker").formParam("j_password", DemoAccounts.PASSWORD)
                .post("/j_security_check");
        assertEquals(302, signIn.statusCode(), signIn.asString());
        assertEquals("/staff", signIn.header("Location"));

        Response landing = given().header("Host", EVIL).contentType("application/x-www-form-urlencoded").accept("text/html")
                .redirects().follow(false).formParam("j_username", "caseworker").formParam("j_password", DemoAccounts.PASSWORD)
                .post("/j_security_check");
        assertEquals("/staff/start", landing.header("Location"));

        Response wrong = given().header("Host", EVIL).contentType("application/x-www-form-urlencoded").accept("text/html")
                .redirects().follow(false).formParam("j_username", "caseworker").formParam("j_password", "wrong")
                .post("/j_security_check");
        assertEquals("/login?error=true", wrong.header("Location"));

        StaffSession browser = StaffSession.signIn("caseworker");
        Response start = given().header("Host", EVIL).cookies(browser.sessionCookies()).redirects().follow(false)
                .get("/staff/start");
        assertEquals("/staff", start.header("Location"));
        Response signOut = browser.postWithHeaders("/logout", Map.of(), Map.of("Host", EVIL));
        assertEquals(303, signOut.statusCode(), signOut.asString());
        assertEquals("/login?signed-out=true", signOut.header("Location"));
    }

    @Test
    void aRedirectToThePortalsOwnAddressIsKept() {
        Response challenge = given().header("Host", "localhost:8080").accept("text/html").redirects().follow(false).get("/staff");

        assertEquals("http://localhost:8080/login", challenge.header("Location"));
    }
}
