package org.asbportal.trigger;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.web.TestDates;

/**
 * Fixtures for {@code POST /api/v1/community-trigger/applications}: a valid application from a
 * named victim citing no complaint yet, which a test completes with portal reports it saves first
 * ({@link #portalReport}) or complaints to other agencies ({@link #otherComplaint}).
 */
final class TriggerRequests {

    static final String PATH = "/api/v1/community-trigger/applications";
    static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    private TriggerRequests() {
    }

    /** Today in the partnership's time zone by the portal's clock (fixed or not). */
    static LocalDate today() {
        return TestDates.clockToday();
    }

    static Body valid() {
        Body body = new Body();
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Alex Applicant");
        applicant.put("email", "alex.applicant@example.org");
        applicant.put("phone", "01632 960 002");
        applicant.put("type", "PERSON");
        body.put("applicant", applicant);
        body.put("description", "Shouting and banging doors every night, application " + ReportRequests.unique());
        body.put("impact", "I cannot sleep and I am anxious about going out.");
        body.put("hateMotivated", false);
        body.put("reportReferences", new ArrayList<>());
        body.put("otherComplaints", new ArrayList<>());
        body.put("outcomeWanted", "For the noise to stop.");
        return body;
    }

    /**
     * Saves a portal report about behaviour {@code daysAgo} days before today, made by the applicant of
     * {@link #valid()} (their email and phone), and returns its reference.
     */
    static String portalReport(int daysAgo) {
        Body report = ReportRequests.valid().with("occurredAt", today().minusDays(daysAgo).toString())
                .with("reporter.email", "alex.applicant@example.org").with("reporter.phone", "01632 960 002");
        return given().contentType(ContentType.JSON).body(report.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract().path("reference");
    }

    /** Saves a portal report made by someone else than the applicant of {@link #valid()}; its reference and access code. */
    static Map<String, String> someoneElsesReport(int daysAgo) {
        Body report = ReportRequests.valid().with("occurredAt", today().minusDays(daysAgo).toString())
                .with("reporter.email", "someone.else@example.org").with("reporter.phone", "01632 960 999");
        var saved = given().contentType(ContentType.JSON).body(report.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract();
        return Map.of("reference", saved.path("reference"), "accessCode", saved.path("accessCode"));
    }

    static Map<String, Object> otherComplaint(String agency, LocalDate reportedOn, LocalDate behaviourOn) {
        Map<String, Object> complaint = new LinkedHashMap<>();
        complaint.put("agency", agency);
        complaint.put("reportedOn", reportedOn == null ? null : reportedOn.toString());
        complaint.put("behaviourOn", behaviourOn == null ? null : behaviourOn.toString());
        return complaint;
    }

    static Body citing(Body body, List<String> references, List<Map<String, Object>> others) {
        return body.with("reportReferences", references).with("otherComplaints", others);
    }
}
