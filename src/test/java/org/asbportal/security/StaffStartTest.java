package org.asbportal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Signing in lands each member of staff on the page their work starts from, one they may open. */
@QuarkusTest
class StaffStartTest {

    @ParameterizedTest(name = "{0} starts at {1}")
    @CsvSource({
        "admin, /staff",
        "triage, /staff",
        "caseworker, /staff",
        "police, /staff",
        "coordinator, /staff/community-trigger",
        "reviewer, /staff/pledge",
        "councillor, /wards"})
    void landsWhereTheirWorkStarts(String username, String startPage) {
        StaffSession session = StaffSession.signIn(username);
        Response start = session.get("/staff/start");
        assertEquals(303, start.statusCode());
        assertTrue(start.header("Location").endsWith(startPage), start.header("Location"));
        assertEquals(200, session.get(startPage).statusCode(), username + " may open " + startPage);
    }

    @Test
    void withoutSigningInTheStartSendsToTheSignInPage() {
        Response start = StaffSession.anonymous().get("/staff/start");
        assertEquals(302, start.statusCode());
        assertTrue(start.header("Location").endsWith("/login"), start.header("Location"));
    }
}
