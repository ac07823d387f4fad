package org.asbportal.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A 401 from the staff API says that HTTP Basic is expected, as HTTP requires of every 401. */
@QuarkusTest
class BasicChallengeTest {

    @Test
    void anonymousApiRequestIsChallengedForBasicCredentials() {
        given().when().get("/api/v1/queues")
                .then().statusCode(401).header("WWW-Authenticate", startsWith("Basic realm=\"ASB portal staff\""));
    }

    @Test
    void wrongCredentialsAreChallengedAgain() {
        given().auth().preemptive().basic("triage", "not-the-password").when().get("/api/v1/cases/ASB-2222-2222")
                .then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("basic"));
    }

    @Test
    void staffPagesStillSendBrowsersToTheSignInPage() {
        given().redirects().follow(false).when().get("/staff")
                .then().statusCode(302).header("Location", endsWith("/login"));
    }
}
