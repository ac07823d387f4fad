package org.asbportal.trigger;

import static org.asbportal.trigger.Reviews.acknowledge;
import static org.asbportal.trigger.Reviews.belowTheThreshold;
import static org.asbportal.trigger.Reviews.decideMet;
import static org.asbportal.trigger.Reviews.meeting;
import static org.asbportal.trigger.Reviews.meetingTheThreshold;
import static org.asbportal.trigger.Reviews.post;
import static org.asbportal.trigger.Reviews.version;
import static org.asbportal.trigger.TriggerRequests.today;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

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
 * The year's case-review data for the Home Office return: one row per application received in the
 * financial (or calendar) year, without names or contact details, audited. The portal's clock is
 * fixed at Wednesday 11 March 2026, in the financial year 2025 to 2026.
 */
@QuarkusTest
class TriggerHomeOfficeReturnTest {

    static final String RETURN = "/staff/community-trigger/home-office-return";

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
    void oneRowPerApplicationOfTheYearWithWhatHappenedAndNoNamesOrContactDetails() {
        String reviewedEmail = Victims.uniqueEmail();
        Application reviewed = meetingTheThreshold(reviewedEmail);
        acknowledge(reviewed.reference()).then().statusCode(200);
        decideMet(reviewed.reference(), today().toString()).then().statusCode(200);
        meeting(reviewed.reference(), today().toString()).then().statusCode(200);
        post(reviewed.reference(), "recommendations", StaffApi.json("text", "Follow up warnings", "ownerAgency", "Council",
                "dueOn", "2026-04-30")).then().statusCode(201);
        Application refused = belowTheThreshold(Victims.uniqueEmail());
        acknowledge(refused.reference()).then().statusCode(200);
        post(refused.reference(), "decision", StaffApi.json("version", version(refused.reference()), "decidedOn",
                today().toString(), "discretionary", false, "reasons", "Only two complaints.")).then().statusCode(200);
        TrackForms.post("/community-trigger/pcc-review", refused, "My calls were left out.").then().statusCode(200);
        String description = db.rows("SELECT description FROM trigger_application WHERE reference = ?", reviewed.reference())
                .get(0).string("description");

        StaffSession coordinator = StaffSession.signIn("coordinator");
        coordinator.get(RETURN).then().statusCode(200)
                .body(containsString("Case-review data for the Home Office return"))
                .body(containsString("Financial year, from 1 April"))
                .body(containsString("value=\"2024\""));
        Response download = coordinator.get(RETURN + "/csv?year=2025&period=FINANCIAL");
        download.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("community-trigger-return-financial-2025.csv"));
        String csv = download.asString();
        List<String> lines = Arrays.asList(csv.split("\r\n"));
        assertEquals(String.join(",", TriggerHomeOfficeReturn.COLUMNS), lines.get(0));
        assertEquals("reference,received_on,channel,applicant_type,on_behalf_of_victim,hate_motivated,threshold_met,"
                + "threshold_decided_on,review_held,review_meeting_on,recommendations_made,outcome,outcome_on,"
                + "pcc_review_requested,pcc_review_decision,pcc_decided_on", lines.get(0));
        assertEquals(reviewed.reference() + ",2026-03-11,API,PERSON,No,No,Met,2026-03-11,Yes,2026-03-11,1,Review in progress,,No,,",
                row(lines, reviewed.reference()));
        assertEquals(refused.reference() + ",2026-03-11,API,PERSON,No,No,Not met,2026-03-11,No,,0,Threshold not met,,Yes,"
                + "Not decided yet,", row(lines, refused.reference()));
        assertFalse(csv.contains("Alex Applicant"), "no names");
        assertFalse(csv.contains(reviewedEmail) || csv.contains("01632 960 002") || csv.contains("@"), "no contact details");
        assertFalse(csv.contains(description), "no account of the behaviour");
        assertTrue(db.count("SELECT COUNT(*) FROM audit_entry WHERE actor = 'coordinator' AND action = 'TRIGGER_RETURN_EXPORT' "
                + "AND detail LIKE 'FINANCIAL 2025 to 2026: %'") >= 1);

        // the calendar year 2026 holds them too; the financial year 2024 to 2025 does not
        String calendar = coordinator.get(RETURN + "/csv?year=2026&period=CALENDAR").then().statusCode(200).extract().asString();
        assertTrue(calendar.contains(reviewed.reference() + ","), calendar);
        String earlier = coordinator.get(RETURN + "/csv?year=2024").then().statusCode(200).extract().asString();
        assertFalse(earlier.contains(reviewed.reference()), earlier);
    }

    @Test
    void aYearThatIsNotOneIsAskedForAgainWithTheProblem() {
        StaffSession coordinator = StaffSession.signIn("coordinator");
        coordinator.get(RETURN + "/csv?year=twenty").then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("href=\"#year\""))
                .body(containsString("Enter the year the return starts in, like 2024"))
                .body(containsString("value=\"twenty\""));
        coordinator.get(RETURN + "/csv?year=2013").then().statusCode(400)
                .body(containsString("Enter a year from 2014 to 2025"));
        coordinator.get(RETURN + "/csv?year=2027&period=CALENDAR").then().statusCode(400)
                .body(containsString("Enter a year from 2014 to 2026"));
        coordinator.get(RETURN + "/csv?year=2025&period=WEEKLY").then().statusCode(400)
                .body(containsString("Select a financial year or a calendar year"));
    }

    private static String row(List<String> lines, String reference) {
        return lines.stream().filter(line -> line.startsWith(reference + ",")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + reference + " in " + lines));
    }
}
