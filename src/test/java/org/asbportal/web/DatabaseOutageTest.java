package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportFormSession;
import org.asbportal.report.ReportRequests;
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
    void residentSendingDuringAnOutageKeepsTheirAnswersInTheDraft() {
        var steps = ReportFormSession.validAnswers();
        String description = "Music all night, " + ReportRequests.unique();
        steps.get("what").put("description", List.of(description));
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);
        DatabaseProxy.cut();

        var sent = session.send(Map.of(), true, true);

        sent.then().statusCode(503).body(containsString("We could not reach our database, so nothing was saved"));
        DatabaseProxy.restore();
        session.get("/report/check").then().statusCode(200).body(containsString(description));
        session.press("send").then().statusCode(200).body(containsString("Report sent"));
    }
}
