package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The sign-in form is refused when a browser says it was posted from another site (login CSRF). */
@QuarkusTest
class SignInOriginTest {

    @TestHTTPResource("/")
    URL base;

    private static Response signIn(String header, String value) {
        var request = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "triage").formParam("j_password", DemoAccounts.PASSWORD);
        if (header != null) {
            request.header(header, value);
        }
        return request.when().post("/j_security_check");
    }

    @Test
    void signInPostedFromAnotherSiteIsRefusedWithoutASession() {
        for (Response refused : new Response[] {signIn("Sec-Fetch-Site", "cross-site"), signIn("Sec-Fetch-Site", "same-site"),
                signIn("Origin", "https://evil.example"), signIn("Origin", "null")}) {
            assertEquals(403, refused.statusCode());
            assertNull(refused.getCookie(StaffSession.SESSION_COOKIE), "no session from a refused sign-in");
        }
    }

    @Test
    void signInFromThePortalsOwnPageOrAScriptSignsIn() {
        String ownOrigin = base.getProtocol() + "://" + base.getAuthority();
        for (Response signedIn : new Response[] {signIn("Sec-Fetch-Site", "same-origin"), signIn("Origin", ownOrigin),
                signIn(null, null)}) {
            assertEquals(302, signedIn.statusCode());
            assertTrue(signedIn.header("Location").endsWith("/staff/start"), signedIn.header("Location"));
        }
    }
}
