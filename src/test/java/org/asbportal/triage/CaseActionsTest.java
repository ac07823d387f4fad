package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Actions on a case (warnings, contracts, referrals...) with an owner, a due date and a result,
 * through the JSON API and the case page: validated, recorded in the internal history and the audit
 * log, checked against the version seen, and never shown to the victim. The portal's clock is fixed
 * at {@link TestDates#NOW} (Wednesday 11 March 2026), so due dates agree with it.
 */
@QuarkusTest
class CaseActionsTest {

    /** Today by the portal's clock, which every test fixes at {@link TestDates#NOW}. */
    static final LocalDate TODAY = TestDates.today();
    static final String CHANGED_ACTION = "Someone else changed this action while you were looking at it.";

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void database() {
        clock.fixAt(TestDates.NOW);
        db = new TriageRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    // ---------------------------------------------------------------- adding over JSON

    @Test
    void addsAnActionOwnedByAnOfficerAndListsItOnTheCase() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        String due = TODAY.plusDays(14).toString();

        Response added = addAction("triage", reported, "ACCEPTABLE_BEHAVIOUR_CONTRACT",
                "Meet the tenant at 14 Mill Lane and agree an acceptable behaviour contract", "caseworker", due);

        added.then().statusCode(201)
                .body("id", notNullValue())
                .body("type", equalTo("ACCEPTABLE_BEHAVIOUR_CONTRACT"))
                .body("typeLabel", equalTo("Acceptable behaviour contract"))
                .body("owner", equalTo("Cass Worker"))
                .body("ownerUsername", equalTo("caseworker"))
                .body("dueOn", equalTo(due))
                .body("status", equalTo("OPEN"))
                .body("overdue", equalTo(false))
                .body("recordedBy", equalTo("triage"))
                .body("version", equalTo(0));
        Row row = action(added.path("id"));
        assertEquals("ACCEPTABLE_BEHAVIOUR_CONTRACT", row.string("type"));
        assertEquals(db.staffId("caseworker"), row.number("owner_account_id"));
        assertEquals("Cass Worker", row.string("owner_name"));
        assertEquals(TODAY.plusDays(14), row.date("due_on"));
        assertEquals("OPEN", row.string("status"));
        assertEquals("triage", row.string("recorded_by"));
        assertNotNull(row.get("recorded_at"));
        List<Row> events = db.events(reported.reference(), "ACTION_ADDED");
        assertEquals(1, events.size());
        assertFalse(events.get(0).bool("is_public"));
        assertEquals("triage", events.get(0).string("actor"));
        assertTrue(events.get(0).string("message").startsWith("Action added: Acceptable behaviour contract, owned by Cass Worker"),
                events.get(0).string("message"));
        assertTrue(db.audit(reported.reference()).contains(
                new Audit("triage", "ADD_ACTION", reported.reference(), "ACCEPTABLE_BEHAVIOUR_CONTRACT")),
                db.audit(reported.reference()).toString());

        as("caseworker").when().get("/api/v1/cases/{reference}", reported.reference())
                .then().statusCode(200)
                .body("actions.size()", equalTo(1))
                .body("actions[0].id", equalTo(added.path("id")))
                .body("actions[0].description", startsWith("Meet the tenant"))
                .body("timeline.kind", hasItem("ACTION_ADDED"));
        assertEquals(0, db.item(reported.reference()).number("version"), "an action leaves the case's own version alone");
    }

    @Test
    void keepsAnOwnerWhoIsNotAnOfficerAsTyped() {
        Case reported = Cases.reportInto("YOUTH_OUTREACH");

        addAction("caseworker", reported, "DIVERSIONARY_ACTIVITY", "Place at the Friday football sessions",
                "  Bedford Youth Service  ", TODAY.toString())
                .then().statusCode(201)
                .body("owner", equalTo("Bedford Youth Service"))
                .body("ownerUsername", nullValue())
                .body("typeLabel", equalTo("Diversionary activity for young people"));

        Row row = db.reports().rows("SELECT a.* FROM case_action a JOIN report r ON r.id = a.report_id WHERE r.reference = ?",
                reported.reference()).get(0);
        assertNull(row.get("owner_account_id"));
        assertEquals("Bedford Youth Service", row.string("owner_name"));
    }

    static Stream<Arguments> invalidActions() {
        String due = TODAY.plusDays(7).toString();
        return Stream.of(
                Arguments.of(json("description", "Letter", "owner", "caseworker", "dueOn", due), "type", "Choose the type of action"),
                Arguments.of(json("type", "ASBO", "description", "Letter", "owner", "caseworker", "dueOn", due), "type",
                        "Choose a type of action from the list"),
                Arguments.of(json("type", "WARNING", "description", "  ", "owner", "caseworker", "dueOn", due), "description",
                        "Describe the action"),
                Arguments.of(json("type", "WARNING", "description", "x".repeat(4001), "owner", "caseworker", "dueOn", due),
                        "description", "Must be 4,000 characters or fewer"),
                Arguments.of(json("type", "WARNING", "description", "Letter", "dueOn", due), "owner",
                        "Say who owns the action: an officer's username, or the agency or person"),
                Arguments.of(json("type", "WARNING", "description", "Letter", "owner", "caseworker"), "dueOn",
                        "Enter the date the action is due"),
                Arguments.of(json("type", "WARNING", "description", "Letter", "owner", "caseworker", "dueOn", "2027-02-30"), "dueOn",
                        "The due date must be a real date"),
                Arguments.of(json("type", "WARNING", "description", "Letter", "owner", "caseworker", "dueOn", "next week"), "dueOn",
                        "The due date must be a real date"),
                Arguments.of(json("type", "WARNING", "description", "Letter", "owner", "caseworker",
                        "dueOn", TODAY.minusDays(1).toString()), "dueOn", "The due date must be today or in the future"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("invalidActions")
    void refusesAnInvalidActionWithAClearMessageAndSavesNothing(Map<String, Object> body, String field, String message) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        as("caseworker").body(body).when().post("/api/v1/cases/{reference}/actions", reported.reference())
                .then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("status", equalTo(400))
                .body("errors.field", contains(field))
                .body("errors[0].message", equalTo(message));

        assertEquals(0, actions(reported).size());
        assertTrue(db.events(reported.reference(), "ACTION_ADDED").isEmpty());
        assertTrue(db.audit(reported.reference()).isEmpty(), db.audit(reported.reference()).toString());
    }

    @Test
    void listsEveryProblemOfAnActionAtOnce() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        as("caseworker").body(json("type", "", "description", "", "owner", "", "dueOn", ""))
                .when().post("/api/v1/cases/{reference}/actions", reported.reference())
                .then().statusCode(400)
                .body("errors.field", contains("type", "description", "owner", "dueOn"));
    }

    @Test
    void refusesAnActionOnAClosedCase() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        as("caseworker").body(json("version", 0, "outcome", "RESOLVED"))
                .when().post("/api/v1/cases/{reference}/close", reported.reference()).then().statusCode(200);

        addAction("caseworker", reported, "WARNING", "Letter to the tenant", "caseworker", TODAY.toString())
                .then().statusCode(409)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("detail", equalTo("This case is closed: actions can no longer be added or changed."));
        assertEquals(0, actions(reported).size());
    }

    // ---------------------------------------------------------------- results

    @Test
    void recordsTheResultOfAnActionOnce() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        int id = addAction("caseworker", reported, "WARNING", "Written warning about the dumping", "caseworker",
                TODAY.plusDays(3).toString()).then().statusCode(201).extract().path("id");

        as("caseworker").body(json("status", "DONE", "result", "Warning letter hand delivered", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id)
                .then().statusCode(200)
                .body("status", equalTo("DONE"))
                .body("statusLabel", equalTo("Done"))
                .body("result", equalTo("Warning letter hand delivered"))
                .body("completedBy", equalTo("caseworker"))
                .body("completedAt", notNullValue())
                .body("version", equalTo(1));

        Row row = action(id);
        assertEquals("DONE", row.string("status"));
        assertEquals("Warning letter hand delivered", row.string("result"));
        assertNotNull(row.get("completed_at"));
        assertEquals(1, row.number("version"));
        List<Row> results = db.events(reported.reference(), "ACTION_RESULT");
        assertEquals(1, results.size());
        assertFalse(results.get(0).bool("is_public"));
        assertEquals("Warning (verbal or written) done: Warning letter hand delivered", results.get(0).string("message"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "ACTION_RESULT", reported.reference(), id + " DONE")));

        as("triage").body(json("status", "CANCELLED", "result", "Not needed", "version", 1))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id)
                .then().statusCode(409)
                .body("detail", equalTo("This action already has its result: done."));
        assertEquals("DONE", action(id).string("status"));
        assertEquals(1, db.events(reported.reference(), "ACTION_RESULT").size());
    }

    @Test
    void refusesAResultSentWithAStaleVersionAndChangesNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        int id = addAction("caseworker", reported, "MEDIATION", "Refer both households to mediation", "Bedford Mediation",
                TODAY.plusDays(30).toString()).then().statusCode(201).extract().path("id");
        as("triage").body(json("status", "CANCELLED", "result", "Neighbour moved away", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id)
                .then().statusCode(200);

        Response stale = as("caseworker").body(json("status", "DONE", "result", "Mediation held", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id);

        stale.then().statusCode(409)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("title", equalTo("This case has changed"))
                .body("detail", startsWith(CHANGED_ACTION));
        Row row = action(id);
        assertEquals("CANCELLED", row.string("status"));
        assertEquals("Neighbour moved away", row.string("result"));
        assertEquals("triage", row.string("completed_by"));
        assertTrue(db.audit(reported.reference()).stream()
                .noneMatch(a -> a.actor().equals("caseworker") && a.action().equals("ACTION_RESULT")));
    }

    @Test
    void refusesAResultWithoutItsStatusOrText() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        int id = addAction("caseworker", reported, "PATROL_TASKING", "Evening patrols by the garages", "police",
                TODAY.plusDays(7).toString()).then().statusCode(201).extract().path("id");

        as("caseworker").body(json("status", "OPEN", "result", " ", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id)
                .then().statusCode(400)
                .body("errors.field", contains("status", "result"))
                .body("errors.message", contains("Say whether the action was done or cancelled", "Say what happened"));
        as("caseworker").body(json("status", "DONE", "result", "Done"))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id)
                .then().statusCode(400).body("errors.field", contains("version"));
        assertEquals("OPEN", action(id).string("status"));
        assertEquals(0, action(id).number("version"));
    }

    @Test
    void answersAnActionOfAnotherCaseAsUnknown() {
        Case first = Cases.reportInto("COUNCIL_ASB");
        Case second = Cases.reportInto("COUNCIL_ASB");
        int id = addAction("caseworker", first, "WARNING", "Letter", "caseworker", TODAY.toString())
                .then().statusCode(201).extract().path("id");

        as("caseworker").body(json("status", "DONE", "result", "Sent", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", second.reference(), id)
                .then().statusCode(404).contentType(startsWith(StaffApi.PROBLEM_JSON));
        assertEquals("OPEN", action(id).string("status"));
    }

    // ---------------------------------------------------------------- the victim's view

    @Test
    void neverShowsActionsToTheVictim() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        int id = addAction("caseworker", reported, "COMMUNITY_PROTECTION_WARNING", "CPW to the occupant of flat 3 about dumping",
                "caseworker", TODAY.plusDays(10).toString()).then().statusCode(201).extract().path("id");
        as("caseworker").body(json("status", "DONE", "result", "CPW served in person", "version", 0))
                .when().post("/api/v1/cases/{reference}/actions/{id}/result", reported.reference(), id)
                .then().statusCode(200);

        Response tracked = Cases.track(reported);
        tracked.then().statusCode(200).body("updates.message", contains("We received your report."));
        for (String secret : List.of("CPW", "flat 3", "Community Protection", "Cass Worker", "served in person")) {
            assertFalse(tracked.asString().contains(secret), secret + " in " + tracked.asString());
        }
        Response page = Cases.trackPage(reported);
        page.then().statusCode(200).body(containsString("Your report " + reported.reference()));
        for (String secret : List.of("CPW", "flat 3", "Community Protection", "served in person")) {
            assertFalse(page.asString().contains(secret), secret + " on the victim's page");
        }
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM outbox_message WHERE report_reference = ? AND kind <> 'REPORT_RECEIVED'",
                reported.reference()), "no email about an action (only the receipt of the report)");
    }

    // ---------------------------------------------------------------- the case page

    @Test
    void addsAnActionAndRecordsItsResultFromTheCasePage() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        LocalDate due = TODAY.plusDays(21);
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("No actions yet."))
                .body(containsString("<option value=\"REFERRAL_DRUG_ALCOHOL\">Referral to drug and alcohol support</option>"));

        Response added = caseworker.post("/staff/cases/" + reported.reference() + "/actions",
                "type", "REFERRAL_DRUG_ALCOHOL", "description", "Refer to the drug and alcohol team <with consent>",
                "owner", "Bedford Drug and Alcohol Service", "dueOn-day", String.valueOf(due.getDayOfMonth()),
                "dueOn-month", String.valueOf(due.getMonthValue()), "dueOn-year", String.valueOf(due.getYear()));

        assertEquals(303, added.statusCode(), added.asString());
        assertTrue(added.header("Location").endsWith("/staff/cases/" + reported.reference() + "?done=action"), added.header("Location"));
        List<Row> rows = actions(reported);
        assertEquals(1, rows.size());
        assertEquals(due, rows.get(0).date("due_on"));
        long id = rows.get(0).number("id");
        Response page = caseworker.get("/staff/cases/{reference}", reported.reference());
        page.then().statusCode(200)
                .body(containsString("<strong>Referral to drug and alcohol support</strong>"))
                .body(containsString("Refer to the drug and alcohol team &lt;with consent&gt;"))
                .body(containsString("<td class=\"govuk-table__cell\">Bedford Drug and Alcohol Service</td>"))
                .body(containsString("action=\"/staff/cases/" + reported.reference() + "/actions/" + id + "/result\""))
                .body(not(containsString("govuk-tag--red\">Overdue</strong></td>")));

        Response result = caseworker.post("/staff/cases/" + reported.reference() + "/actions/" + id + "/result",
                "actionVersion", "0", "status", "DONE", "result", "Accepted the referral");

        assertEquals(303, result.statusCode(), result.asString());
        assertEquals("DONE", action(id).string("status"));
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("Result: <span class=\"portal-preserve-lines\">Accepted the referral</span>"))
                .body(containsString("<td class=\"govuk-table__cell\">Done</td>"))
                .body(not(containsString("/actions/" + id + "/result\"")));
        assertTrue(db.audit(reported.reference()).stream().map(Audit::trail).toList()
                .containsAll(List.of("caseworker ADD_ACTION", "caseworker ACTION_RESULT")));
    }

    @Test
    void showsTheProblemOnTheCasePageForAnInvalidOrStaleActionForm() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200);

        Response invalid = caseworker.post("/staff/cases/" + reported.reference() + "/actions",
                "type", "WARNING", "description", "Letter", "owner", "caseworker",
                "dueOn-day", "31", "dueOn-month", "2", "dueOn-year", String.valueOf(TODAY.getYear() + 1));

        invalid.then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("There is a problem"))
                .body(containsString("The due date must be a real date"))
                .body(containsString("<h1 class=\"govuk-heading-xl\">Case " + reported.reference() + "</h1>"));
        assertEquals(0, actions(reported).size());

        long id = ((Number) addAction("caseworker", reported, "WARNING", "Letter", "caseworker", TODAY.toString())
                .then().statusCode(201).extract().path("id")).longValue();
        Response stale = caseworker.post("/staff/cases/" + reported.reference() + "/actions/" + id + "/result",
                "actionVersion", "3", "status", "DONE", "result", "Sent");
        stale.then().statusCode(409).body(containsString(CHANGED_ACTION));
        assertEquals("OPEN", action(id).string("status"));
    }

    @Test
    void highlightsAnOpenActionPastItsDueDate() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        int id = addAction("caseworker", reported, "OTHER", "Ask the landlord to fence the garages", "Bedford Housing",
                TODAY.toString()).then().statusCode(201).extract().path("id");
        db.reports().update("UPDATE case_action SET due_on = ? WHERE id = ?", TODAY.minusDays(2), id);

        as("caseworker").when().get("/api/v1/cases/{reference}", reported.reference())
                .then().statusCode(200).body("actions[0].overdue", equalTo(true));
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("<strong class=\"govuk-tag govuk-tag--red\">Overdue</strong></td>"));
    }

    // ---------------------------------------------------------------- helpers

    static Response addAction(String officer, Case reported, String type, String description, String owner, String dueOn) {
        return as(officer).body(json("type", type, "description", description, "owner", owner, "dueOn", dueOn))
                .when().post("/api/v1/cases/{reference}/actions", reported.reference());
    }

    private Row action(Number id) {
        return db.reports().rows("SELECT * FROM case_action WHERE id = ?", id.longValue()).get(0);
    }

    private List<Row> actions(Case reported) {
        return db.reports().rows("SELECT a.* FROM case_action a JOIN report r ON r.id = a.report_id WHERE r.reference = ?",
                reported.reference());
    }
}
