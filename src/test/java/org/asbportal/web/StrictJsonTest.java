package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** JSON bodies are read strictly: a key given twice or a value longer than any field is a 400 problem. */
@QuarkusTest
class StrictJsonTest {

    @Test
    void refusesAKeyGivenTwiceNamingIt() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("{\"categoryCode\":\"NOISE\",\"description\":\"Loud music\",\"anonymous\":true,\"anonymous\":false}")
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(400))
                .body("detail", containsString("\"anonymous\" more than once"));
    }

    @Test
    void refusesAKeyGivenTwiceInsideANestedObject() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("{\"categoryCode\":\"NOISE\",\"location\":{\"town\":\"Bedford\",\"town\":\"Luton\"}}")
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("detail", containsString("\"town\" more than once"));
    }

    @Test
    void refusesAStringLongerThanAnyFieldCanHold() {
        given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body("{\"categoryCode\":\"NOISE\",\"description\":\"" + "x".repeat(StrictJson.MAX_STRING_LENGTH + 1) + "\"}")
                .when().post("/api/v1/reports")
                .then().statusCode(400)
                .contentType(startsWith(Problem.MEDIA_TYPE))
                .body("status", equalTo(400))
                .body("detail", equalTo("The request body has a value or nesting larger than the service accepts."));
    }
}
