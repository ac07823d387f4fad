package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The Vulnerable Adolescents Multi Agency Panel's list: open cases where young people are involved
 * and the risk is high or an officer flagged an exploitation concern, the places they are seen with
 * counts, and the open actions allocated on them.
 */
@QuarkusTest
class VamapListTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TestClock clock;

    TriageRows db;

    @BeforeEach
    void database() {
        clock.fixAt(TestDates.NOW);
        db = new TriageRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void listsOpenCasesOfYoungPeopleAtHighRiskOrFlaggedWithTheirPlacesAndActions() {
        String place = "Skate park by the river " + ReportRequests.unique();
        Case high = Cases.report(Cases.requestFor("VULNERABILITY_HUB").with("risk.youngPeopleInvolved", "YES")
                .with("location.description", place), "VULNERABILITY_HUB");
        Case flagged = Cases.report(Cases.requestFor("YOUTH_OUTREACH").with("location.description", place), "YOUTH_OUTREACH");
        Case notFlagged = Cases.reportInto("YOUTH_OUTREACH");
        Case adultsOnly = Cases.reportInto("VULNERABILITY_HUB");
        Case closed = Cases.report(Cases.requestFor("VULNERABILITY_HUB").with("risk.youngPeopleInvolved", "YES"), "VULNERABILITY_HUB");
        as("admin").body(json("version", 0, "outcome", "RESOLVED")).when()
                .post("/api/v1/cases/{reference}/close", closed.reference()).then().statusCode(200);
        String diversion = "Boxing club sessions " + ReportRequests.unique();
        String elsewhere = "Football on Fridays " + ReportRequests.unique();
        addAction(high, diversion);
        addAction(notFlagged, elsewhere);
        StaffSession admin = StaffSession.signIn("admin");
        admin.get("/staff/meetings/vamap").then().statusCode(200)
                .body(not(containsString(flagged.reference())));

        flag(flagged, "yes");

        Response page = admin.get("/staff/meetings/vamap");
        page.then().statusCode(200)
                .body(containsString(high.reference()))
                .body(containsString(flagged.reference()))
                .body(containsString("Exploitation concern flagged"))
                .body(not(containsString(notFlagged.reference())))
                .body(not(containsString(adultsOnly.reference())))
                .body(not(containsString(closed.reference())))
                .body(containsString(diversion))
                .body(not(containsString(elsewhere)));
        assertTrue(Pattern.compile(Pattern.quote(place.toLowerCase()) + "</th>\\s*<td[^>]*>Not known</td>\\s*<td[^>]*>2</td>")
                .matcher(page.asString()).find(), "the place is counted twice: " + page.asString());
    }

    @Test
    void flaggingAnExploitationConcernIsAuditedAndRecordedAndCanBeCleared() {
        Case reported = Cases.reportInto("YOUTH_OUTREACH");

        Response response = flag(reported, "yes");

        assertTrue(response.header("Location").endsWith("?done=exploitation-flagged"), response.header("Location"));
        assertTrue(db.item(reported.reference()).bool("exploitation_concern"));
        List<Row> events = db.events(reported.reference(), "EXPLOITATION_CONCERN");
        assertEquals(1, events.size());
        assertFalse(events.get(0).bool("is_public"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "EXPLOITATION_CONCERN",
                reported.reference(), "flagged")), db.audit(reported.reference()).toString());
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}?done=exploitation-flagged", reported.reference())
                .then().statusCode(200)
                .body(containsString("Exploitation concern flagged: the case is on the VAMAP list"))
                .body(containsString("Clear the exploitation concern"));

        flag(reported, "no");

        assertFalse(db.item(reported.reference()).bool("exploitation_concern"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "EXPLOITATION_CONCERN",
                reported.reference(), "cleared")));
    }

    @Test
    void aStaleVersionChangesNothing() {
        Case reported = Cases.reportInto("YOUTH_OUTREACH");

        Response response = StaffSession.signIn("caseworker").post("/staff/safeguarding/" + reported.reference() + "/exploitation-concern",
                "version", "7", "concern", "yes");

        assertEquals(409, response.statusCode(), response.asString());
        assertFalse(db.item(reported.reference()).bool("exploitation_concern"));
    }

    @Test
    void aRestrictedCaseIsAStubAndItsPlaceAndActionsAreLeftOut() {
        String place = "Underpass on Hidden Way " + ReportRequests.unique();
        Case reported = Cases.report(Cases.requestFor("YOUTH_OUTREACH").with("location.description", place), "YOUTH_OUTREACH");
        String action = "Outreach worker visit " + ReportRequests.unique();
        addAction(reported, action);
        flag(reported, "yes");
        CaseRestrictionTest.restrict(reported);

        StaffSession.signIn("caseworker").get("/staff/meetings/vamap").then().statusCode(200)
                .body(containsString(place.toLowerCase()))
                .body(containsString(action));
        StaffSession.signIn("admin").get("/staff/meetings/vamap").then().statusCode(200)
                .body(containsString(reported.reference()))
                .body(containsString("Restricted: ask Cass Worker, The council"))
                .body(not(containsString(place.toLowerCase())))
                .body(not(containsString(action)))
                .body(containsString("not counted in the places or actions"));
    }

    @Test
    void councillorsCannotSeeTheList() {
        StaffSession.signIn("councillor").get("/staff/meetings/vamap").then().statusCode(403);
    }

    private static void addAction(Case reported, String description) {
        as("admin").body(json("type", "DIVERSIONARY_ACTIVITY", "description", description,
                "owner", "Youth outreach", "dueOn", TestDates.today().plusDays(7).toString())).when()
                .post("/api/v1/cases/{reference}/actions", reported.reference()).then().statusCode(201);
    }

    /** The caseworker, who holds the case, flags or clears the concern from the case page. */
    private static Response flag(Case reported, String concern) {
        as("caseworker").body(json()).when().post("/api/v1/cases/{reference}/claim", reported.reference());
        StaffSession caseworker = StaffSession.signIn("caseworker");
        int version = StaffSession.versionOn(caseworker.get("/staff/cases/{reference}", reported.reference()));
        Response response = caseworker.post("/staff/safeguarding/" + reported.reference() + "/exploitation-concern",
                "version", String.valueOf(version), "concern", concern);
        assertEquals(303, response.statusCode(), response.asString());
        return response;
    }
}
