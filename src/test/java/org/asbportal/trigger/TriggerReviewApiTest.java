package org.asbportal.trigger;

import static org.asbportal.trigger.Reviews.REVIEWS;
import static org.asbportal.trigger.Reviews.acknowledge;
import static org.asbportal.trigger.Reviews.agencyInformation;
import static org.asbportal.trigger.Reviews.applicantView;
import static org.asbportal.trigger.Reviews.belowTheThreshold;
import static org.asbportal.trigger.Reviews.decideMet;
import static org.asbportal.trigger.Reviews.meeting;
import static org.asbportal.trigger.Reviews.meetingTheThreshold;
import static org.asbportal.trigger.Reviews.post;
import static org.asbportal.trigger.Reviews.review;
import static org.asbportal.trigger.Reviews.version;
import static org.asbportal.trigger.TriggerRequests.today;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;

import org.asbportal.notify.MailProfile;
import org.asbportal.notify.OutboxSender;
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

/**
 * The coordinator's review of a Community Trigger application over the JSON API, from
 * acknowledgement to the outcome letter and the applicant's escalation, against the real database
 * and a real mail server.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class TriggerReviewApiTest {

    static final String PROBLEM_JSON = StaffApi.PROBLEM_JSON;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxSender sender;

    GreenMail mailServer;

    ReportRows db;

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void setUp() {
        clock.fixAt(TestDates.NOW);
        Victims.discardBacklog();
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void coordinatorWorksAnApplicationThroughToTheOutcomeLetterThatTheApplicantReceivesAndSees() throws Exception {
        String email = Victims.uniqueEmail();
        Application application = meetingTheThreshold(email);
        String reference = application.reference();

        coordinatorSees(reference).body("status", equalTo("RECEIVED"))
                .body("applicant.name", equalTo("Alex Applicant"))
                .body("complaints", hasSize(3))
                .body("complaints.qualifies", everyItem(equalTo(true)))
                .body("thresholdMetNow", equalTo(true))
                .body("steps.completedAt", everyItem(nullValue()));

        acknowledge(reference).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("steps[0].completedAt", notNullValue())
                .body("steps[0].completedBy", equalTo("coordinator"));
        applicantView(application).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("statusDescription", startsWith("We have acknowledged your application."))
                .body("steps[0].completedAt", notNullValue())
                .body("updates.message", hasItem(startsWith("We have acknowledged your application.")));

        decideMet(reference, today().toString()).then().statusCode(200)
                .body("status", equalTo("REVIEW_IN_PROGRESS"))
                .body("decision.thresholdMet", equalTo(true))
                .body("decision.qualifyingComplaints", equalTo(3))
                .body("decision.discretionary", equalTo(false))
                .body("decision.decidedBy", equalTo("coordinator"))
                .body("steps[1].completedAt", notNullValue());

        agencyInformation(reference).then().statusCode(200)
                .body("agencies.asked", contains("COUNCIL", "POLICE", "HOUSING"))
                .body("agencies.summary", equalTo("Two warnings given, a noise diary started."))
                .body("steps[2].completedBy", equalTo("coordinator"));

        meeting(reference, today().toString()).then().statusCode(200)
                .body("meeting.chair", equalTo("Jo Independent"))
                .body("meeting.chairIndependent", equalTo(true))
                .body("meeting.victimAttended", equalTo(false))
                .body("meeting.impactStatement", equalTo("I have not slept properly for months."))
                .body("steps[3].completedAt", notNullValue());

        Response recommended = post(reference, "recommendations", StaffApi.json("text", "Install noise monitoring equipment",
                "ownerAgency", "Environmental health", "dueOn", today().plusDays(30).toString()));
        recommended.then().statusCode(201).body("status", equalTo("OPEN")).body("version", equalTo(0));
        long recommendation = ((Number) recommended.path("id")).longValue();
        post(reference, "recommendations/" + recommendation + "/progress",
                StaffApi.json("version", 0, "note", "Equipment ordered", "done", false))
                .then().statusCode(200).body("status", equalTo("OPEN")).body("progress.note", contains("Equipment ordered"));
        post(reference, "recommendations/" + recommendation + "/progress",
                StaffApi.json("version", 1, "note", "Installed on Monday", "done", true))
                .then().statusCode(200).body("status", equalTo("DONE"))
                .body("progress.note", contains("Equipment ordered", "Installed on Monday"))
                .body("progress.actor", everyItem(equalTo("coordinator")));

        String summary = "The agencies will follow up every warning within a week.";
        post(reference, "outcome", StaffApi.json("version", version(reference), "summary", summary)).then().statusCode(200)
                .body("status", equalTo("REVIEW_COMPLETE"))
                .body("outcome.summary", equalTo(summary))
                .body("outcome.letterEmailed", equalTo(true))
                .body("steps.completedAt", everyItem(notNullValue()));

        sender.sendDue();
        List<MimeMessage> mails = Victims.received(mailServer, email);
        assertEquals(1, mails.size());
        assertEquals("The outcome of your case review " + reference, mails.get(0).getSubject());
        String text = Victims.part(mails.get(0), "text/plain");
        assertTrue(text.contains(summary), text);
        assertTrue(text.contains("Install noise monitoring equipment (Environmental health"), text);
        assertTrue(text.contains("chaired by Jo Independent, who is independent"), text);
        assertFalse(text.contains(application.accessCode()), "the access code is never emailed");
        assertTrue(Victims.part(mails.get(0), "text/html").contains(summary));

        Reviews.coordinator().when().get(REVIEWS + reference + "/letter").then().statusCode(200)
                .body("summary", equalTo(summary))
                .body("applicantName", equalTo("Alex Applicant"))
                .body("recommendations.text", contains("Install noise monitoring equipment"));
        applicantView(application).then().statusCode(200)
                .body("status", equalTo("REVIEW_COMPLETE"))
                .body("mayEscalate", equalTo(true))
                .body("letter.summary", equalTo(summary))
                .body("steps.completedAt", everyItem(notNullValue()))
                .body("updates.message", hasItem(startsWith("The case review is complete.")))
                .body("updates.message", not(hasItem(containsString("Two warnings given"))));

        List<String> audited = db.rows("SELECT action FROM audit_entry WHERE reference = ? ORDER BY id", reference).stream()
                .map(r -> r.string("action")).toList();
        assertTrue(audited.containsAll(List.of("READ_TRIGGER", "TRIGGER_ACKNOWLEDGE", "TRIGGER_DECISION", "TRIGGER_AGENCIES",
                "TRIGGER_MEETING", "TRIGGER_RECOMMENDATION", "TRIGGER_PROGRESS", "TRIGGER_OUTCOME", "READ_TRIGGER_LETTER")),
                audited.toString());

        // the applicant is unhappy with the outcome; the escalation is decided and both sides see it
        escalateAsApplicant(application, "The noise carried on after the review.").then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("escalation.about", equalTo("OUTCOME"))
                .body("escalation.reason", equalTo("The noise carried on after the review."))
                .body("mayEscalate", equalTo(false));
        escalateAsApplicant(application, "Again").then().statusCode(409).contentType(startsWith(PROBLEM_JSON));
        post(reference, "escalation/decision", StaffApi.json("decision", "UPHELD", "reasons", "The follow-up was too slow."))
                .then().statusCode(200)
                .body("status", equalTo("ESCALATION_UPHELD"))
                .body("escalation.decision", equalTo("UPHELD"))
                .body("escalation.decidedBy", equalTo("coordinator"))
                .body("escalation.requestedBy", equalTo("applicant"));
        applicantView(application).then().statusCode(200)
                .body("status", equalTo("ESCALATION_UPHELD"))
                .body("escalation.decision", equalTo("UPHELD"))
                .body("escalation.decisionReasons", equalTo("The follow-up was too slow."));
    }

    @Test
    void aThresholdNotMetNeedsReasonsAndEndsTheReviewWithTheLaterStepsNotNeeded() {
        Application application = belowTheThreshold(Victims.uniqueEmail());
        String reference = application.reference();
        acknowledge(reference).then().statusCode(200);
        int version = version(reference);

        post(reference, "decision", StaffApi.json("version", version, "decidedOn", today().toString(), "discretionary", false))
                .then().statusCode(400).contentType(startsWith(PROBLEM_JSON))
                .body("errors.field", contains("reasons"));
        // the police say the complaint was never made: one qualifying complaint of three
        long police = ((Number) review(reference).path("complaints[1].id")).longValue();
        post(reference, "complaints/" + police + "/confirmation", StaffApi.json("version", version, "confirmed", false))
                .then().statusCode(200)
                .body("complaints[1].confirmation", equalTo("NOT_CONFIRMED"))
                .body("complaints[1].confirmedBy", equalTo("coordinator"))
                .body("complaints[1].countsNow", equalTo(false))
                .body("qualifyingNow", equalTo(1));

        post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", today().toString(),
                "discretionary", false, "reasons", "Only one complaint was made in the last six months."))
                .then().statusCode(200)
                .body("status", equalTo("THRESHOLD_NOT_MET"))
                .body("decision.thresholdMet", equalTo(false))
                .body("decision.qualifyingComplaints", equalTo(1))
                .body("steps[2].notNeeded", equalTo(true))
                .body("steps[4].notNeeded", equalTo(true));
        agencyInformation(reference).then().statusCode(409).contentType(startsWith(PROBLEM_JSON))
                .body("detail", containsString("threshold was not met"));
        applicantView(application).then().statusCode(200)
                .body("status", equalTo("THRESHOLD_NOT_MET"))
                .body("steps.notNeeded", contains(false, false, true, true, true))
                .body("updates.message", hasItem(containsString("Only one complaint was made in the last six months.")))
                .body("mayEscalate", equalTo(true));

        // the coordinator records the applicant's escalation for them, then it is not upheld
        post(reference, "escalation", StaffApi.json("reason", "I called the police five times.")).then().statusCode(200)
                .body("status", equalTo("ESCALATED"))
                .body("escalation.about", equalTo("DECISION"))
                .body("escalation.requestedBy", equalTo("coordinator"));
        post(reference, "escalation/decision", StaffApi.json("decision", "NOT_UPHELD")).then().statusCode(400)
                .body("errors.field", contains("decisionReasons"));
        post(reference, "escalation/decision", StaffApi.json("decision", "NOT_UPHELD",
                "reasons", "The police have no record of the calls.")).then().statusCode(200)
                .body("status", equalTo("ESCALATION_NOT_UPHELD"));
        applicantView(application).then().body("escalation.decision", equalTo("NOT_UPHELD"))
                .body("statusDescription", containsString("Ombudsman"));
    }

    @Test
    void belowTheThresholdACoordinatorMayProceedForAVulnerableVictimGivingReasons() {
        Application application = belowTheThreshold(Victims.uniqueEmail());
        String reference = application.reference();
        acknowledge(reference).then().statusCode(200);

        post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", today().toString(),
                "discretionary", true, "victimVulnerable", false, "reasons", "Serious harm"))
                .then().statusCode(400).body("errors.field", contains("victimVulnerable"));
        post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", today().toString(),
                "discretionary", true, "victimVulnerable", true))
                .then().statusCode(400).body("errors.field", contains("reasons"))
                .body("errors[0].message", equalTo("Give the reasons for going ahead although the threshold is not met"));

        post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", today().toString(),
                "discretionary", true, "victimVulnerable", true, "reasons", "The victim is disabled and lives alone."))
                .then().statusCode(200)
                .body("status", equalTo("REVIEW_IN_PROGRESS"))
                .body("decision.thresholdMet", equalTo(false))
                .body("decision.discretionary", equalTo(true))
                .body("decision.victimVulnerable", equalTo(true))
                .body("decision.reasons", equalTo("The victim is disabled and lives alone."))
                .body("decision.proceeding", equalTo(true))
                .body("history.message", hasItem(containsString("going ahead at the coordinator's discretion")));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND action = 'TRIGGER_DECISION' "
                + "AND detail = 'DISCRETIONARY'", reference));
    }

    @Test
    void refusesAStaleVersionWithA409AndStepsOutOfOrder() {
        String reference = meetingTheThreshold(Victims.uniqueEmail()).reference();
        int seen = version(reference);

        post(reference, "decision", StaffApi.json("version", seen, "decidedOn", today().toString())).then().statusCode(409)
                .contentType(startsWith(PROBLEM_JSON)).body("detail", containsString("Acknowledge the application"));
        post(reference, "acknowledge", StaffApi.json("version", seen)).then().statusCode(200);
        post(reference, "acknowledge", StaffApi.json("version", seen)).then().statusCode(409)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(409))
                .body("detail", containsString("Someone else changed this application"));
        post(reference, "decision", StaffApi.json("version", seen, "decidedOn", today().toString())).then().statusCode(409);
        review(reference).then().body("status", equalTo("ACKNOWLEDGED")).body("decision", nullValue());
    }

    @Test
    void checksTheDatesAndTextOfEachStep() {
        String reference = meetingTheThreshold(Victims.uniqueEmail()).reference();
        acknowledge(reference).then().statusCode(200);

        post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", today().plusDays(1).toString()))
                .then().statusCode(400).body("errors[0].message", equalTo("The date of the decision must be today or in the past"));
        post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", "2026-02-30"))
                .then().statusCode(400).body("errors[0].message", startsWith("The date of the decision must be a real date"));
        decideMet(reference, today().toString()).then().statusCode(200);
        post(reference, "meeting", StaffApi.json("version", version(reference), "victimAttended", false)).then().statusCode(400)
                .body("errors.field", contains("heldOn", "chair", "chairIndependent", "attending", "impactStatement", "findings"));
        post(reference, "outcome", StaffApi.json("version", version(reference), "summary", "Done")).then().statusCode(409)
                .body("detail", containsString("Record the review meeting"));
        post(reference, "recommendations", StaffApi.json("text", "x", "ownerAgency", "Police",
                "dueOn", today().minusDays(1).toString())).then().statusCode(400)
                .body("errors.field", contains("dueOn"));
    }

    @Test
    void datesAtTheEdgesOfTimeAreFieldErrors() {
        String reference = meetingTheThreshold(Victims.uniqueEmail()).reference();
        acknowledge(reference).then().statusCode(200);

        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "9999-12-31")) {
            post(reference, "decision", StaffApi.json("version", version(reference), "decidedOn", date))
                    .then().statusCode(400).contentType(startsWith(PROBLEM_JSON)).body("errors.field", contains("decidedOn"));
        }
        decideMet(reference, today().toString()).then().statusCode(200);
        agencyInformation(reference).then().statusCode(200);
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01")) {
            meeting(reference, date).then().statusCode(400).contentType(startsWith(PROBLEM_JSON))
                    .body("errors.field", contains("heldOn"));
        }
        meeting(reference, today().toString()).then().statusCode(200);
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01")) {
            post(reference, "recommendations", StaffApi.json("text", "x", "ownerAgency", "Police", "dueOn", date))
                    .then().statusCode(400).contentType(startsWith(PROBLEM_JSON)).body("errors.field", contains("dueOn"));
        }
    }

    @Test
    void onlyCoordinatorsAndAdministratorsMayReview() {
        String reference = meetingTheThreshold(Victims.uniqueEmail()).reference();

        StaffApi.anonymous().when().get(REVIEWS + reference).then().statusCode(401);
        StaffApi.anonymous().when().get(REVIEWS).then().statusCode(401);
        StaffApi.as("triage").when().get(REVIEWS + reference).then().statusCode(403).contentType(startsWith(PROBLEM_JSON));
        StaffApi.as("triage").body(StaffApi.json("version", 0)).when().post(REVIEWS + reference + "/acknowledge")
                .then().statusCode(403);
        StaffApi.as("councillor").when().get(REVIEWS).then().statusCode(403);
        StaffApi.as("admin").when().get(REVIEWS + reference).then().statusCode(200).body("reference", equalTo(reference));
        review(reference).then().statusCode(200).body("status", equalTo("RECEIVED"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND actor = 'triage'", reference));

        StaffSession.anonymous().get("/staff/community-trigger").then().statusCode(302)
                .header("Location", org.hamcrest.Matchers.matchesPattern("(https?://[^/]+)?/login"));
        StaffSession.signIn("triage").get("/staff/community-trigger/" + reference).then().statusCode(403);
    }

    @Test
    void answersAnUnknownApplicationWithA404() {
        Reviews.coordinator().when().get(REVIEWS + "CT-2222-2222").then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON));
        Reviews.coordinator().when().get(REVIEWS + "?status=NOT_A_STATUS").then().statusCode(400)
                .body("errors.field", contains("status"));
        Reviews.coordinator().when().get(REVIEWS + "?page=2000000000").then().statusCode(200)
                .body("rows", hasSize(0)).body("hasNext", equalTo(false));
    }

    private static io.restassured.response.ValidatableResponse coordinatorSees(String reference) {
        return review(reference).then().statusCode(200).contentType(ContentType.JSON);
    }

    private static Response escalateAsApplicant(Application application, String reason) {
        return io.restassured.RestAssured.given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .header("X-Access-Code", application.accessCode()).body(StaffApi.json("reason", reason))
                .when().post(TriggerRequests.PATH + "/" + application.reference() + "/escalation");
    }
}
