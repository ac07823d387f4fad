package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.contains;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffApi;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Working a case through the staff JSON API (HTTP Basic): claim, assign, transfer, updates and close,
 * each checked against the version the officer saw, each recorded in the case's history and the
 * audit log, and what the victim then sees when tracking the report.
 */
@QuarkusTest
class CaseOperationsTest {

    static final String WORKING_ON_IT = "An officer is now working on your report.";
    static final String CHANGED = "Someone else changed this case while you were looking at it.";

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    // ---------------------------------------------------------------- claim

    @Test
    void claimMakesTheOfficerTheHolderAndTellsTheVictimSomeoneIsWorkingOnIt() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        Response claimed = claim("caseworker", reported, 0);

        claimed.then().statusCode(200)
                .body("reference", equalTo(reported.reference()))
                .body("assignee", equalTo("Cass Worker"))
                .body("itemStatus", equalTo("IN_PROGRESS"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("version", equalTo(1))
                .body("timeline.message", hasItem("Claimed by Cass Worker"));
        Row item = db.item(reported.reference());
        assertEquals("caseworker", item.string("assignee"));
        assertEquals("IN_PROGRESS", item.string("status"));
        assertNotNull(item.get("assigned_at"));
        assertEquals(1, item.number("version"));
        assertEquals("IN_PROGRESS", db.report(reported.reference()).string("status"));
        List<Row> assigned = db.events(reported.reference(), "ASSIGNED");
        assertEquals(1, assigned.size());
        assertFalse(assigned.get(0).bool("is_public"));
        assertEquals("caseworker", assigned.get(0).string("actor"));
        List<Row> working = db.events(reported.reference(), "IN_PROGRESS");
        assertEquals(1, working.size());
        assertTrue(working.get(0).bool("is_public"));
        assertEquals(WORKING_ON_IT, working.get(0).string("message"));
        assertTrue(db.audit(reported.reference()).contains(
                new Audit("caseworker", "CLAIM", reported.reference(), null)), db.audit(reported.reference()).toString());

        Response tracked = Cases.track(reported);
        tracked.then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("updates.message", contains("We received your report.", WORKING_ON_IT));
        assertFalse(tracked.asString().contains("Claimed by"), "internal history stays internal");
        assertFalse(tracked.asString().contains("Cass Worker"), "the officer's name stays internal");
    }

    /** Pressing "Claim" again (a double click, a page open in two tabs) changes nothing and records nothing. */
    @Test
    void aClaimByTheOfficerWhoHoldsTheCaseChangesNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        claim("caseworker", reported, 0).then().statusCode(200);

        claim("caseworker", reported, 1).then().statusCode(200)
                .body("assignee", equalTo("Cass Worker"))
                .body("version", equalTo(1));

        assertEquals(1, db.events(reported.reference(), "ASSIGNED").size(), "one \"Claimed by\" entry");
        assertEquals(1, db.audit(reported.reference()).stream().filter(a -> a.action().equals("CLAIM")).count());
        assertEquals(1, db.item(reported.reference()).number("version"));
    }

    @Test
    void refusesASecondOfficerClaimingACaseSomeoneHolds() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        claim("caseworker", reported, 0).then().statusCode(200);

        Response second = claim("triage", reported, 1);

        second.then().statusCode(409)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("status", equalTo(409))
                .body("title", equalTo("This case has changed"))
                .body("detail", equalTo("This case is already held by Cass Worker."));
        Row item = db.item(reported.reference());
        assertEquals("caseworker", item.string("assignee"));
        assertEquals(1, item.number("version"));
        assertEquals(1, db.events(reported.reference(), "ASSIGNED").size());
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.actor().equals("triage")));
    }

    @Test
    void refusesAChangeMadeOnAStaleVersionAndChangesNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        claim("caseworker", reported, 0).then().statusCode(200);
        int eventsBefore = db.events(reported.reference()).size();

        Response staleClose = as("triage").body(json("version", 0, "outcome", "RESOLVED"))
                .when().post("/api/v1/cases/{reference}/close", reported.reference());
        Response staleTransfer = as("triage").body(json("version", 0, "queue", "HATE_INCIDENTS", "reason", "Racist abuse"))
                .when().post("/api/v1/cases/{reference}/transfer", reported.reference());
        Response staleAssign = as("triage").body(json("version", 0, "assignee", "triage"))
                .when().post("/api/v1/cases/{reference}/assign", reported.reference());

        for (Response stale : List.of(staleClose, staleTransfer, staleAssign)) {
            stale.then().statusCode(409)
                    .contentType(startsWith(StaffApi.PROBLEM_JSON))
                    .body("title", equalTo("This case has changed"))
                    .body("detail", startsWith(CHANGED));
        }
        Row item = db.item(reported.reference());
        assertEquals("COUNCIL_ASB", item.string("queue_code"));
        assertEquals("IN_PROGRESS", item.string("status"));
        assertEquals("caseworker", item.string("assignee"));
        assertNull(item.get("outcome"));
        assertNull(item.get("closed_at"));
        assertEquals(1, item.number("version"));
        assertEquals("IN_PROGRESS", db.report(reported.reference()).string("status"));
        assertEquals(eventsBefore, db.events(reported.reference()).size());
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.actor().equals("triage")),
                db.audit(reported.reference()).toString());
    }

    /** Two officers six times, three officers four times: each round races for a new case. */
    static Stream<Arguments> simultaneousClaims() {
        return Stream.concat(
                IntStream.rangeClosed(1, 6).mapToObj(round -> Arguments.of(List.of("caseworker", "triage"), round)),
                IntStream.rangeClosed(1, 4).mapToObj(round -> Arguments.of(List.of("caseworker", "triage", "admin"), round)));
    }

    /**
     * Claims sent at the same moment with the version all saw: one wins, the others get 409 and
     * nothing of theirs is saved (not a 503 from a database deadlock, nor two holders).
     */
    @ParameterizedTest(name = "{0}, round {1}")
    @MethodSource("simultaneousClaims")
    void letsExactlyOneOfSimultaneousClaimsWin(List<String> officers, int round) throws Exception {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        CyclicBarrier start = new CyclicBarrier(officers.size());
        ExecutorService threads = Executors.newFixedThreadPool(officers.size());
        List<Future<Response>> claims = new ArrayList<>();
        try {
            for (String officer : officers) {
                claims.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return claim(officer, reported, 0);
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            String winner = null;
            for (int i = 0; i < officers.size(); i++) {
                Response response = claims.get(i).get(30, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 200) {
                    winner = officers.get(i);
                } else {
                    response.then().statusCode(409).contentType(startsWith(StaffApi.PROBLEM_JSON))
                            .body("title", equalTo("This case has changed"));
                }
            }

            List<Integer> expected = new ArrayList<>(List.of(200));
            officers.stream().skip(1).forEach(loser -> expected.add(409));
            assertEquals(expected, statuses.stream().sorted().toList(), "one claim wins, the others are told");
            Row item = db.item(reported.reference());
            assertEquals(winner, item.string("assignee"));
            assertEquals("IN_PROGRESS", item.string("status"));
            assertEquals(1, item.number("version"));
            assertEquals(1, db.events(reported.reference(), "ASSIGNED").size());
            assertEquals(1, db.events(reported.reference(), "IN_PROGRESS").size());
            assertEquals(List.of(new Audit(winner, "CLAIM", reported.reference(), null)),
                    db.audit(reported.reference()).stream().filter(a -> a.action().equals("CLAIM")).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest(name = "round {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void keepsEveryOneOfSimultaneousUpdatesToACase(int round) throws Exception {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        List<String> officers = List.of("caseworker", "triage", "admin");
        CyclicBarrier start = new CyclicBarrier(officers.size());
        ExecutorService threads = Executors.newFixedThreadPool(officers.size());
        try {
            List<Future<Response>> updates = new ArrayList<>();
            for (String officer : officers) {
                updates.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(officer).body(json("text", "Visited the site, update from " + officer, "public", true))
                            .when().post("/api/v1/cases/{reference}/updates", reported.reference());
                }));
            }
            for (Future<Response> update : updates) {
                Response response = update.get(30, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.asString());
            }

            assertEquals(officers.size(), db.events(reported.reference(), "PUBLIC_UPDATE").size());
            assertEquals("IN_PROGRESS", db.report(reported.reference()).string("status"));
            Cases.track(reported).then().statusCode(200).body("updates.size()", equalTo(1 + officers.size()));
        } finally {
            threads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- updates and notes

    @Test
    void showsThePublicUpdateToTheVictimButNeverTheInternalNote() {
        Case reported = Cases.reportInto("ENVIRONMENTAL_HEALTH");
        String update = "We have written to the neighbour about the music at night.";
        String note = "Neighbour has a previous noise abatement notice, file 2291.";

        as("caseworker").body(json("text", update, "public", true))
                .when().post("/api/v1/cases/{reference}/updates", reported.reference())
                .then().statusCode(200)
                .body("timeline.find { it.kind == 'PUBLIC_UPDATE' }.message", equalTo(update))
                .body("timeline.find { it.kind == 'PUBLIC_UPDATE' }.isPublic", equalTo(true));
        as("caseworker").body(json("text", note, "public", false))
                .when().post("/api/v1/cases/{reference}/updates", reported.reference())
                .then().statusCode(200)
                .body("timeline.find { it.kind == 'NOTE' }.message", equalTo(note))
                .body("timeline.find { it.kind == 'NOTE' }.isPublic", equalTo(false));

        Row publicUpdate = db.events(reported.reference(), "PUBLIC_UPDATE").get(0);
        assertTrue(publicUpdate.bool("is_public"));
        assertEquals("caseworker", publicUpdate.string("actor"));
        Row internal = db.events(reported.reference(), "NOTE").get(0);
        assertFalse(internal.bool("is_public"));
        assertEquals(note, internal.string("message"));
        assertEquals("IN_PROGRESS", db.report(reported.reference()).string("status"), "a public update starts the work");
        List<String> trail = db.audit(reported.reference()).stream().map(Audit::trail).toList();
        assertEquals(List.of("caseworker PUBLIC_UPDATE", "caseworker NOTE"), trail);

        Response tracked = Cases.track(reported);
        tracked.then().statusCode(200)
                .body("status", equalTo("IN_PROGRESS"))
                .body("updates.message", contains("We received your report.", update));
        assertFalse(tracked.asString().contains("noise abatement"), tracked.asString());
    }

    @Test
    void refusesAnEmptyUpdate() {
        Case reported = Cases.reportInto("ENVIRONMENTAL_HEALTH");

        as("caseworker").body(json("text", "   ", "public", true))
                .when().post("/api/v1/cases/{reference}/updates", reported.reference())
                .then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("errors.field", contains("text"));

        assertTrue(db.events(reported.reference(), "PUBLIC_UPDATE").isEmpty());
        assertEquals("RECEIVED", db.report(reported.reference()).string("status"));
    }

    // ---------------------------------------------------------------- transfer

    @Test
    void transfersACaseToAnotherAgencyWhoseOfficersThenWorkIt() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        claim("caseworker", reported, 0).then().statusCode(200);
        String reason = "Dealing seen from the garages: for the neighbourhood team";

        as("caseworker").body(json("version", 1, "queue", "POLICE_NEIGHBOURHOOD", "reason", reason))
                .when().post("/api/v1/cases/{reference}/transfer", reported.reference())
                .then().statusCode(200)
                .body("queueCode", equalTo("POLICE_NEIGHBOURHOOD"))
                .body("queueName", equalTo("Police neighbourhood team"))
                .body("assignee", nullValue())
                .body("itemStatus", equalTo("NEW"))
                .body("version", equalTo(2));

        Row item = db.item(reported.reference());
        assertEquals("POLICE_NEIGHBOURHOOD", item.string("queue_code"));
        assertNull(item.get("assigned_to"));
        assertEquals("NEW", item.string("status"));
        List<Row> transferred = db.events(reported.reference(), "TRANSFERRED");
        assertEquals(2, transferred.size());
        assertEquals("Transferred from Council ASB team to Police neighbourhood team: " + reason,
                transferred.stream().filter(e -> !e.bool("is_public")).findFirst().orElseThrow().string("message"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("caseworker", "TRANSFER", reported.reference(),
                "Council ASB team -> POLICE_NEIGHBOURHOOD")), db.audit(reported.reference()).toString());

        // The council's officers no longer see it, exactly as if it did not exist; the police do.
        for (String formerOfficer : List.of("caseworker", "triage")) {
            as(formerOfficer).when().get("/api/v1/cases/{reference}", reported.reference())
                    .then().statusCode(404)
                    .body("detail", equalTo("No case with this reference in your queues"));
        }
        as("police").when().get("/api/v1/cases/{reference}", reported.reference())
                .then().statusCode(200).body("queueCode", equalTo("POLICE_NEIGHBOURHOOD"));
        claim("police", reported, 2).then().statusCode(200).body("assignee", equalTo("Pat Constable"));

        Cases.track(reported).then().statusCode(200)
                .body("updates.message", hasItem("Your report has been passed to the Police neighbourhood team."))
                .body("updates.message", not(hasItem(startsWith("Transferred from"))));
    }

    @ParameterizedTest(name = "reason \"{0}\"")
    @ValueSource(strings = {"", "   "})
    void refusesATransferWithoutAReason(String reason) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        assertTransferRefused(reported, json("version", 0, "queue", "POLICE_NEIGHBOURHOOD", "reason", reason), "reason");
        assertTransferRefused(reported, json("version", 0, "queue", "POLICE_NEIGHBOURHOOD"), "reason");
    }

    @Test
    void refusesATransferToAnUnknownQueueOrTheSameOne() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        assertTransferRefused(reported, json("version", 0, "queue", "NO_SUCH_QUEUE", "reason", "Wrong team"), "queue");
        assertTransferRefused(reported, json("version", 0, "queue", "COUNCIL_ASB", "reason", "Wrong team"), "queue");
    }

    private void assertTransferRefused(Case reported, Map<String, Object> body, String field) {
        as("caseworker").body(body).when().post("/api/v1/cases/{reference}/transfer", reported.reference())
                .then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("status", equalTo(400))
                .body("errors.field", contains(field))
                .body("errors[0].message", notNullValue());
        Row item = db.item(reported.reference());
        assertEquals("COUNCIL_ASB", item.string("queue_code"));
        assertEquals(0, item.number("version"));
        assertTrue(db.events(reported.reference(), "TRANSFERRED").isEmpty());
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.action().equals("TRANSFER")));
    }

    // ---------------------------------------------------------------- assign

    @Test
    void assignsTheCaseToAnOfficerWhoWorksTheQueue() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        as("triage").body(json("version", 0, "assignee", "caseworker"))
                .when().post("/api/v1/cases/{reference}/assign", reported.reference())
                .then().statusCode(200)
                .body("assignee", equalTo("Cass Worker"))
                .body("itemStatus", equalTo("IN_PROGRESS"));

        assertEquals("caseworker", db.item(reported.reference()).string("assignee"));
        assertEquals("Assigned to Cass Worker by Tom Triage",
                db.events(reported.reference(), "ASSIGNED").get(0).string("message"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "ASSIGN", reported.reference(), "caseworker")));
        Cases.track(reported).then().body("updates.message", hasItem(WORKING_ON_IT));
    }

    @ParameterizedTest(name = "assignee \"{0}\"")
    @ValueSource(strings = {"police", "coordinator", "councillor", "nobody-at-all", ""})
    void refusesToAssignToSomeoneWhoDoesNotWorkTheQueue(String assignee) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        as("triage").body(json("version", 0, "assignee", assignee))
                .when().post("/api/v1/cases/{reference}/assign", reported.reference())
                .then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("errors.field", contains("assignee"))
                .body("errors[0].message", equalTo("Choose an officer who works this queue"));

        Row item = db.item(reported.reference());
        assertNull(item.get("assigned_to"));
        assertEquals("NEW", item.string("status"));
        assertEquals(0, item.number("version"));
        assertTrue(db.events(reported.reference(), "ASSIGNED").isEmpty());
        assertTrue(db.audit(reported.reference()).isEmpty());
    }

    // ---------------------------------------------------------------- close

    @Test
    void closesTheCaseWithItsOutcomeAndTellsTheVictim() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        claim("caseworker", reported, 0).then().statusCode(200);

        as("caseworker").body(json("version", 1, "outcome", "ACTION_TAKEN"))
                .when().post("/api/v1/cases/{reference}/close", reported.reference())
                .then().statusCode(200)
                .body("itemStatus", equalTo("CLOSED"))
                .body("status", equalTo("CLOSED"));

        Row item = db.item(reported.reference());
        assertEquals("CLOSED", item.string("status"));
        assertEquals("ACTION_TAKEN", item.string("outcome"));
        assertNotNull(item.get("closed_at"));
        assertEquals("CLOSED", db.report(reported.reference()).string("status"));
        Row closed = db.events(reported.reference(), "CLOSED").get(0);
        assertTrue(closed.bool("is_public"));
        assertTrue(db.audit(reported.reference()).contains(
                new Audit("caseworker", "CLOSE", reported.reference(), "ACTION_TAKEN")));

        String closing = "We have closed your report. Outcome: Action was taken against the people responsible.";
        Cases.track(reported).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("updates.message", contains("We received your report.", WORKING_ON_IT, closing));

        as("caseworker").body(json("version", 2, "outcome", "RESOLVED"))
                .when().post("/api/v1/cases/{reference}/close", reported.reference())
                .then().statusCode(409)
                .body("detail", equalTo("This case is already closed."));
        assertEquals("ACTION_TAKEN", db.item(reported.reference()).string("outcome"));
        assertEquals(1, db.events(reported.reference(), "CLOSED").size());

        for (String operation : new String[] {"claim", "transfer", "assign"}) {
            as("caseworker").body(json("version", 2, "queue", "COUNCIL_ASB", "reason", "reopen", "assignee", "caseworker"))
                    .when().post("/api/v1/cases/{reference}/" + operation, reported.reference())
                    .then().statusCode(409)
                    .body("detail", equalTo("This case is already closed."));
        }
        assertEquals("CLOSED", db.item(reported.reference()).string("status"));
    }

    @Test
    void refusesToCloseWithoutAKnownOutcome() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        as("caseworker").body(json("version", 0))
                .when().post("/api/v1/cases/{reference}/close", reported.reference())
                .then().statusCode(400).body("errors.field", contains("outcome"));
        as("caseworker").body(json("version", 0, "outcome", "SORTED_IT"))
                .when().post("/api/v1/cases/{reference}/close", reported.reference())
                .then().statusCode(400).body("errors.field", contains("outcome"));

        Row item = db.item(reported.reference());
        assertEquals("NEW", item.string("status"));
        assertNull(item.get("closed_at"));
        assertTrue(db.events(reported.reference(), "CLOSED").isEmpty());
    }

    // ---------------------------------------------------------------- audit

    @Test
    void auditsEveryReadAndChangeOfACaseWithWhoAndWhat() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        String reference = reported.reference();

        as("triage").when().get("/api/v1/cases/{reference}", reference).then().statusCode(200);
        claim("triage", reported, 0).then().statusCode(200);
        as("triage").body(json("text", "Photos of the dumped mattresses on file", "public", false))
                .when().post("/api/v1/cases/{reference}/updates", reference).then().statusCode(200);
        as("triage").body(json("text", "We have asked for the rubbish to be cleared.", "public", true))
                .when().post("/api/v1/cases/{reference}/updates", reference).then().statusCode(200);
        as("triage").body(json("version", 1, "assignee", "caseworker"))
                .when().post("/api/v1/cases/{reference}/assign", reference).then().statusCode(200);
        as("caseworker").when().get("/api/v1/cases/{reference}", reference).then().statusCode(200);
        as("caseworker").body(json("version", 2, "queue", "ENVIRONMENTAL_HEALTH", "reason", "Waste carrier licence check"))
                .when().post("/api/v1/cases/{reference}/transfer", reference).then().statusCode(200);
        as("caseworker").body(json("version", 3, "outcome", "RESOLVED"))
                .when().post("/api/v1/cases/{reference}/close", reference).then().statusCode(200);

        List<Audit> trail = db.audit(reference);
        assertEquals(List.of(
                new Audit("triage", "READ_CASE", reference, null),
                new Audit("triage", "CLAIM", reference, null),
                new Audit("triage", "NOTE", reference, null),
                new Audit("triage", "PUBLIC_UPDATE", reference, null),
                new Audit("triage", "ASSIGN", reference, "caseworker"),
                new Audit("caseworker", "READ_CASE", reference, null),
                new Audit("caseworker", "TRANSFER", reference, "Council ASB team -> ENVIRONMENTAL_HEALTH"),
                new Audit("caseworker", "CLOSE", reference, "RESOLVED")), trail);
        assertTrue(db.reports().rows("SELECT occurred_at FROM audit_entry WHERE reference = ?", reference).stream()
                .allMatch(r -> r.get("occurred_at") != null));
    }

    @Test
    void auditsEveryReadOfAQueuePage() {
        long before = db.lastAuditId();

        as("caseworker").when().get("/api/v1/queues/{code}/items", "ENVIRONMENTAL_HEALTH").then().statusCode(200);
        as("police").when().get("/api/v1/queues/{code}/items?risk=HIGH", "POLICE_NEIGHBOURHOOD").then().statusCode(200);

        assertEquals(List.of(new Audit("caseworker", "READ_QUEUE", null, "ENVIRONMENTAL_HEALTH"),
                new Audit("police", "READ_QUEUE", null, "POLICE_NEIGHBOURHOOD")), db.auditAfter(before));
    }

    @Test
    void claimsWithoutAVersionAgainstTheCaseAsItIsNow() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        as("caseworker").body("{}").when().post("/api/v1/cases/{reference}/claim", reported.reference())
                .then().statusCode(200).body("assignee", equalTo("Cass Worker"));

        assertEquals("caseworker", db.item(reported.reference()).string("assignee"));
    }

    private static Response claim(String officer, Case reported, int version) {
        return as(officer).body(json("version", version)).when().post("/api/v1/cases/{reference}/claim", reported.reference());
    }
}
