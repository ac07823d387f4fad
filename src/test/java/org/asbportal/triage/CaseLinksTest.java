package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows.Row;
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
 * Staff linking two cases by hand, and closing a case as a duplicate of another ("merge"): both
 * cases' histories and the audit log record it, the merged case's victim is told it is closed, and
 * a case outside the officer's queues is answered like an unknown one.
 */
@QuarkusTest
class CaseLinksTest {

    static final String DUPLICATE_CLOSURE = "We have closed your report. Outcome: It was already reported and is dealt "
            + "with in another report.";

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    // ---------------------------------------------------------------- link

    @Test
    void linksTwoCasesSoEachListsTheOther() {
        Case one = Cases.reportInto("COUNCIL_ASB");
        Case other = Cases.reportInto("ENVIRONMENTAL_HEALTH");

        as("caseworker").body(json("reference", other.reference().toLowerCase()))
                .when().post("/api/v1/cases/{reference}/links", one.reference())
                .then().statusCode(200)
                .body("links.find { it.reference == '" + other.reference() + "' }.reason", equalTo("LINKED_BY_STAFF"))
                .body("links.find { it.reference == '" + other.reference() + "' }.label", equalTo("Linked by staff"));

        as("caseworker").when().get("/api/v1/cases/{reference}", other.reference())
                .then().statusCode(200)
                .body("links.find { it.reference == '" + one.reference() + "' }.reason", equalTo("LINKED_BY_STAFF"));
        List<Row> rows = db.reports().linksFrom(one.reference());
        assertEquals(1, rows.size());
        assertEquals(other.reference(), rows.get(0).string("linked_reference"));
        assertEquals("LINKED_BY_STAFF", rows.get(0).string("reason"));
        Row linked = db.events(one.reference(), "LINKED").get(0);
        assertFalse(linked.bool("is_public"));
        assertEquals("Linked with " + other.reference() + " by Cass Worker", linked.string("message"));
        assertEquals("Linked with " + one.reference() + " by Cass Worker", db.events(other.reference(), "LINKED").get(0).string("message"));
        assertTrue(db.audit(one.reference()).contains(new Audit("caseworker", "LINK_CASE", one.reference(), other.reference())));
        assertTrue(db.audit(other.reference()).contains(new Audit("caseworker", "LINK_CASE", other.reference(), one.reference())));
        Cases.track(one).then().body("updates.message", contains("We received your report."));
        assertEquals("RECEIVED", db.report(one.reference()).string("status"));
    }

    @Test
    void refusesToLinkACaseWithItselfOrTwice() {
        Case one = Cases.reportInto("COUNCIL_ASB");
        Case other = Cases.reportInto("COUNCIL_ASB");

        link("caseworker", one, one.reference()).then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("errors.field", contains("reference"))
                .body("errors[0].message", equalTo("A case cannot be linked with itself"));
        link("caseworker", one, " ").then().statusCode(400)
                .body("errors[0].message", equalTo("Enter the reference of the other case"));
        link("caseworker", one, other.reference()).then().statusCode(200);
        link("triage", other, one.reference()).then().statusCode(400)
                .body("errors[0].message", equalTo("This case is already linked with " + one.reference()));

        assertEquals(1, db.reports().linksFrom(one.reference()).size());
        assertTrue(db.reports().linksFrom(other.reference()).isEmpty());
        assertEquals(1, db.events(one.reference(), "LINKED").size());
    }

    /** Two officers link the same pair at the same moment, from either side: one link, the other is told. */
    @Test
    void linksAPairOnceWhenTwoOfficersLinkItAtTheSameTime() throws Exception {
        for (int round = 0; round < 4; round++) {
            Case one = Cases.reportInto("COUNCIL_ASB");
            Case other = Cases.reportInto("COUNCIL_ASB");
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<Response> fromOne = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return link("caseworker", one, other.reference());
                });
                Future<Response> fromOther = threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return link("triage", other, one.reference());
                });
                List<Integer> statuses = new ArrayList<>(List.of(fromOne.get(30, TimeUnit.SECONDS).statusCode(),
                        fromOther.get(30, TimeUnit.SECONDS).statusCode()));
                Collections.sort(statuses);
                assertEquals(List.of(200, 400), statuses);
                assertEquals(1, db.reports().linksFrom(one.reference()).size() + db.reports().linksFrom(other.reference()).size());
                assertEquals(1, db.events(one.reference(), "LINKED").size());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void answersACaseOutsideTheOfficersQueuesLikeAnUnknownOne() {
        Case mine = Cases.reportInto("COUNCIL_ASB");
        Case police = Cases.reportInto("POLICE_NEIGHBOURHOOD");

        Response theirs = link("caseworker", mine, police.reference());
        Response unknown = link("caseworker", mine, "ASB-2222-2222");

        theirs.then().statusCode(404).contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("detail", equalTo("No case " + police.reference() + " among yours: check the reference"));
        unknown.then().statusCode(404)
                .body("detail", equalTo("No case ASB-2222-2222 among yours: check the reference"));
        merge("caseworker", mine, 0, police.reference()).then().statusCode(404)
                .body("detail", equalTo("No case " + police.reference() + " among yours: check the reference"));
        assertTrue(db.reports().linksFrom(mine.reference()).isEmpty());
        assertTrue(db.events(police.reference(), "LINKED").isEmpty());
        assertTrue(db.audit(police.reference()).isEmpty());
        assertEquals("NEW", db.item(mine.reference()).string("status"));
    }

    // ---------------------------------------------------------------- merge

    @Test
    void mergesACaseIntoAnotherByClosingItAsADuplicateAndTellsItsVictim() {
        Case duplicate = Cases.reportInto("COUNCIL_ASB");
        Case kept = Cases.reportInto("COUNCIL_ASB");

        merge("triage", duplicate, 0, kept.reference()).then().statusCode(200)
                .body("itemStatus", equalTo("CLOSED"))
                .body("status", equalTo("CLOSED"))
                .body("links.find { it.reference == '" + kept.reference() + "' }.reason", equalTo("MERGED_AS_DUPLICATE"));

        Row item = db.item(duplicate.reference());
        assertEquals("CLOSED", item.string("status"));
        assertEquals("DUPLICATE", item.string("outcome"));
        assertEquals("CLOSED", db.report(duplicate.reference()).string("status"));
        List<Row> links = db.reports().linksFrom(duplicate.reference());
        assertEquals(1, links.size());
        assertEquals(kept.reference(), links.get(0).string("linked_reference"));
        assertEquals("MERGED_AS_DUPLICATE", links.get(0).string("reason"));
        assertEquals("Closed as a duplicate of " + kept.reference() + " by Tom Triage",
                db.events(duplicate.reference(), "MERGED").get(0).string("message"));
        Row closed = db.events(duplicate.reference(), "CLOSED").get(0);
        assertTrue(closed.bool("is_public"));
        assertEquals(DUPLICATE_CLOSURE, closed.string("message"));
        Row mergedIn = db.events(kept.reference(), "MERGED").get(0);
        assertFalse(mergedIn.bool("is_public"));
        assertEquals(duplicate.reference() + " was closed as a duplicate of this case by Tom Triage", mergedIn.string("message"));
        assertEquals("NEW", db.item(kept.reference()).string("status"), "the case kept stays open");
        assertTrue(db.audit(duplicate.reference()).contains(new Audit("triage", "MERGE", duplicate.reference(), kept.reference())));
        assertTrue(db.audit(kept.reference()).contains(new Audit("triage", "MERGED_IN", kept.reference(), duplicate.reference())));

        List<Row> emails = db.reports().rows("SELECT * FROM outbox_message WHERE report_reference = ? AND kind <> 'REPORT_RECEIVED'",
                duplicate.reference());
        assertEquals(1, emails.size());
        assertEquals("CASE_CLOSED", emails.get(0).string("kind"));
        assertEquals("sam.resident@example.org", emails.get(0).string("recipient"));
        assertTrue(emails.get(0).string("body_text").contains("It was already reported"), emails.get(0).string("body_text"));
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM outbox_message WHERE report_reference = ? AND kind <> 'REPORT_RECEIVED'",
                kept.reference()),
                "the kept case's victim is not emailed");
        Response tracked = Cases.track(duplicate);
        tracked.then().body("status", equalTo("CLOSED")).body("updates.message", hasItem(DUPLICATE_CLOSURE));
        assertFalse(tracked.asString().contains(kept.reference()), "the other case stays internal");
        as("triage").when().get("/api/v1/cases/{reference}", kept.reference()).then()
                .body("links.find { it.reference == '" + duplicate.reference() + "' }.label", equalTo("Closed as a duplicate of this case"));
    }

    @Test
    void refusesToMergeIntoItselfOrAClosedCaseOrOnAStaleVersion() {
        Case duplicate = Cases.reportInto("COUNCIL_ASB");
        Case closed = Cases.reportInto("COUNCIL_ASB");
        Case open = Cases.reportInto("COUNCIL_ASB");
        as("triage").body(json("version", 0, "outcome", "RESOLVED"))
                .when().post("/api/v1/cases/{reference}/close", closed.reference()).then().statusCode(200);
        as("caseworker").body(json("version", 0)).when().post("/api/v1/cases/{reference}/claim", duplicate.reference())
                .then().statusCode(200);

        merge("triage", duplicate, 1, duplicate.reference()).then().statusCode(400)
                .body("errors.field", contains("reference"))
                .body("errors[0].message", equalTo("A case cannot be merged into itself"));
        merge("triage", duplicate, 1, closed.reference()).then().statusCode(400)
                .body("errors[0].message", equalTo(closed.reference() + " is closed: merge into an open case"));
        merge("triage", duplicate, 0, open.reference()).then().statusCode(409)
                .body("title", equalTo("This case has changed"))
                .body("detail", startsWith("Someone else changed this case"));
        merge("triage", duplicate, 1, "ASB-2222-2222").then().statusCode(404)
                .body("detail", equalTo("No case ASB-2222-2222 among yours: check the reference"));

        Row item = db.item(duplicate.reference());
        assertEquals("IN_PROGRESS", item.string("status"));
        assertNull(item.get("outcome"));
        assertTrue(db.reports().linksFrom(duplicate.reference()).isEmpty());
        assertTrue(db.events(duplicate.reference(), "MERGED").isEmpty());
        assertTrue(db.events(open.reference(), "MERGED").isEmpty());
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM outbox_message WHERE report_reference = ? AND kind = 'CASE_CLOSED'",
                duplicate.reference()));

        merge("triage", closed, 1, open.reference()).then().statusCode(409)
                .body("detail", equalTo("This case is already closed."));
    }

    // ---------------------------------------------------------------- the case page

    @Test
    void linksAndMergesFromTheCasePage() {
        Case duplicate = Cases.reportInto("COUNCIL_ASB");
        Case kept = Cases.reportInto("COUNCIL_ASB");
        Case related = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");
        Response page = triage.get("/staff/cases/{reference}", duplicate.reference());

        Response linked = triage.post("/staff/cases/" + duplicate.reference() + "/links", "otherReference", related.reference());
        assertEquals(303, linked.statusCode(), linked.asString());
        Response unknown = triage.post("/staff/cases/" + duplicate.reference() + "/links", "otherReference", "ASB-2222-2222");
        unknown.then().statusCode(404).contentType(startsWith("text/html"))
                .body(containsString("There is a problem"))
                .body(containsString("No case ASB-2222-2222 among yours: check the reference"))
                .body(containsString("<h1 class=\"govuk-heading-xl\">Case " + duplicate.reference() + "</h1>"));
        Response merged = triage.post("/staff/cases/" + duplicate.reference() + "/merge",
                "version", String.valueOf(StaffSession.versionOn(page)), "otherReference", kept.reference());

        assertEquals(303, merged.statusCode(), merged.asString());
        assertTrue(merged.header("Location").endsWith("/staff/cases/" + duplicate.reference() + "?done=merged"), merged.header("Location"));
        assertEquals("DUPLICATE", db.item(duplicate.reference()).string("outcome"));
        triage.get("/staff/cases/{reference}", duplicate.reference()).then().statusCode(200)
                .body(containsString("href=\"/staff/cases/" + related.reference() + "\">" + related.reference() + "</a>: Linked by staff"))
                .body(containsString("href=\"/staff/cases/" + kept.reference() + "\">" + kept.reference()
                        + "</a>: This case was closed as a duplicate of it"))
                .body(containsString("This case is closed."))
                .body(not(containsString("/merge\"")));
    }

    private static Response link(String officer, Case from, String other) {
        return as(officer).body(json("reference", other)).when().post("/api/v1/cases/{reference}/links", from.reference());
    }

    private static Response merge(String officer, Case from, int version, String into) {
        return as(officer).body(json("version", version, "reference", into)).when().post("/api/v1/cases/{reference}/merge", from.reference());
    }
}
