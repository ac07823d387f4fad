package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** While the database is unreachable the portal says so clearly, and loses nothing a resident typed. */
@QuarkusTest
@TestProfile(DatabaseOutageTest.Profile.class)
class DatabaseOutageTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DatabaseProxy.class));
        }
    }

    private static final String REPORT = """
            {"categoryCode":"BEGGING","description":"Outage test report","occurredAt":"2025-02-03",
             "stillHappening":false,"location":{"description":"Station forecourt"},"anonymous":true,
             "reporter":{"role":"WITNESS"},
             "risk":{"happenedBefore":"NO","targetedForIdentity":false,"impact":"NONE","feelsUnsafeAtHome":false,
                     "vulnerablePeopleAffected":false,"youngPeopleInvolved":"NO"},
             "consentToShare":true}""";

    @AfterEach
    void restore() {
        DatabaseProxy.restore();
    }

    @Test
    void reportApiAnswers503WithRetryAfterWhileTheDatabaseIsDownThenRecovers() {
        DatabaseProxy.cut();

        given().contentType(ContentType.JSON).body(REPORT)
                .when().post("/api/v1/reports")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("status", equalTo(503))
                .body("detail", containsString("nothing was saved"));

        DatabaseProxy.restore();

        given().contentType(ContentType.JSON).body(REPORT)
                .when().post("/api/v1/reports")
                .then().statusCode(201);
    }

    @Test
    void readinessIsDownWhileTheDatabaseIsUnreachable() {
        given().when().get("/q/health/ready").then().statusCode(200);

        DatabaseProxy.cut();

        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void residentSendingDuringAnOutageKeepsTheirAnswersOnTheCheckPage() {
        var start = given().accept(ContentType.HTML).when().get("/report").then().statusCode(200).extract();
        String token = start.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        String cookie = start.cookie("asb-csrf");
        DatabaseProxy.cut();

        // Every answer of the journey, as the pages would have collected them in the draft.
        String complete = Base64.getUrlEncoder().withoutPadding().encodeToString("""
                {"submissionId":"outage-test-1","danger":"no","category":"NOISE","locationDescription":"Mill Lane",
                 "day":"3","month":"2","year":"2025","stillHappening":"no","description":"Music all night",
                 "youngPeople":"NO","happenedBefore":"NO","targeted":"no","impact":"NONE","unsafeAtHome":"no",
                 "vulnerableAffected":"no","contactChoice":"ANONYMOUS","role":"WITNESS","consent":"yes"}"""
                .getBytes(StandardCharsets.UTF_8));
        String page = given().cookie("asb-csrf", cookie).contentType(ContentType.URLENC)
                .formParams(Map.of("csrf-token", token, "draft", complete, "step", "check", "action", "send"))
                .when().post("/report")
                .then().statusCode(greaterThanOrEqualTo(400))
                .extract().asString();

        assertThat(page)
                .contains("we could not send your report just now")
                .contains("value=\"" + complete.substring(0, 40))
                .contains("Music all night");
    }
}
