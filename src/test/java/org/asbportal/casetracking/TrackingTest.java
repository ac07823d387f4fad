package org.asbportal.casetracking;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import io.agroal.api.AgroalDataSource;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffApi;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Victims check their case at /track with the reference and access code, and add to it. */
@QuarkusTest
class TrackingTest {

    @Inject
    AgroalDataSource dataSource;

    private ReportRows db;

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void rows() {
        clock.fixAt(TestDates.NOW);
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    private static ExtractableResponse<Response> newReport() {
        return given().contentType(ContentType.JSON).body(ReportRequests.valid().json())
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract();
    }

    private record Csrf(String cookie, String token) {
    }

    private static Csrf csrf() {
        ExtractableResponse<Response> form = given().accept(ContentType.HTML).when().get("/track").then().statusCode(200).extract();
        return new Csrf(form.cookie("asb-csrf"), form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
    }

    private static Response post(String path, Map<String, String> fields) {
        Csrf csrf = csrf();
        return given().cookie("asb-csrf", csrf.cookie()).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf.token()).formParams(fields)
                .when().post(path);
    }

    @Test
    void victimSeesStatusAndPublicUpdatesWithReferenceAndCode() {
        ExtractableResponse<Response> report = newReport();

        post("/track", Map.of("reference", report.path("reference").toString().toLowerCase(), "accessCode", report.path("accessCode")))
                .then().statusCode(200)
                .body(containsString("Your report " + report.path("reference")))
                .body(containsString("We received your report."))
                .body(containsString("Who has it"))
                .body(containsString(TestDates.today().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)) + " at "))
                .body(not(matchesPattern("(?s).*\\d{4}-\\d{2}-\\d{2}T\\d{2}:.*")));
    }

    @Test
    void wrongCodeAndUnknownReferenceLookTheSame() {
        ExtractableResponse<Response> report = newReport();

        String wrongCode = post("/track", Map.of("reference", report.path("reference"), "accessCode", "2222-3333-4444"))
                .then().statusCode(404).extract().htmlPath().getString("**.find { it.@class == 'govuk-error-summary__list' }");
        String unknown = post("/track", Map.of("reference", "ASB-2222-3333", "accessCode", "2222-3333-4444"))
                .then().statusCode(404).extract().htmlPath().getString("**.find { it.@class == 'govuk-error-summary__list' }");

        assertEquals(wrongCode, unknown);
    }

    @Test
    void missingAnswersAreAskedForClearly() {
        post("/track", Map.of("reference", "", "accessCode", "")).then().statusCode(400)
                .body(containsString("Enter your reference"));
    }

    @Test
    void guessingOneReferenceIsStoppedAfterFiveWrongCodesEvenWithTheRightOne() {
        ExtractableResponse<Response> report = newReport();
        String reference = report.path("reference");
        for (int i = 0; i < 5; i++) {
            given().header("X-Access-Code", "WRONG-CODE-" + i).when().get("/api/v1/reports/" + reference).then().statusCode(404);
        }

        given().header("X-Access-Code", report.path("accessCode").toString()).when().get("/api/v1/reports/" + reference)
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", equalTo(429));
    }

    @Test
    void victimAddsInformationThatStaysInTheirTimeline() {
        ExtractableResponse<Response> report = newReport();
        String reference = report.path("reference");
        String code = report.path("accessCode");

        post("/track/add", Map.of("reference", reference, "accessCode", code, "kind", "NEW_INCIDENT",
                "text", "It happened again on Friday <b>night</b>"))
                .then().statusCode(200)
                .body(containsString("You told us it happened again: It happened again on Friday &lt;b&gt;night&lt;/b&gt;"));

        given().header("X-Access-Code", code).when().get("/api/v1/reports/" + reference).then().statusCode(200)
                .body("updates.message", hasItem("You told us it happened again: It happened again on Friday <b>night</b>"));
    }

    @Test
    void addingNothingIsRefusedWithAMessage() {
        ExtractableResponse<Response> report = newReport();

        post("/track/add", Map.of("reference", report.path("reference"), "accessCode", report.path("accessCode"),
                "kind", "INFORMATION", "text", " "))
                .then().statusCode(400).body(containsString("Tell us what you want to add"));
    }

    @Test
    void nothingIsAddedToAClosedCaseAndItsPageOffersNoForm() {
        ExtractableResponse<Response> report = newReport();
        String reference = report.path("reference");
        String code = report.path("accessCode");
        StaffApi.as("admin").body(Map.of("outcome", "RESOLVED"))
                .when().post("/api/v1/cases/" + reference + "/close").then().statusCode(200);
        int before = db.events(reference).size();

        post("/track", Map.of("reference", reference, "accessCode", code))
                .then().statusCode(200)
                .body(containsString("We have closed your report."))
                .body(not(containsString("action=\"/track/add\"")));
        post("/track/add", Map.of("reference", reference, "accessCode", code, "kind", "INFORMATION",
                "text", "One more thing"))
                .then().statusCode(409)
                .body(containsString("Your report is closed, so we cannot add to it."));

        assertEquals(before, db.events(reference).size());
        assertEquals(List.of(), db.events(reference).stream().filter(e -> "INFORMATION".equals(e.string("kind"))).toList());
    }

    @Test
    void trackFormNeedsTheCsrfToken() {
        given().contentType(ContentType.URLENC).formParam("reference", "ASB-2222-3333").formParam("accessCode", "x")
                .when().post("/track").then().statusCode(400);
    }
}
