package org.asbportal.triage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffSession;
import org.junit.jupiter.api.Test;

/** Printable lists for the Vulnerability Hub, the Early Intervention Case Conference and the JOG. */
@QuarkusTest
class MeetingListsTest {

    @Test
    void vulnerabilityHubListsHighRiskCasesForOfficersWhoWorkTheirQueue() {
        Cases.Case high = Cases.reportInto("VULNERABILITY_HUB");

        StaffSession.signIn("triage").get("/staff/meetings/vulnerability-hub").then().statusCode(200)
                .body(containsString(high.reference()))
                .body(containsString("High risk"));
        StaffSession.signIn("police").get("/staff/meetings/vulnerability-hub").then().statusCode(200)
                .body(not(containsString(high.reference())));
    }

    @Test
    void earlyInterventionListsCasesInvolvingYoungPeople() {
        Cases.Case youth = Cases.reportInto("YOUTH_OUTREACH");
        Cases.Case other = Cases.reportInto("COUNCIL_ASB");

        StaffSession.signIn("admin").get("/staff/meetings/early-intervention").then().statusCode(200)
                .body(containsString(youth.reference()))
                .body(containsString("Young people involved"))
                .body(not(containsString(other.reference())));
    }

    @Test
    void casesBeforeTheChosenDateAreLeftOut() {
        Cases.Case high = Cases.reportInto("VULNERABILITY_HUB");

        StaffSession.signIn("admin").get("/staff/meetings/vulnerability-hub?since=2999-01-01").then().statusCode(200)
                .body(not(containsString(high.reference())))
                .body(containsString("No cases to discuss since 2999-01-01"));
    }

    @Test
    void jointOperationsGroupListsPlacesReportedAtLeastThreeTimes() {
        String place = "Bus shelter on Meeting Lane " + ReportRequests.unique();
        for (int i = 0; i < 3; i++) {
            Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.description", place), "COUNCIL_ASB");
        }
        String once = "Corner of Single Street " + ReportRequests.unique();
        Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.description", once), "COUNCIL_ASB");

        StaffSession.signIn("caseworker").get("/staff/meetings/joint-operations").then().statusCode(200)
                .body(containsString(place.toLowerCase()))
                .body(not(containsString(once.toLowerCase())));
    }

    @Test
    void councillorsCannotSeeMeetingLists() {
        StaffSession.signIn("councillor").get("/staff/meetings/vulnerability-hub").then().statusCode(403);
    }
}
