package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;

import io.agroal.api.AgroalDataSource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.function.Supplier;

import org.asbportal.report.ReportFormSession;
import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
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

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseMetrics databaseMetrics;

    @AfterEach
    void restore() {
        DatabaseProxy.restore();
    }

    /**
     * A request the test makes during the outage and after it, whether it answers a page or JSON, and
     * whether it may answer from what the portal holds in memory (the kinds of behaviour, the
     * directory of agencies, a page with no data) instead of saying the database is unreachable.
     */
    private record Route(String name, boolean html, Supplier<Response> call, boolean mayAnswerFromMemory) {

        Route(String name, boolean html, Supplier<Response> call) {
            this(name, html, call, false);
        }
    }

    /**
     * Every kind of route that reads or writes the database: public pages, the report form and the
     * API, tracking a report, staff pages and the staff API, the published figures. While the
     * database is unreachable each answers 503 with Retry-After (a page for people, problem JSON for
     * the API), never a 500, and readiness is DOWN; once it is back each works again without a restart.
     */
    @Test
    void everyKindOfRouteAnswers503WithRetryAfterDuringAnOutageAndRecoversWithoutARestart() {
        StaffSession staff = StaffSession.signIn("triage");
        StaffSession resident = StaffSession.anonymous();
        resident.ensureCsrfToken();
        ReportFormSession form = ReportFormSession.start();
        form.walkToCheck(ReportFormSession.validAnswers());
        List<Route> routes = List.of(
                new Route("GET /report/category", true, () -> given().accept("text/html").get("/report/category"), true),
                new Route("GET /contact", true, () -> given().accept("text/html").get("/contact"), true),
                new Route("GET /figures", true, () -> given().accept("text/html").get("/figures")),
                new Route("GET /community-trigger", true, () -> given().accept("text/html").get("/community-trigger"), true),
                new Route("POST /track", true, () -> resident.post("/track", "reference", "ASB-2345-6789",
                        "accessCode", "2345-6789-ABCD")),
                new Route("GET /staff (queues)", true, () -> staff.get("/staff")),
                new Route("GET /staff/district", true, () -> staff.get("/staff/district")),
                new Route("GET /api/v1/categories", false, () -> given().accept("application/json").get("/api/v1/categories"), true),
                new Route("GET /api/v1/community-trigger/figures", false,
                        () -> given().accept("application/json").get("/api/v1/community-trigger/figures")),
                new Route("GET /api/v1/queues (staff API)", false, () -> StaffApi.as("triage").get("/api/v1/queues")),
                new Route("POST /api/v1/reports", false,
                        () -> given().contentType(ContentType.JSON).body(REPORT).post("/api/v1/reports")));
        List<String> before = new ArrayList<>();
        for (Route route : routes) {
            before.add(route.name() + " " + route.call().get().statusCode());
        }

        DatabaseProxy.cut();

        List<String> wrong = new ArrayList<>();
        for (Route route : routes) {
            Response response = route.call().get();
            String body = response.asString();
            boolean right = response.statusCode() == 503 && response.header("Retry-After") != null
                    && (route.html()
                            ? response.contentType().startsWith("text/html") && body.contains("nothing was saved")
                            : response.contentType().startsWith("application/problem+json") && body.contains("\"status\":503"));
            if (route.mayAnswerFromMemory() && response.statusCode() == 200) {
                right = true;
            }
            if (!right) {
                wrong.add(route.name() + " answered " + response.statusCode() + " " + response.contentType()
                        + " Retry-After=" + response.header("Retry-After"));
            }
        }
        Response sent = form.send(Map.of(), true, true);
        if (sent.statusCode() != 503 || sent.header("Retry-After") == null) {
            wrong.add("sending the report form answered " + sent.statusCode());
        }
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        assertEquals(List.of(), wrong, "every route answers 503 with Retry-After during the outage");

        DatabaseProxy.restore();

        given().when().get("/q/health/ready").then().statusCode(200);
        List<String> after = new ArrayList<>();
        for (Route route : routes) {
            Response response = route.call().get();
            after.add(route.name() + " " + response.statusCode());
            assertNotEquals(503, response.statusCode(), route.name() + " works again");
            assertTrue(response.statusCode() < 500, route.name() + " works again: " + response.statusCode());
        }
        assertEquals(before.stream().map(line -> line.replace(" 201", " 2xx").replace(" 200", " 2xx")).toList(),
                after.stream().map(line -> line.replace(" 201", " 2xx").replace(" 200", " 2xx")).toList(),
                "every route answers as it did before the outage");
        form.get("/report/check").then().statusCode(200);
        form.press("send").then().statusCode(200).body(containsString("Report sent"));
    }

    /** A report acknowledged with a reference is committed before the answer leaves: any connection sees it. */
    @Test
    void aReportAcknowledgedWithAReferenceIsAlreadyCommitted() throws SQLException {
        DatabaseProxy.cut();
        given().contentType(ContentType.JSON).body(REPORT).when().post("/api/v1/reports").then().statusCode(503);
        DatabaseProxy.restore();

        String reference = given().contentType(ContentType.JSON).body(REPORT)
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract().path("reference");

        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT (SELECT COUNT(*) FROM report WHERE reference = ?), "
                                + "(SELECT COUNT(*) FROM queue_item q JOIN report r ON r.id = q.report_id WHERE r.reference = ?)")) {
            statement.setString(1, reference);
            statement.setString(2, reference);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                assertEquals(1, row.getInt(1), "the report is committed");
                assertEquals(1, row.getInt(2), "with its queue item");
            }
        }
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

    /** The gauge the "database down" alert reads goes to 0 at the first check in an outage, and back to 1 after. */
    @Test
    void theDatabaseGaugeSaysWhetherTheLastCheckReachedTheDatabase() {
        assertTrue(databaseMetrics.refresh());
        assertTrue(Scrape.now().has("asb_database_up"), "the gauge is published");
        assertEquals(1.0, Scrape.now().value("asb_database_up"));

        DatabaseProxy.cut();
        assertFalse(databaseMetrics.refresh());
        assertEquals(0.0, Scrape.now().value("asb_database_up"));

        DatabaseProxy.restore();
        assertTrue(databaseMetrics.refresh());
        assertEquals(1.0, Scrape.now().value("asb_database_up"));
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
