package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.asbportal.security.StaffSession.fields;
import static org.asbportal.trigger.Reviews.acknowledge;
import static org.asbportal.trigger.Reviews.agencyInformation;
import static org.asbportal.trigger.Reviews.belowTheThreshold;
import static org.asbportal.trigger.Reviews.decideMet;
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
import java.time.LocalDate;
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

/**
 * The Police and Crime Commissioner's review of a "threshold not met" decision: asked for once by the
 * applicant on /track, referred and decided by the coordinator, each step shown to the applicant, an
 * overturned decision sending the application on to review, and the counts in the published figures.
 * The portal's clock is fixed at Wednesday 11 March 2026.
 */
@QuarkusTest
class TriggerPccReviewTest {

    static final String PAGES = "/staff/community-trigger/";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    ReportRows db;

    @BeforeEach
    void setUp() {
        clock.fixAt(TestDates.NOW);
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void anOverturnedDecisionSendsTheApplicationOnToReviewAndEveryStepShowsOnTrack() {
        Map<String, Integer> before = figures();
        Application application = notMet();
        String reference = application.reference();

        TrackForms.track(application).then().statusCode(200)
                .body(containsString("Ask the Police and Crime Commissioner to review the decision"));
        TrackForms.post("/community-trigger/pcc-review", application, " ").then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#pcc-reason\""))
                .body(containsString("Tell us why you think the threshold decision is wrong"));
        TrackForms.post("/community-trigger/pcc-review", application, "Five calls to the police were left out.")
                .then().statusCode(200)
                .body(containsString("We will refer it to the Police and Crime Commissioner"))
                .body(containsString("Review by the Police and Crime Commissioner"))
                .body(containsString("Five calls to the police were left out."))
                .body(containsString("id=\"pcc-referred\">Not yet"))
                .body(not(containsString("action=\"/community-trigger/pcc-review\"")));
        // only once
        TrackForms.post("/community-trigger/pcc-review", application, "Again").then().statusCode(409)
                .body(containsString("You have already asked the Police and Crime Commissioner"));
        assertEquals(1, db.count("SELECT COUNT(*) FROM trigger_pcc_review p JOIN trigger_application a ON a.id = p.application_id "
                + "WHERE a.reference = ?", reference));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND action = 'TRIGGER_PCC_REQUEST'", reference));

        StaffSession coordinator = StaffSession.signIn("coordinator");
        Response page = coordinator.get(PAGES + reference);
        page.then().statusCode(200).body(containsString("Record the referral"))
                .body(not(containsString("Record the Commissioner&#39;s decision")));
        String v = String.valueOf(StaffSession.versionOn(page));
        coordinator.post(PAGES + reference + "/pcc-review/referral", fields("version", v, "referredOn-day", "12",
                "referredOn-month", "3", "referredOn-year", "2026")).then().statusCode(400)
                .body(containsString("The date it was referred must be today or in the past"));
        Response referred = coordinator.post(PAGES + reference + "/pcc-review/referral", date("referredOn", today(), "version", v));
        assertEquals(303, referred.statusCode(), referred.asString());
        assertTrue(referred.header("Location").endsWith(PAGES + reference + "?saved=pcc-referral"));
        coordinator.get(PAGES + reference + "?saved=pcc-referral").then().statusCode(200)
                .body(containsString("Referral to the Police and Crime Commissioner recorded"));

        String v2 = String.valueOf(version(reference));
        coordinator.post(PAGES + reference + "/pcc-review/decision", date("decidedOn", today(), "version", v2)).then()
                .statusCode(400)
                .body(containsString("Select whether the Commissioner upheld or overturned the decision"))
                .body(containsString("Give the Commissioner&#39;s reasons, for the applicant"));
        Response decided = coordinator.post(PAGES + reference + "/pcc-review/decision", date("decidedOn", today(), "version", v2,
                "decision", "OVERTURNED", "reasons", "The police calls count as complaints."));
        assertEquals(303, decided.statusCode(), decided.asString());

        Reviews.review(reference).then().statusCode(200)
                .body("status", equalTo("REVIEW_IN_PROGRESS"))
                .body("pccReview.decision", equalTo("OVERTURNED"))
                .body("steps.find { it.step == 'AGENCY_INFORMATION' }.notNeeded", equalTo(false));
        // the review goes on as any other
        agencyInformation(reference).then().statusCode(200);
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND actor = 'coordinator' "
                + "AND action = 'TRIGGER_PCC_REFERRAL'", reference));
        assertEquals(1, db.count("SELECT COUNT(*) FROM audit_entry WHERE reference = ? AND actor = 'coordinator' "
                + "AND action = 'TRIGGER_PCC_DECISION' AND detail = 'OVERTURNED'", reference));

        TrackForms.track(application).then().statusCode(200)
                .body(containsString("Review in progress"))
                .body(containsString("id=\"pcc-referred\">" + "Wednesday 11 March 2026"))
                .body(containsString("Overturned: the case review goes ahead"))
                .body(containsString("The police calls count as complaints."));

        Map<String, Integer> after = figures();
        assertEquals(before.get("requested") + 1, after.get("requested"));
        assertEquals(before.get("overturned") + 1, after.get("overturned"));
        assertEquals(before.get("upheld"), after.get("upheld"));
    }

    @Test
    void anUpheldDecisionStandsAndAMetThresholdCannotBeTakenToTheCommissioner() {
        Map<String, Integer> before = figures();
        Application application = notMet();
        String reference = application.reference();
        TrackForms.post("/community-trigger/pcc-review", application, "Left out my calls.").then().statusCode(200);
        StaffSession coordinator = StaffSession.signIn("coordinator");
        // the decision before the referral is refused
        coordinator.post(PAGES + reference + "/pcc-review/decision", date("decidedOn", today(), "version",
                String.valueOf(version(reference)), "decision", "UPHELD", "reasons", "x")).then().statusCode(409)
                .body(containsString("Record that the request was referred"));
        coordinator.post(PAGES + reference + "/pcc-review/referral", date("referredOn", today(), "version",
                String.valueOf(version(reference)))).then().statusCode(303);
        coordinator.post(PAGES + reference + "/pcc-review/decision", date("decidedOn", today(), "version",
                String.valueOf(version(reference)), "decision", "UPHELD", "reasons", "Two complaints only.")).then().statusCode(303);
        Reviews.review(reference).then().body("status", equalTo("THRESHOLD_NOT_MET")).body("pccReview.decision", equalTo("UPHELD"));
        TrackForms.track(application).then().statusCode(200)
                .body(containsString("Upheld: the threshold is not met"))
                .body(containsString("Two complaints only."));
        post(reference, "agency-information", StaffApi.json("version", version(reference), "asked", java.util.List.of("COUNCIL"),
                "summary", "x")).then().statusCode(409);

        Application met = meetingTheThreshold(Victims.uniqueEmail());
        acknowledge(met.reference()).then().statusCode(200);
        decideMet(met.reference(), today().toString()).then().statusCode(200);
        TrackForms.track(met).then().statusCode(200)
                .body(not(containsString("Ask the Police and Crime Commissioner")));
        TrackForms.post("/community-trigger/pcc-review", met, "Why not?").then().statusCode(409)
                .body(containsString("only to review a decision that the threshold is not met"));

        Map<String, Integer> after = figures();
        assertEquals(before.get("requested") + 1, after.get("requested"));
        assertEquals(before.get("upheld") + 1, after.get("upheld"));
        assertEquals(before.get("overturned"), after.get("overturned"));
    }

    @Test
    void theFiguresPageAndCsvKeepTheirColumnsAndAddTheCommissionersReviews() {
        String csv = given().when().get("/community-trigger/figures.csv").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("year,from,to,applications_received,threshold_not_met,reviews_carried_out,"
                + "reviews_with_recommendations,pcc_reviews_requested,pcc_reviews_upheld,pcc_reviews_overturned\r\n"), csv);
        String firstRow = csv.split("\r\n")[1];
        assertEquals(10, firstRow.split(",").length, firstRow);
        given().accept(ContentType.HTML).when().get("/community-trigger/figures").then().statusCode(200)
                .body(containsString("Police and Crime Commissioner reviews asked for"))
                .body(containsString("Commissioner overturned the decision"));
    }

    /** An application decided "threshold not met" today, without discretion. */
    private static Application notMet() {
        Application application = belowTheThreshold(Victims.uniqueEmail());
        acknowledge(application.reference()).then().statusCode(200);
        post(application.reference(), "decision", StaffApi.json("version", version(application.reference()),
                "decidedOn", today().toString(), "discretionary", false, "reasons", "Only two complaints."))
                .then().statusCode(200).body("status", equalTo("THRESHOLD_NOT_MET"));
        return application;
    }

    /** This year's Commissioner's reviews in the published figures (the year 2025 to 2026 holds 11 March 2026). */
    private static Map<String, Integer> figures() {
        var year = given().accept(ContentType.JSON).when().get("/api/v1/community-trigger/figures?year=2025")
                .then().statusCode(200).extract();
        return Map.of("requested", year.path("pccReviewsRequested"), "upheld", year.path("pccReviewsUpheld"),
                "overturned", year.path("pccReviewsOverturned"));
    }

    private static Map<String, String> date(String name, LocalDate date, String... more) {
        Map<String, String> fields = fields(more);
        fields.put(name + "-day", String.valueOf(date.getDayOfMonth()));
        fields.put(name + "-month", String.valueOf(date.getMonthValue()));
        fields.put(name + "-year", String.valueOf(date.getYear()));
        return fields;
    }
}
