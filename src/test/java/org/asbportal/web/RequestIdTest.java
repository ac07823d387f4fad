package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

/** Every response carries the request's id: the caller's when it is a sane token, a new one otherwise. */
@QuarkusTest
class RequestIdTest {

    @Test
    void aSaneRequestIdIsSentBack() {
        String id = given().header("X-Request-Id", "lb-7f3a.91_c-2").when().get("/api/v1/categories")
                .then().statusCode(200).extract().header("X-Request-Id");

        assertThat(id).isEqualTo("lb-7f3a.91_c-2");
    }

    @Test
    void withoutOneTheResponseCarriesANewOne() {
        String first = given().when().get("/").then().extract().header("X-Request-Id");
        String second = given().when().get("/").then().extract().header("X-Request-Id");

        assertThat(first).matches("[A-Za-z0-9._-]{1,64}");
        assertThat(second).matches("[A-Za-z0-9._-]{1,64}").isNotEqualTo(first);
    }

    @Test
    void aHostileRequestIdIsReplacedNotEchoed() {
        String tooLong = "a".repeat(500);
        String withNewline = "abc\r\nSet-Cookie: x=1";
        String withSpaces = "abc def";

        for (String hostile : new String[] {tooLong, withSpaces, "a".repeat(65), "<script>"}) {
            String id = given().header("X-Request-Id", hostile).when().get("/api/v1/categories")
                    .then().statusCode(200).extract().header("X-Request-Id");
            assertThat(id).isNotEqualTo(hostile).matches("[A-Za-z0-9._-]{1,64}");
        }
        assertThat(RequestIds.idFor(withNewline)).isNotEqualTo(withNewline).doesNotContain("\n");
        assertThat(RequestIds.idFor("a".repeat(64))).isEqualTo("a".repeat(64));
        assertThat(RequestIds.idFor("")).isNotEmpty();
    }

    @Test
    void anErrorCarriesTheIdToo() {
        String id = given().header("X-Request-Id", "trace-404").when().get("/api/v1/no-such-thing")
                .then().statusCode(404).extract().header("X-Request-Id");

        assertThat(id).isEqualTo("trace-404");
    }
}
