package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.asbportal.trigger.TriggerRequests.citing;
import static org.asbportal.trigger.TriggerRequests.otherComplaint;
import static org.asbportal.trigger.TriggerRequests.portalReport;
import static org.asbportal.trigger.TriggerRequests.today;
import static org.asbportal.trigger.TriggerRequests.valid;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests.Body;
import org.asbportal.security.StaffApi;

/**
 * Applications saved through the public API and worked by the coordinator over the review JSON
 * API ({@code /api/v1/community-trigger/reviews}), as a script does.
 */
final class Reviews {

    static final String REVIEWS = "/api/v1/community-trigger/reviews/";

    /** A saved application: its reference and the access code the applicant was shown. */
    record Application(String reference, String accessCode) {
    }

    private Reviews() {
    }

    /** An application citing three portal reports about three days: the threshold is met. */
    static Application meetingTheThreshold(String email) {
        return submit(citing(valid(), List.of(portalReport(20), portalReport(9), portalReport(3)), List.of())
                .with("applicant.email", email));
    }

    /** An application citing one portal report and one complaint to the police, to be confirmed: not met. */
    static Application belowTheThreshold(String email) {
        return submit(citing(valid(), List.of(portalReport(6)),
                List.of(otherComplaint("Bedfordshire Police", today().minusDays(11), today().minusDays(12))))
                .with("applicant.email", email));
    }

    static Application submit(Body body) {
        Response created = given().contentType(ContentType.JSON).body(body.json().getBytes(StandardCharsets.UTF_8))
                .when().post(TriggerRequests.PATH);
        created.then().statusCode(201);
        return new Application(created.path("reference"), created.path("accessCode"));
    }

    static RequestSpecification coordinator() {
        return StaffApi.as("coordinator");
    }

    static Response review(String reference) {
        return coordinator().when().get(REVIEWS + reference);
    }

    static int version(String reference) {
        return review(reference).then().statusCode(200).extract().path("version");
    }

    static Response post(String reference, String action, Map<String, Object> body) {
        return coordinator().body(body).when().post(REVIEWS + reference + "/" + action);
    }

    static Response acknowledge(String reference) {
        return post(reference, "acknowledge", StaffApi.json("version", version(reference)));
    }

    static Response decideMet(String reference, String decidedOn) {
        return post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", decidedOn));
    }

    static Response agencyInformation(String reference) {
        return post(reference, "agency-information", StaffApi.json("version", version(reference),
                "asked", List.of("COUNCIL", "POLICE", "HOUSING"), "summary", "Two warnings given, a noise diary started."));
    }

    static Response meeting(String reference, String heldOn) {
        return post(reference, "meeting", StaffApi.json("version", version(reference), "heldOn", heldOn,
                "chair", "Jo Independent", "chairIndependent", true, "attending", List.of("COUNCIL", "POLICE"),
                "victimAttended", false, "impactStatement", "I have not slept properly for months.",
                "findings", "The warnings were not followed up."));
    }

    /** The applicant's view with the access code, over the public API. */
    static Response applicantView(Application application) {
        return given().accept(ContentType.JSON).header("X-Access-Code", application.accessCode())
                .when().get(TriggerRequests.PATH + "/" + application.reference());
    }
}
