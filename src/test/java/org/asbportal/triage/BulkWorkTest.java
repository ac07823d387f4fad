package org.asbportal.triage;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * One action on many cases of a queue page at once: each case changed, audited and written to its
 * history as a single change is; the form refused as a whole when it lacks something; cases that
 * cannot be changed reported one by one in the banner, the others still changed.
 */
@QuarkusTest
class BulkWorkTest {

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    @Test
    void claimsEverySelectedCaseWithItsOwnHistoryAndAuditEntry() {
        List<String> references = List.of(Cases.reportInto("COUNCIL_ASB").reference(),
                Cases.reportInto("COUNCIL_ASB").reference(), Cases.reportInto("COUNCIL_ASB").reference());
        StaffSession caseworker = StaffSession.signIn("caseworker");

        Response response = bulk(caseworker, "COUNCIL_ASB", references, "action", "claim", "back", "risk=HIGH");

        assertEquals(303, response.statusCode(), response.asString());
        String location = response.header("Location");
        assertTrue(location.contains("/staff/queues/COUNCIL_ASB?status=open&risk=HIGH&bulk=claim&changed=3"), location);
        follow(caseworker, location).then().statusCode(200)
                .body(containsString("govuk-notification-banner--success"))
                .body(containsString("3 cases claimed"))
                .body(not(containsString("were left as they were")));
        for (String reference : references) {
            assertEquals("caseworker", db.item(reference).string("assignee"));
            assertEquals(1, db.events(reference, "ASSIGNED").size(), reference);
            assertTrue(db.audit(reference).contains(new Audit("caseworker", "CLAIM", reference, null)), db.audit(reference).toString());
        }
    }

    @Test
    void assignsTheSelectedCasesToAnOfficerOfTheQueue() {
        List<String> references = List.of(Cases.reportInto("COUNCIL_ASB").reference(), Cases.reportInto("COUNCIL_ASB").reference());

        Response response = bulk(StaffSession.signIn("triage"), "COUNCIL_ASB", references, "action", "assign", "assignee", "caseworker");

        assertEquals(303, response.statusCode(), response.asString());
        assertTrue(response.header("Location").contains("bulk=assign&changed=2"), response.header("Location"));
        for (String reference : references) {
            assertEquals("caseworker", db.item(reference).string("assignee"));
            assertTrue(db.audit(reference).contains(new Audit("triage", "ASSIGN", reference, "caseworker")), db.audit(reference).toString());
        }
    }

    @Test
    void transfersTheSelectedCasesWithOneReasonRecordedOnEach() {
        List<String> references = List.of(Cases.reportInto("COUNCIL_ASB").reference(), Cases.reportInto("COUNCIL_ASB").reference());

        Response response = bulk(StaffSession.signIn("caseworker"), "COUNCIL_ASB", references, "action", "transfer",
                "queue", "ENVIRONMENTAL_HEALTH", "reason", "Noise, not fly-tipping");

        assertEquals(303, response.statusCode(), response.asString());
        for (String reference : references) {
            assertEquals("ENVIRONMENTAL_HEALTH", db.item(reference).string("queue_code"));
            assertTrue(db.events(reference, "TRANSFERRED").stream().anyMatch(e -> e.string("message").endsWith(": Noise, not fly-tipping")));
            assertEquals(1, db.audit(reference).stream().filter(a -> a.action().equals("TRANSFER")).count());
        }
    }

    @Test
    void closesTheSelectedCasesAsDuplicatesOfTheCaseToKeep() {
        String primary = Cases.reportInto("COUNCIL_ASB").reference();
        List<String> references = List.of(Cases.reportInto("COUNCIL_ASB").reference(), Cases.reportInto("COUNCIL_ASB").reference());
        StaffSession caseworker = StaffSession.signIn("caseworker");

        Response response = bulk(caseworker, "COUNCIL_ASB", references, "action", "duplicate", "primary", primary.toLowerCase());

        assertEquals(303, response.statusCode(), response.asString());
        follow(caseworker, response.header("Location")).then().statusCode(200)
                .body(containsString("2 cases closed as duplicates of " + primary));
        for (String reference : references) {
            assertEquals("CLOSED", db.item(reference).string("status"));
            assertEquals("DUPLICATE", db.item(reference).string("outcome"));
            assertTrue(db.audit(reference).contains(new Audit("caseworker", "MERGE", reference, primary)), db.audit(reference).toString());
            assertTrue(db.audit(primary).contains(new Audit("caseworker", "MERGED_IN", primary, reference)), db.audit(primary).toString());
        }
        assertEquals("NEW", db.item(primary).string("status"));
    }

    @Test
    void reportsEachCaseThatCouldNotBeChangedAndChangesTheOthers() {
        Case held = Cases.reportInto("COUNCIL_ASB");
        Case closed = Cases.reportInto("COUNCIL_ASB");
        Case free = Cases.reportInto("COUNCIL_ASB");
        StaffApi.as("triage").body(StaffApi.json("version", 0)).post("/api/v1/cases/{reference}/claim", held.reference())
                .then().statusCode(200);
        StaffApi.as("triage").body(StaffApi.json("version", 0, "outcome", "RESOLVED"))
                .post("/api/v1/cases/{reference}/close", closed.reference()).then().statusCode(200);
        StaffSession caseworker = StaffSession.signIn("caseworker");

        Response response = bulk(caseworker, "COUNCIL_ASB", List.of(held.reference(), closed.reference(), free.reference()),
                "action", "claim");

        assertEquals(303, response.statusCode(), response.asString());
        follow(caseworker, response.header("Location")).then().statusCode(200)
                .body(containsString("1 case claimed"))
                .body(containsString(held.reference() + "</a>: already held by another officer"))
                .body(containsString(closed.reference() + "</a>: already closed"));
        assertEquals("triage", db.item(held.reference()).string("assignee"));
        assertEquals("caseworker", db.item(free.reference()).string("assignee"));
        assertTrue(db.audit(held.reference()).stream().noneMatch(a -> a.actor().equals("caseworker") && a.action().equals("CLAIM")));
    }

    @Test
    void refusesACaseTheOfficerMayNotSeeAndSaysNothingOfIt() {
        Case theirs = Cases.reportInto("POLICE_NEIGHBOURHOOD");
        Case mine = Cases.reportInto("COUNCIL_ASB");
        StaffSession caseworker = StaffSession.signIn("caseworker");

        Response response = bulk(caseworker, "COUNCIL_ASB", List.of(theirs.reference(), mine.reference()), "action", "claim");

        assertEquals(303, response.statusCode(), response.asString());
        follow(caseworker, response.header("Location")).then().statusCode(200)
                .body(containsString(theirs.reference() + "</a>: not found among your queues"));
        assertNull(db.item(theirs.reference()).get("assigned_to"));
        assertTrue(db.audit(theirs.reference()).stream().noneMatch(a -> a.actor().equals("caseworker")), db.audit(theirs.reference()).toString());
        assertEquals("caseworker", db.item(mine.reference()).string("assignee"));
    }

    @Test
    void refusesAQueueTheOfficerDoesNotWork() {
        Case reported = Cases.reportInto("POLICE_NEIGHBOURHOOD");

        Response response = bulk(StaffSession.signIn("caseworker"), "POLICE_NEIGHBOURHOOD", List.of(reported.reference()),
                "action", "claim");

        assertEquals(404, response.statusCode());
        assertNull(db.item(reported.reference()).get("assigned_to"));
    }

    @Test
    void showsAnErrorSummaryForWhatTheFormLacksAndChangesNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        Case police = Cases.reportInto("POLICE_NEIGHBOURHOOD");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        List<String> one = List.of(reported.reference());

        assertProblem(bulk(caseworker, "COUNCIL_ASB", List.of(), "action", "claim"), "#bulk-references", "Select the cases to change");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one), "#bulk-action", "Choose what to do with the selected cases");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "assign"), "#bulk-assignee",
                "Choose the officer to assign the cases to");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "assign", "assignee", "police"), "#bulk-assignee",
                "Choose the officer to assign the cases to");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "transfer", "queue", "ENVIRONMENTAL_HEALTH"), "#bulk-reason",
                "Give the reason for the transfer");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "transfer", "reason", "Wrong team"), "#bulk-queue",
                "Choose the queue to transfer the cases to");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "duplicate"), "#bulk-primary",
                "Enter the reference of the case to keep");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "duplicate", "primary", reported.reference()), "#bulk-primary",
                "The case to keep must not be one of the selected cases");
        assertProblem(bulk(caseworker, "COUNCIL_ASB", one, "action", "duplicate", "primary", police.reference()), "#bulk-primary",
                "There is no case " + police.reference() + " among your queues");

        // Shown again in the order it was sent from (newest first: this case leads the page), still ticked.
        Response kept = bulk(caseworker, "COUNCIL_ASB", one, "action", "transfer", "queue", "ENVIRONMENTAL_HEALTH",
                "back", "sort=newest");
        kept.then().body(containsString("value=\"" + reported.reference() + "\" form=\"bulk\" checked"));
        assertEquals("NEW", db.item(reported.reference()).string("status"));
        assertEquals("COUNCIL_ASB", db.item(reported.reference()).string("queue_code"));
        assertEquals(List.of(), db.audit(reported.reference()).stream()
                .filter(a -> !a.action().startsWith("READ")).toList());
    }

    @Test
    void theQueuePageOffersACheckboxLabelledWithEachReferenceAndTheBulkForm() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        StaffSession.signIn("caseworker").get("/staff/queues/COUNCIL_ASB?sort=newest").then().statusCode(200)
                .body(containsString("<input class=\"govuk-checkboxes__input\" id=\"select-" + reported.reference()
                        + "\" name=\"references\" type=\"checkbox\" value=\"" + reported.reference() + "\" form=\"bulk\">"))
                .body(containsString("<label class=\"govuk-label govuk-checkboxes__label\" for=\"select-" + reported.reference()
                        + "\"><span class=\"govuk-visually-hidden\">Select </span>" + reported.reference() + "</label>"))
                .body(containsString("<form method=\"post\" action=\"/staff/queues/COUNCIL_ASB/bulk\" id=\"bulk\""))
                .body(containsString("href=\"/staff/help/keyboard\""))
                .body(containsString("<script type=\"module\" src=\"/js/queue-keys.js\"></script>"));
    }

    @Test
    void scriptsChangeManyCasesThroughTheJsonApiWithEachSkippedCaseReported() {
        Case free = Cases.reportInto("COUNCIL_ASB");
        Case theirs = Cases.reportInto("POLICE_NEIGHBOURHOOD");

        StaffApi.as("caseworker").body(StaffApi.json("action", "claim", "references", List.of(free.reference(), theirs.reference())))
                .when().post("/api/v1/queues/COUNCIL_ASB/bulk").then().statusCode(200)
                .body("action", org.hamcrest.Matchers.equalTo("claim"))
                .body("changed", org.hamcrest.Matchers.equalTo(1))
                .body("skipped[0].reference", org.hamcrest.Matchers.equalTo(theirs.reference()))
                .body("skipped[0].reason", org.hamcrest.Matchers.equalTo("unknown"));
        assertEquals("caseworker", db.item(free.reference()).string("assignee"));
        assertNull(db.item(theirs.reference()).get("assigned_to"));

        StaffApi.as("caseworker").body(StaffApi.json("action", "transfer", "references", List.of(free.reference())))
                .when().post("/api/v1/queues/COUNCIL_ASB/bulk").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.startsWith(StaffApi.PROBLEM_JSON));
        assertEquals("COUNCIL_ASB", db.item(free.reference()).string("queue_code"));
    }

    private static void assertProblem(Response response, String anchor, String message) {
        assertEquals(400, response.statusCode(), message);
        response.then().body(containsString("There is a problem"))
                .body(containsString("<a href=\"" + anchor + "\">" + message.replace("\"", "&quot;") + "</a>"));
    }

    static Response bulk(StaffSession session, String queue, List<String> references, String... fields) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("references", references);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], List.of(fields[i + 1]));
        }
        return session.postRepeated("/staff/queues/" + queue + "/bulk", form);
    }

    static Response follow(StaffSession session, String location) {
        return session.get(location.replaceFirst("^https?://[^/]+", ""));
    }
}
