package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.asbportal.trigger.TriggerRequests.citing;
import static org.asbportal.trigger.TriggerRequests.portalReport;
import static org.asbportal.trigger.TriggerRequests.someoneElsesReport;
import static org.asbportal.trigger.TriggerRequests.valid;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A portal report counts towards a case review only when the applicant shows it is theirs to cite:
 * its access code, or the email or phone its reporter gave. Any other reference is left for the
 * coordinator to confirm, and the applicant is told exactly the same whether it exists or not.
 */
@QuarkusTest
class CitedReportProofTest {

    @Inject
    AgroalDataSource dataSource;

    private ReportRows db;

    @BeforeEach
    void rows() {
        db = new ReportRows(dataSource);
    }

    private static Response apply(List<String> references, List<String> codes) {
        Body body = citing(valid(), references, List.of());
        if (codes != null) {
            body.with("reportAccessCodes", codes);
        }
        return TriggerApiTest.submit(body);
    }

    /** What the applicant is shown of their application, without what differs between any two applications. */
    private static Map<String, Object> applicantView(Response response) {
        JsonPath json = response.then().extract().jsonPath();
        Map<String, Object> complaint = new java.util.LinkedHashMap<>(json.getMap("complaints[0]"));
        complaint.remove("reference");
        return Map.of("thresholdMet", json.get("thresholdMet"), "qualifyingComplaints", json.get("qualifyingComplaints"),
                "threshold", json.get("threshold"), "complaint", complaint);
    }

    private static Response status(Response saved) {
        return given().header("X-Access-Code", saved.path("accessCode").toString())
                .when().get(TriggerRequests.PATH + "/" + saved.path("reference"));
    }

    private Row complaintRow(Response saved) {
        Object id = db.rows("SELECT id FROM trigger_application WHERE reference = ?", saved.path("reference").toString())
                .get(0).get("id");
        return db.rows("SELECT * FROM trigger_complaint WHERE application_id = ? AND position = 1", id).get(0);
    }

    @Test
    void citingSomeoneElsesReportWithoutProofLooksExactlyLikeCitingOneThatDoesNotExist() {
        String real = someoneElsesReport(5).get("reference");
        String missing = real.startsWith("ASB-2222") ? "ASB-3333-3333" : "ASB-2222-2222";

        Response citingReal = apply(List.of(real), null);
        Response citingMissing = apply(List.of(missing), null);
        Response citingRealWithWrongCode = apply(List.of(real), List.of("2222-3333-4444"));

        citingReal.then().statusCode(201).body("complaints[0].qualifies", equalTo(false))
                .body("complaints[0].toConfirm", equalTo(true))
                .body("complaints[0].reason", equalTo(ThresholdRules.PORTAL_TO_CONFIRM));
        citingMissing.then().statusCode(201);
        citingRealWithWrongCode.then().statusCode(201);
        assertEquals(applicantView(citingMissing), applicantView(citingReal));
        assertEquals(applicantView(citingMissing), applicantView(citingRealWithWrongCode));
        assertEquals(applicantView(status(citingMissing)), applicantView(status(citingReal)));

        // the coordinator sees which report was cited, still to confirm
        Row row = complaintRow(citingReal);
        assertTrue(row.bool("to_confirm"));
        assertNotNull(row.get("report_id"));
        assertNull(complaintRow(citingMissing).get("report_id"));
        StaffSession.signIn("coordinator").get("/staff/community-trigger/" + citingReal.path("reference"))
                .then().statusCode(200)
                .body(containsString("href=\"/staff/community-trigger/" + citingReal.path("reference") + "/reports/" + real + "\""))
                .body(containsString("To confirm"));
    }

    @Test
    void withItsAccessCodeSomeoneElsesReportCounts() {
        Map<String, String> report = someoneElsesReport(5);

        apply(List.of(report.get("reference")), List.of(report.get("accessCode").toLowerCase().replace("-", " ")))
                .then().statusCode(201)
                .body("complaints[0].qualifies", equalTo(true))
                .body("complaints[0].toConfirm", equalTo(false))
                .body("qualifyingComplaints", equalTo(1));
    }

    @Test
    void guessingAReportsCodeByCitingItIsCountedAndStopsEvenTheRightCodeAfterFiveWrongOnes() {
        Map<String, String> report = someoneElsesReport(5);
        for (int i = 0; i < 5; i++) {
            apply(List.of(report.get("reference")), List.of("2222-3333-444" + (2 + i))).then().statusCode(201)
                    .body("complaints[0].qualifies", equalTo(false));
        }

        apply(List.of(report.get("reference")), List.of(report.get("accessCode"))).then().statusCode(201)
                .body("complaints[0].qualifies", equalTo(false))
                .body("complaints[0].reason", equalTo(ThresholdRules.PORTAL_TO_CONFIRM))
                .body("qualifyingComplaints", equalTo(0));
    }

    @Test
    void aReportMadeWithTheApplicantsEmailOrPhoneCountsWithoutItsCode() {
        String byEmail = portalReport(5);
        Body body = citing(valid(), List.of(byEmail), List.of()).with("applicant.email", "Alex.Applicant@EXAMPLE.org")
                .with("applicant.phone", null);
        TriggerApiTest.submit(body).then().statusCode(201)
                .body("complaints[0].qualifies", equalTo(true)).body("qualifyingComplaints", equalTo(1));

        String byPhone = portalReport(4);
        Body byPhoneBody = citing(valid(), List.of(byPhone), List.of()).with("applicant.email", "someone.new@example.org")
                .with("applicant.phone", "+44 1632 960002");
        TriggerApiTest.submit(byPhoneBody).then().statusCode(201)
                .body("complaints[0].qualifies", equalTo(true)).body("qualifyingComplaints", equalTo(1));
    }

    @Test
    void theCoordinatorConfirmsAReportLeftToConfirmAndItIsThenAssessed() {
        String real = someoneElsesReport(5).get("reference");
        String reference = apply(List.of(real), null).then().statusCode(201).extract().path("reference");
        int version = Reviews.version(reference);
        long complaint = ((Number) Reviews.review(reference).path("complaints[0].id")).longValue();

        Reviews.post(reference, "complaints/" + complaint + "/confirmation", StaffApi.json("version", version, "confirmed", true))
                .then().statusCode(200)
                .body("complaints[0].confirmation", equalTo("CONFIRMED"))
                .body("complaints[0].countsNow", equalTo(true))
                .body("qualifyingNow", equalTo(1));
    }

    @Test
    void theFormTakesTheAccessCodeOfEachCitedReport() {
        Map<String, String> report = someoneElsesReport(5);
        Map<String, java.util.Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        steps.put("reports", TriggerFormSession.answers("reference", report.get("reference"), "referenceCode",
                report.get("accessCode")));
        TriggerFormSession session = TriggerFormSession.start();
        Response check = session.walkToCheck(steps);
        check.then().statusCode(200).body(containsString(report.get("reference") + " (with its access code)"))
                .body(org.hamcrest.Matchers.not(containsString(report.get("accessCode"))));

        Response confirmation = session.press("send");
        confirmation.then().statusCode(200);
        String reference = TriggerFormSession.referenceOn(confirmation);
        given().header("X-Access-Code", TriggerFormSession.accessCodeOn(confirmation))
                .when().get(TriggerRequests.PATH + "/" + reference)
                .then().statusCode(200)
                .body("complaints[0].reference", equalTo(report.get("reference")))
                .body("complaints[0].qualifies", equalTo(true));
    }
}
