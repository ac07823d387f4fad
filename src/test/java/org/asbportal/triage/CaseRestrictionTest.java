package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

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
 * Multi-agency lock-down: a case restricted to named agencies shows its details only to their
 * officers; officers of other agencies who work its queue see, in every list, page and API answer,
 * only that a restricted case exists and whom to ask. The council's caseworker and the partnership's
 * triage officer both work the council's ASB queue, so one sees what the other may not.
 */
@QuarkusTest
class CaseRestrictionTest {

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
    void theHolderRestrictsACaseWithAReasonRecordedInItsHistoryAndTheAudit() {
        Case reported = claimedByCaseworker("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("href=\"/staff/safeguarding/" + reported.reference() + "/restriction\""));
        caseworker.get("/staff/safeguarding/{reference}/restriction", reported.reference()).then().statusCode(200)
                .body(containsString("Restrict this case"))
                .body(containsString("The council, your agency, always may"));

        Response response = caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction",
                "reason", "A member of council staff is the victim");

        assertEquals(303, response.statusCode(), response.asString());
        assertTrue(response.header("Location").endsWith("/staff/cases/" + reported.reference() + "?done=restricted"),
                response.header("Location"));
        caseworker.get("/staff/cases/{reference}?done=restricted", reported.reference()).then().statusCode(200)
                .body(containsString("The case is restricted"))
                .body(containsString("Only these agencies see this case's details: The council."))
                .body(containsString("A member of council staff is the victim"));
        Row restriction = restrictionOf(reported.reference());
        assertEquals("A member of council staff is the victim", restriction.string("reason"));
        assertEquals(db.staffId("caseworker"), restriction.number("restricted_by_id"));
        assertEquals(List.of("COUNCIL"), agenciesOf(reported.reference()));
        List<Row> events = db.events(reported.reference(), "RESTRICTED");
        assertEquals(1, events.size());
        assertFalse(events.get(0).bool("is_public"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "RESTRICT_CASE", reported.reference(), "COUNCIL")),
                db.audit(reported.reference()).toString());
    }

    @Test
    void anOfficerOfAnotherAgencySeesOnlyThatTheCaseExistsAndWhomToAsk() {
        Case reported = restrictedByCaseworker("COUNCIL_ASB");
        String token = tokenOf(reported);
        StaffSession triage = StaffSession.signIn("triage");

        triage.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("Case " + reported.reference()))
                .body(containsString("This case is restricted"))
                .body(containsString("Cass Worker"))
                .body(containsString("The council"))
                .body(not(containsString(token)))
                .body(not(containsString("Sam Resident")))
                .body(not(containsString("Timeline")));
        as("triage").when().get("/api/v1/cases/{reference}", reported.reference()).then().statusCode(200)
                .body("reference", equalTo(reported.reference()))
                .body("restricted", equalTo(true))
                .body("askName", equalTo("Cass Worker"))
                .body("askOrganisation", equalTo("The council"))
                .body("description", nullValue())
                .body("timeline", nullValue())
                .body(not(containsString(token)));
        // The queue's page holding the case, newest first: other tests' cases may come before it.
        String cursor = null;
        Response items = null;
        Map<String, Object> row = null;
        for (int page = 0; page < 200 && row == null; page++) {
            items = as("triage").when().get("/api/v1/queues/COUNCIL_ASB/items?sort=newest"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            items.then().statusCode(200).body(not(containsString(token)));
            row = items.jsonPath().getMap("items.find { it.reference == '" + reported.reference() + "' }");
            if (row == null) {
                cursor = items.jsonPath().getString("nextCursor");
                assertNotNull(cursor, "the case is in the queue");
            }
        }
        assertEquals(true, row.get("restricted"));
        assertEquals("Restricted", row.get("category"));
        assertEquals("Restricted", row.get("place"));
        assertEquals("Ask Cass Worker, The council", row.get("summary"));
        triage.get("/staff/queues/COUNCIL_ASB?sort=newest" + (cursor == null ? ""
                : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))).then().statusCode(200)
                .body(containsString(reported.reference()))
                .body(not(containsString(token)));
        triage.get("/staff/search?q={q}", reported.reference()).then().statusCode(200)
                .body(containsString("href=\"/staff/cases/" + reported.reference() + "\""))
                .body(containsString("Ask Cass Worker, The council"))
                .body(not(containsString(token)));
        triage.get("/staff/search?q={q}", token).then().statusCode(200)
                .body(not(containsString(reported.reference())));
        StaffSession.signIn("caseworker").get("/staff/search?q={q}", token).then().statusCode(200)
                .body(containsString(reported.reference()));
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "READ_RESTRICTED_STUB", reported.reference(), null)),
                db.audit(reported.reference()).toString());
    }

    @Test
    void anOfficerOfAnotherAgencyMayNotWorkTheCaseNorDownloadItsFiles() {
        Case reported = restrictedByCaseworker("COUNCIL_ASB");

        as("triage").body(json("text", "Looked anyway", "public", false)).when()
                .post("/api/v1/cases/{reference}/updates", reported.reference()).then().statusCode(403);
        as("triage").when()
                .get("/api/v1/cases/{reference}/perpetrators?name=Morgan", reported.reference()).then().statusCode(403);
        StaffSession triage = StaffSession.signIn("triage");
        assertEquals(403, triage.post("/staff/cases/" + reported.reference() + "/updates", "text", "Looked anyway",
                "visibility", "internal").statusCode());
        assertEquals(403, triage.get("/staff/cases/{reference}/evidence/1", reported.reference()).statusCode());
        assertEquals(403, triage.get("/staff/safeguarding/{reference}/restriction", reported.reference()).statusCode());
        assertEquals(List.of(), db.events(reported.reference(), "NOTE"));
    }

    @Test
    void everyViewByAnAllowedOfficerIsAudited() {
        Case reported = restrictedByCaseworker("COUNCIL_ASB");
        long before = db.lastAuditId();

        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString(tokenOf(reported)));
        as("caseworker").when().get("/api/v1/cases/{reference}", reported.reference()).then().statusCode(200)
                .body("description", containsString(tokenOf(reported)))
                .body("safeguarding.restricted", equalTo(true))
                .body("safeguarding.agencies", hasItem("The council"));

        assertEquals(2, db.auditAfter(before).stream()
                .filter(a -> a.equals(new Audit("caseworker", "READ_RESTRICTED_CASE", reported.reference(), null))).count(),
                db.auditAfter(before).toString());
    }

    @Test
    void allowingAnotherAgencyShowsItsOfficersTheDetailsAndIsAudited() {
        Case reported = restrictedByCaseworker("COUNCIL_ASB");

        Response response = StaffSession.signIn("caseworker").post("/staff/safeguarding/" + reported.reference() + "/restriction",
                "reason", "A member of council staff is the victim", "agencies", "PARTNERSHIP");

        assertEquals(303, response.statusCode(), response.asString());
        assertEquals(List.of("COUNCIL", "PARTNERSHIP"), agenciesOf(reported.reference()));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "RESTRICTION_AGENCIES_CHANGED",
                reported.reference(), "COUNCIL,PARTNERSHIP")), db.audit(reported.reference()).toString());
        StaffSession.signIn("triage").get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString(tokenOf(reported)))
                .body(containsString("Community safety partnership"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "READ_RESTRICTED_CASE", reported.reference(), null)));
    }

    @Test
    void liftingTheRestrictionShowsTheCaseToEveryoneAgainAndIsRecorded() {
        Case reported = restrictedByCaseworker("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/safeguarding/{reference}/restriction", reported.reference()).then().statusCode(200)
                .body(containsString("Lift the restriction"));

        Response response = caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction/lift", Map.of());

        assertEquals(303, response.statusCode(), response.asString());
        assertTrue(response.header("Location").endsWith("?done=restriction-lifted"), response.header("Location"));
        assertEquals(List.of(), db.reports().rows("SELECT c.* FROM case_restriction c JOIN report r ON r.id = c.report_id "
                + "WHERE r.reference = ?", reported.reference()));
        assertEquals(1, db.events(reported.reference(), "RESTRICTION_LIFTED").size());
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "LIFT_RESTRICTION", reported.reference(), null)));
        StaffSession.signIn("triage").get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString(tokenOf(reported)));
        Response again = caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction/lift", Map.of());
        assertEquals(409, again.statusCode(), again.asString());
    }

    @Test
    void aRestrictionNeedsAReasonAndKnownAgencies() {
        Case reported = claimedByCaseworker("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");

        caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction", "reason", "  ", "agencies", "POLICE")
                .then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("<a href=\"#reason\">Give the reason for restricting the case</a>"))
                .body(containsString("value=\"POLICE\" checked"));
        caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction", "reason", "Safeguarding", "agencies", "NO_SUCH")
                .then().statusCode(400)
                .body(containsString("<a href=\"#agencies\">Choose the agencies from the list</a>"));
        caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction", "reason", "x".repeat(1001))
                .then().statusCode(400)
                .body(containsString("The reason must be 1,000 characters or fewer"));
        assertEquals(List.of(), db.reports().rows("SELECT c.* FROM case_restriction c JOIN report r ON r.id = c.report_id "
                + "WHERE r.reference = ?", reported.reference()));
    }

    @Test
    void onlyTheHolderATriageOfficerOrAnAdministratorMayRestrict() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(not(containsString("/safeguarding/restriction\"")));

        assertEquals(403, caseworker.get("/staff/safeguarding/{reference}/restriction", reported.reference()).statusCode());
        assertEquals(403, caseworker.post("/staff/safeguarding/" + reported.reference() + "/restriction", "reason", "Safeguarding")
                .statusCode());
        assertEquals(303, StaffSession.signIn("triage").post("/staff/safeguarding/" + reported.reference() + "/restriction",
                "reason", "Safeguarding").statusCode());
        assertEquals(List.of("PARTNERSHIP"), agenciesOf(reported.reference()));
    }

    @Test
    void meetingListsShowOnlyTheStubAndHotspotsDoNotCountTheCase() {
        Case youth = restrictedByCaseworker("YOUTH_OUTREACH");
        StaffSession admin = StaffSession.signIn("admin");
        admin.get("/staff/meetings/early-intervention").then().statusCode(200)
                .body(containsString(youth.reference()))
                .body(containsString("Restricted: ask Cass Worker, The council"))
                .body(not(containsString(tokenOf(youth))));

        String place = "Garages behind Lock Lane " + ReportRequests.unique();
        Case hidden = null;
        for (int i = 0; i < 3; i++) {
            Case one = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.description", place), "COUNCIL_ASB");
            hidden = hidden == null ? one : hidden;
        }
        restrict(claim(hidden));
        StaffSession.signIn("caseworker").get("/staff/meetings/joint-operations").then().statusCode(200)
                .body(containsString(place.toLowerCase()));
        StaffSession.signIn("triage").get("/staff/meetings/joint-operations").then().statusCode(200)
                .body(not(containsString(place.toLowerCase())));
    }

    @Test
    void aRestrictedCasesPerpetratorsAreNotFoundFromAnotherAgency() {
        Case reported = claimedByCaseworker("COUNCIL_ASB");
        String name = "Zeb Quillfeather " + ReportRequests.unique();
        as("caseworker").body(json("name", name, "ageBand", "UNDER_18")).when()
                .post("/api/v1/cases/{reference}/perpetrators", reported.reference()).then().statusCode(201);
        restrict(reported);
        Case other = Cases.reportInto("COUNCIL_ASB");

        as("triage").when().get("/api/v1/cases/{reference}/perpetrators?name={name}", other.reference(), name)
                .then().statusCode(200).body("size()", equalTo(0));
        as("caseworker").when().get("/api/v1/cases/{reference}/perpetrators?name={name}", other.reference(), name)
                .then().statusCode(200).body("size()", equalTo(1));
    }

    // ---------------------------------------------------------------- helpers

    /** A case of {@code queue} the caseworker (the council) holds. */
    static Case claimedByCaseworker(String queue) {
        return claim(Cases.reportInto(queue));
    }

    private static Case claim(Case reported) {
        as("caseworker").body(json("version", 0)).when().post("/api/v1/cases/{reference}/claim", reported.reference())
                .then().statusCode(200);
        return reported;
    }

    /** A case the caseworker holds and restricted to the council alone. */
    static Case restrictedByCaseworker(String queue) {
        return restrict(claimedByCaseworker(queue));
    }

    static Case restrict(Case reported) {
        Response response = StaffSession.signIn("caseworker").post("/staff/safeguarding/" + reported.reference() + "/restriction",
                "reason", "A member of council staff is the victim");
        assertEquals(303, response.statusCode(), response.asString());
        return reported;
    }

    /** The token that makes the case's description and place its own. */
    static String tokenOf(Case reported) {
        String description = (String) reported.request().get("description");
        return description.substring(description.lastIndexOf(' ') + 1);
    }

    private Row restrictionOf(String reference) {
        List<Row> rows = db.reports().rows("SELECT c.* FROM case_restriction c JOIN report r ON r.id = c.report_id "
                + "WHERE r.reference = ?", reference);
        assertEquals(1, rows.size());
        return rows.get(0);
    }

    private List<String> agenciesOf(String reference) {
        return db.reports().rows("SELECT o.code FROM case_restriction_agency a JOIN organisation o ON o.id = a.organisation_id "
                + "JOIN report r ON r.id = a.report_id WHERE r.reference = ? ORDER BY o.code", reference).stream()
                .map(r -> r.string("code")).toList();
    }
}
