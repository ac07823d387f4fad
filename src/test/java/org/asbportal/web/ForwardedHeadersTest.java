package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.List;

import org.asbportal.security.BehindProxyProfile;
import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.Test;

/** Behind a proxy that says the request came over HTTPS: HSTS, and the sign-in cookies are Secure. */
@QuarkusTest
@TestProfile(BehindProxyProfile.class)
class ForwardedHeadersTest {

    @Test
    void aRequestThatCameOverHttpsGetsStrictTransportSecurity() {
        assertEquals("max-age=31536000", given().header("X-Forwarded-Proto", "https").get("/")
                .header("Strict-Transport-Security"));
        assertEquals("max-age=31536000", given().header("X-Forwarded-Proto", "https").redirects().follow(false)
                .get("/staff").header("Strict-Transport-Security"));
        assertNull(given().header("X-Forwarded-Proto", "http").get("/").header("Strict-Transport-Security"));
    }

    @Test
    void theSignInCookiesAreSecureEvenWhenTheProxySaysNothing() {
        Response signIn = given().contentType("application/x-www-form-urlencoded").accept("text/html")
                .redirects().follow(false).formParam("j_username", "caseworker").formParam("j_password", DemoAccounts.PASSWORD)
                .post("/j_security_check");

        List<String> cookies = signIn.headers().getValues("Set-Cookie");
        for (String name : List.of(StaffSession.SESSION_COOKIE, StaffSession.TOKEN_COOKIE)) {
            String cookie = cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst().orElseThrow();
            assertTrue(cookie.contains("Secure"), cookie);
            assertTrue(cookie.toLowerCase().contains("httponly"), cookie);
            assertTrue(cookie.contains("SameSite=Strict"), cookie);
        }
    }
}
