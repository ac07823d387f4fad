package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Errors are a friendly page for people and problem JSON for machines, never a stack trace. */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void showsAGovukNotFoundPageToABrowser() {
        given().accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .when().get("/no-such-page")
                .then().statusCode(404)
                .contentType(startsWith("text/html"))
                .body(containsString("<h1 class=\"govuk-heading-l\">Page not found</h1>"))
                .body(containsString("govuk-template"))
                .body(containsString("If you typed the web address, check it is correct."))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")))
                .body(not(containsString("io.quarkus")));
    }

    @Test
    void answersAMachineWithProblemJsonForAnUnknownPath() {
        given().accept(ContentType.JSON)
                .when().get("/no-such-page")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("title", equalTo("Page not found"))
                .body("instance", equalTo("/no-such-page"))
                .body(not(containsString("Exception")));
    }

    @Test
    void answersProblemJsonUnderTheApiEvenToABrowser() {
        given().accept("text/html")
                .when().get("/api/v1/no-such-thing")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }

    @Test
    void refusesAnUnsupportedMethodWithAProblem() {
        given().accept(ContentType.JSON)
                .when().delete("/api/v1/categories")
                .then().statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(405));
    }

    @Test
    void sendsSecurityHeadersWithEveryPage() {
        given().accept("text/html")
                .when().get("/")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
    }

    @Test
    void reportsReadyWhenTheDatabaseIsUp() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }
}
