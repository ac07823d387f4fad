package org.asbportal.trigger;

import static org.asbportal.security.StaffSession.fields;
import static org.asbportal.trigger.Reviews.acknowledge;
import static org.asbportal.trigger.Reviews.agencyInformation;
import static org.asbportal.trigger.Reviews.belowTheThreshold;
import static org.asbportal.trigger.Reviews.decideMet;
import static org.asbportal.trigger.Reviews.meeting;
import static org.asbportal.trigger.Reviews.meetingTheThreshold;
import static org.asbportal.trigger.Reviews.post;
import static org.asbportal.trigger.Reviews.version;
import static org.asbportal.trigger.TriggerRequests.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;

import org.asbportal.notify.Victims;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.trigger.Reviews.Application;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coordinator's HTML pages and the applicant's view on /track, over real HTTP with CSRF. */
@QuarkusTest
class TriggerReviewPagesTest {

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void database() {
        clock.fixAt(TestDates.NOW);
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void coordinatorAcknowledgesAndDecidesThroughTheFormsWithPostRedirectGet() {
        Application application = belowTheThreshold(Victims.uniqueEmail());
        String reference = application.reference();
        StaffSession coordinator = StaffSession.signIn("coordinator");

        coordinator.get("/staff/community-trigger").then().statusCode(200)
                .body(containsString("href=\"/staff/community-trigger/" + reference + "\""))
                .body(containsString("Community Trigger reviews</a>"));
        Response page = coordinator.get("/staff/community-trigger/" + reference);
        page.then().statusCode(200)
                .body(containsString("<h1 class=\"govuk-heading-xl\">Application " + reference + "</h1>"))
                .body(containsString("Alex Applicant"))
                .body(containsString("Bedfordshire Police"))
                .body(containsString("To confirm"))
                .body(containsString("href=\"/staff/community-trigger/" + reference + "/reports/"));
        int version = StaffSession.versionOn(page);

        Response acknowledged = coordinator.post("/staff/community-trigger/" + reference + "/acknowledge",
                "version", String.valueOf(version));
        assertEquals(303, acknowledged.statusCode(), acknowledged.asString());
        assertTrue(acknowledged.header("Location").endsWith("/staff/community-trigger/" + reference + "?saved=acknowledged"));
        coordinator.get("/staff/community-trigger/" + reference + "?saved=acknowledged").then().statusCode(200)
                .body(containsString("Application acknowledged"))
                .body(containsString("Decide the threshold"));

        // a stale page: nothing saved, a clear message
        coordinator.post("/staff/community-trigger/" + reference + "/acknowledge", "version", String.valueOf(version))
                .then().statusCode(409).body(containsString("Your change was not saved"));

        int now = version(reference);
        Response refused = coordinator.post("/staff/community-trigger/" + reference + "/decision", fields("version",
                String.valueOf(now), "decidedOn-day", "31", "decidedOn-month", "2", "decidedOn-year", "2026",
                "discretionary", "no", "reasons", "Kept when the page comes back"));
        refused.then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#decision-decidedOn\""))
                .body(containsString("The date of the decision must be a real date"))
                .body(containsString("Kept when the page comes back</textarea>"));

        Response decided = coordinator.post("/staff/community-trigger/" + reference + "/decision", fields("version",
                String.valueOf(now), "decidedOn-day", String.valueOf(today().getDayOfMonth()),
                "decidedOn-month", String.valueOf(today().getMonthValue()), "decidedOn-year", String.valueOf(today().getYear()),
                "discretionary", "yes", "victimVulnerable", "yes", "reasons", "The victim lives alone and is disabled."));
        assertEquals(303, decided.statusCode(), decided.asString());
        coordinator.get("/staff/community-trigger/" + reference).then().statusCode(200)
                .body(containsString("Going ahead because the victim is vulnerable"))
                .body(containsString("Review in progress"));
        assertTrue(db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND actor = 'coordinator' "
                + "AND action = 'READ_TRIGGER'", reference) >= 3, "every read of the page is audited");
    }

    @Test
    void refusesAFormWithoutTheCsrfToken() {
        String reference = meetingTheThreshold(Victims.uniqueEmail()).reference();
        StaffSession coordinator = StaffSession.signIn("coordinator");
        coordinator.get("/staff/community-trigger/" + reference).then().statusCode(200);

        coordinator.postExactly("/staff/community-trigger/" + reference + "/acknowledge", fields("version", "0"))
                .then().statusCode(400);
        Reviews.review(reference).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void theQueueTagsAnApplicationWithAStepPastItsDueDate() {
        String late = meetingTheThreshold(Victims.uniqueEmail()).reference();
        db.update("UPDATE trigger_step s JOIN trigger_application a ON a.id = s.application_id SET s.due_by = ? "
                + "WHERE a.reference = ? AND s.step = 'ACKNOWLEDGE'", today().minusDays(3), late);
        StaffSession coordinator = StaffSession.signIn("coordinator");

        String overdue = coordinator.get("/staff/community-trigger?overdue=true").then().statusCode(200).extract().asString();
        int row = overdue.indexOf("/staff/community-trigger/" + late + "\"");
        assertTrue(row > 0, "the late application is listed");
        String rest = overdue.substring(row, overdue.indexOf("</tr>", row));
        assertTrue(rest.contains("govuk-tag--red\">Overdue"), rest);
        coordinator.get("/staff/community-trigger/" + late).then().body(containsString("govuk-tag--red\">Overdue"));
        StaffApi.as("coordinator").when().get(Reviews.REVIEWS + "?overdue=true").then().statusCode(200)
                .body("rows.find { it.reference == '" + late + "' }.overdue", equalTo(true))
                .body("rows.find { it.reference == '" + late + "' }.currentStep", equalTo("ACKNOWLEDGE"));
    }

    @Test
    void theApplicantSeesEveryStepTheLetterAndEscalatesOnTrack() {
        Application application = meetingTheThreshold(Victims.uniqueEmail());
        String reference = application.reference();

        Response received = track(application);
        received.then().statusCode(200)
                .body(containsString("Your application " + reference))
                .body(containsString("Decide whether the threshold is met"))
                .body(containsString("Not yet"))
                .body(not(containsString("Ask for it to be looked at again")));

        acknowledge(reference).then().statusCode(200);
        decideMet(reference, today().toString()).then().statusCode(200);
        agencyInformation(reference).then().statusCode(200);
        meeting(reference, today().toString()).then().statusCode(200);
        post(reference, "outcome", StaffApi.json("version", version(reference), "summary", "Warnings will be followed up."))
                .then().statusCode(200);

        track(application).then().statusCode(200)
                .body(containsString("Review complete"))
                .body(containsString("Your outcome letter"))
                .body(containsString("Warnings will be followed up."))
                .body(not(containsString("The warnings were not followed up.")))
                .body(containsString("Ask for it to be looked at again"));
        StaffSession.signIn("coordinator").get("/staff/community-trigger/" + reference + "/letter").then().statusCode(200)
                .body(containsString("Dear Alex Applicant"))
                .body(containsString("Warnings will be followed up."));

        Map<String, String> csrf = csrf();
        io.restassured.RestAssured.given().cookie("asb-csrf", csrf.get("cookie")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf.get("token")).formParam("reference", reference)
                .formParam("accessCode", application.accessCode()).formParam("reason", "")
                .when().post("/community-trigger/escalation").then().statusCode(400)
                .body(containsString("Tell us why you are unhappy with the decision or the outcome"));
        io.restassured.RestAssured.given().cookie("asb-csrf", csrf.get("cookie")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf.get("token")).formParam("reference", reference)
                .formParam("accessCode", application.accessCode()).formParam("reason", "Nothing has changed.")
                .when().post("/community-trigger/escalation").then().statusCode(200)
                .body(containsString("We have your request."))
                .body(containsString("Nothing has changed."))
                .body(containsString("Not decided yet"));
        Reviews.review(reference).then().body("status", equalTo("ESCALATED")).body("escalation.requestedBy", equalTo("applicant"));
    }

    @Test
    void aWrongAccessCodeForAnApplicationIsAnsweredInWordsForReportsAndApplications() {
        Application application = meetingTheThreshold(Victims.uniqueEmail());

        Map<String, String> csrf = csrf();
        io.restassured.RestAssured.given().cookie("asb-csrf", csrf.get("cookie")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf.get("token")).formParam("reference", application.reference())
                .formParam("accessCode", "AAAA-AAAA-AAAA")
                .when().post("/track").then().statusCode(404)
                .body(containsString("We could not find a report or case review application with that reference and access code"));
    }

    private static Response track(Application application) {
        Map<String, String> csrf = csrf();
        return io.restassured.RestAssured.given().cookie("asb-csrf", csrf.get("cookie")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf.get("token")).formParam("reference", application.reference())
                .formParam("accessCode", application.accessCode())
                .when().post("/track");
    }

    private static Map<String, String> csrf() {
        var form = io.restassured.RestAssured.given().accept(ContentType.HTML).when().get("/track").then().statusCode(200).extract();
        return Map.of("cookie", form.cookie("asb-csrf"),
                "token", form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value"));
    }
}
