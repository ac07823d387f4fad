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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Perpetrators on cases: recorded from a case with optional equality monitoring, found by name and
 * linked to more cases, so each case lists the others of the same person; staff only, never shown
 * to the victim, and named by record number only in the history and the audit log.
 */
@QuarkusTest
class CasePerpetratorsTest {

    @Inject
    AgroalDataSource dataSource;

    TriageRows db;

    @BeforeEach
    void database() {
        db = new TriageRows(dataSource);
    }

    @Test
    void recordsAPerpetratorOnTheCaseForStaffOnly() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        String name = "Jordan Fly" + ReportRequests.unique();

        Response added = addPerpetrator("caseworker", reported, json("name", name, "aliases", "JJ", "dateOfBirth", "1998-04-12",
                "address", "Flat 3, 14 Mill Lane", "description", "Tall, red van", "notes", "Known to housing",
                "ageBand", "AGE_25_TO_34", "sex", "MALE", "ethnicity", "PREFER_NOT_TO_SAY"));

        added.then().statusCode(201)
                .body("perpetrators.size()", equalTo(1))
                .body("perpetrators[0].name", equalTo(name))
                .body("perpetrators[0].aliases", equalTo("JJ"))
                .body("perpetrators[0].dateOfBirth", equalTo("1998-04-12"))
                .body("perpetrators[0].address", equalTo("Flat 3, 14 Mill Lane"))
                .body("perpetrators[0].ageBandLabel", equalTo("25 to 34"))
                .body("perpetrators[0].sex", equalTo("MALE"))
                .body("perpetrators[0].ethnicityLabel", equalTo("Prefer not to say"))
                .body("perpetrators[0].disability", equalTo(null))
                .body("perpetrators[0].disabilityLabel", equalTo("Not known"))
                .body("perpetrators[0].otherCases.size()", equalTo(0));
        long id = ((Number) added.path("perpetrators[0].id")).longValue();
        Row person = perpetrator(id);
        assertEquals(name, person.string("name"));
        assertEquals("caseworker", person.string("created_by"));
        assertEquals("AGE_25_TO_34", person.string("age_band"));
        assertEquals(List.of(reported.reference()), casesOf(id));
        Row event = db.events(reported.reference(), "PERPETRATOR_ADDED").get(0);
        assertFalse(event.bool("is_public"));
        assertEquals("Perpetrator record " + id + " added by Cass Worker", event.string("message"));
        assertTrue(db.audit(reported.reference()).contains(
                new Audit("caseworker", "ADD_PERPETRATOR", reported.reference(), "perpetrator " + id)));
        assertNoTraceOf(name, reported);
    }

    @Test
    void linksAKnownPerpetratorToASecondCaseAndEachCaseListsTheOther() {
        Case first = Cases.reportInto("COUNCIL_ASB");
        Case second = Cases.reportInto("ENVIRONMENTAL_HEALTH");
        String name = "Casey Dumper" + ReportRequests.unique();
        long id = idOf(addPerpetrator("caseworker", first, json("name", name)).then().statusCode(201).extract().response());

        as("caseworker").queryParam("name", name.substring(6).toUpperCase())
                .when().get("/api/v1/cases/{reference}/perpetrators", second.reference())
                .then().statusCode(200)
                .body("id", contains((int) id))
                .body("name", contains(name))
                .body("linkedHere", contains(false));
        addPerpetrator("caseworker", second, json("perpetratorId", id)).then().statusCode(200)
                .body("perpetrators.id", contains((int) id))
                .body("perpetrators[0].otherCases", contains(first.reference()))
                .body("links.find { it.reference == '" + first.reference() + "' }.reason", equalTo("SAME_PERPETRATOR"))
                .body("links.find { it.reference == '" + first.reference() + "' }.label", equalTo("Same perpetrator"));

        as("caseworker").when().get("/api/v1/cases/{reference}", first.reference()).then().statusCode(200)
                .body("perpetrators[0].otherCases", contains(second.reference()))
                .body("links.find { it.reference == '" + second.reference() + "' }.reason", equalTo("SAME_PERPETRATOR"));
        assertEquals(List.of(first.reference(), second.reference()), casesOf(id));
        assertEquals("Perpetrator record " + id + " linked by Cass Worker",
                db.events(second.reference(), "PERPETRATOR_LINKED").get(0).string("message"));
        assertTrue(db.audit(second.reference()).contains(
                new Audit("caseworker", "LINK_PERPETRATOR", second.reference(), "perpetrator " + id)));
        assertTrue(db.audit(second.reference()).contains(
                new Audit("caseworker", "SEARCH_PERPETRATORS", second.reference(), "1 found")), "searches are audited, not their terms");

        addPerpetrator("caseworker", second, json("perpetratorId", id)).then().statusCode(400)
                .body("errors[0].message", equalTo("This person is already linked to this case"));
        assertNoTraceOf(name, second);
    }

    /** Two officers link the same perpetrator to a case at the same moment: one link, the other is told. */
    @Test
    void linksAPerpetratorOnceWhenTwoOfficersLinkThemAtTheSameTime() throws Exception {
        for (int round = 0; round < 3; round++) {
            Case first = Cases.reportInto("COUNCIL_ASB");
            Case second = Cases.reportInto("COUNCIL_ASB");
            long id = idOf(addPerpetrator("caseworker", first, json("name", "Sky Twice" + ReportRequests.unique()))
                    .then().statusCode(201).extract().response());
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<Response>> links = new ArrayList<>();
                for (String officer : List.of("caseworker", "triage")) {
                    links.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return addPerpetrator(officer, second, json("perpetratorId", id));
                    }));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Response> link : links) {
                    statuses.add(link.get(30, TimeUnit.SECONDS).statusCode());
                }
                Collections.sort(statuses);
                assertEquals(List.of(200, 400), statuses);
                assertEquals(List.of(first.reference(), second.reference()), casesOf(id));
                assertEquals(1, db.events(second.reference(), "PERPETRATOR_LINKED").size());
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void unlinksAPerpetratorFromOneCaseAndKeepsTheirOtherCases() {
        Case first = Cases.reportInto("COUNCIL_ASB");
        Case second = Cases.reportInto("COUNCIL_ASB");
        long id = idOf(addPerpetrator("triage", first, json("name", "Robin Loud" + ReportRequests.unique())).then().extract().response());
        addPerpetrator("triage", second, json("perpetratorId", id)).then().statusCode(200);

        as("triage").when().delete("/api/v1/cases/{reference}/perpetrators/{id}", second.reference(), id)
                .then().statusCode(200)
                .body("perpetrators.size()", equalTo(0))
                .body("links.reason", not(hasItem("SAME_PERPETRATOR")));

        assertEquals(List.of(first.reference()), casesOf(id));
        assertEquals(1, db.events(second.reference(), "PERPETRATOR_UNLINKED").size());
        assertTrue(db.audit(second.reference()).contains(
                new Audit("triage", "UNLINK_PERPETRATOR", second.reference(), "perpetrator " + id)));
        as("triage").when().delete("/api/v1/cases/{reference}/perpetrators/{id}", second.reference(), id)
                .then().statusCode(404);
    }

    @Test
    void refusesAnInvalidPerpetratorWithClearMessages() {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        addPerpetrator("caseworker", reported, json("name", " ", "dateOfBirth", "2990-01-01", "ageBand", "OLD",
                "notes", "x".repeat(4001)))
                .then().statusCode(400)
                .contentType(startsWith(StaffApi.PROBLEM_JSON))
                .body("errors.field", contains("name", "dateOfBirth", "notes", "ageBand"))
                .body("errors.message", contains("Enter the person's name, or what they are known as",
                        "The date of birth must be in the past", "Must be 4,000 characters or fewer",
                        "Choose an answer from the list, or leave it out"));
        addPerpetrator("caseworker", reported, json("name", "Sam", "dateOfBirth", "2001-02-29")).then().statusCode(400)
                .body("errors[0].message", equalTo("The date of birth must be a real date"));
        as("caseworker").queryParam("name", "a").when().get("/api/v1/cases/{reference}/perpetrators", reported.reference())
                .then().statusCode(400).body("errors[0].message", equalTo("Enter at least 2 letters of the name to search for"));

        assertTrue(db.events(reported.reference(), "PERPETRATOR_ADDED").isEmpty());
        assertTrue(db.audit(reported.reference()).isEmpty());
    }

    @Test
    void findsAndLinksOnlyPerpetratorsOfCasesInTheOfficersQueues() {
        Case council = Cases.reportInto("COUNCIL_ASB");
        Case police = Cases.reportInto("POLICE_NEIGHBOURHOOD");
        String name = "Alex Council" + ReportRequests.unique();
        long id = idOf(addPerpetrator("caseworker", council, json("name", name)).then().statusCode(201).extract().response());

        as("police").queryParam("name", name).when().get("/api/v1/cases/{reference}/perpetrators", police.reference())
                .then().statusCode(200).body("size()", equalTo(0));
        addPerpetrator("police", police, json("perpetratorId", id)).then().statusCode(400)
                .body("errors.field", contains("perpetratorId"))
                .body("errors[0].message", equalTo("Choose a person from the search: no such person among yours"));
        as("admin").queryParam("name", name).when().get("/api/v1/cases/{reference}/perpetrators", police.reference())
                .then().statusCode(200).body("id", contains((int) id));
        assertEquals(List.of(council.reference()), casesOf(id));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"coordinator", "councillor"})
    void forbidsRolesThatDoNotWorkCases(String who) {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        long id = idOf(addPerpetrator("caseworker", reported, json("name", "Pat Noise" + ReportRequests.unique())).then().extract().response());
        long auditBefore = db.lastAuditId();

        addPerpetrator(who, reported, json("name", "Another")).then().statusCode(403);
        addPerpetrator(who, reported, json("perpetratorId", id)).then().statusCode(403);
        as(who).queryParam("name", "Pat").when().get("/api/v1/cases/{reference}/perpetrators", reported.reference())
                .then().statusCode(403);
        as(who).when().delete("/api/v1/cases/{reference}/perpetrators/{id}", reported.reference(), id).then().statusCode(403);
        as(who).when().get("/api/v1/cases/{reference}", reported.reference()).then().statusCode(403);

        assertEquals(List.of(reported.reference()), casesOf(id));
        assertEquals(1, db.reports().count("SELECT COUNT(*) FROM case_perpetrator cp JOIN report r ON r.id = cp.report_id "
                + "WHERE r.reference = ?", reported.reference()));
        assertEquals(List.of(), db.auditAfter(auditBefore));
    }

    @Test
    void answersACaseworkerOfAnotherOrganisationAsIfTheCaseDidNotExist() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        long id = idOf(addPerpetrator("caseworker", reported, json("name", "Drew Shout" + ReportRequests.unique())).then().extract().response());

        for (Response response : List.of(
                addPerpetrator("police", reported, json("name", "Another")),
                addPerpetrator("police", reported, json("perpetratorId", id)),
                as("police").queryParam("name", "Drew").when().get("/api/v1/cases/{reference}/perpetrators", reported.reference()),
                as("police").when().delete("/api/v1/cases/{reference}/perpetrators/{id}", reported.reference(), id))) {
            response.then().statusCode(404).contentType(startsWith(StaffApi.PROBLEM_JSON))
                    .body("detail", equalTo("No case with this reference in your queues"));
        }
        assertEquals(List.of(reported.reference()), casesOf(id));
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.actor().equals("police")));
    }

    @Test
    void addsFindsLinksAndUnlinksFromTheCasePage() {
        Case first = Cases.reportInto("COUNCIL_ASB");
        Case second = Cases.reportInto("COUNCIL_ASB");
        String name = "Morgan Bins" + ReportRequests.unique();
        StaffSession triage = StaffSession.signIn("triage");
        triage.get("/staff/cases/{reference}", first.reference()).then().statusCode(200)
                .body(containsString("No perpetrators recorded."));

        Response added = triage.post("/staff/cases/" + first.reference() + "/perpetrators", Map.of("name", name,
                "dateOfBirth-day", "", "dateOfBirth-month", "", "dateOfBirth-year", "", "ageBand", "UNDER_18", "sex", "",
                "ethnicity", "WHITE", "disability", "NO", "notes", "Seen <at night>"));
        assertEquals(303, added.statusCode(), added.asString());
        triage.get("/staff/cases/{reference}", first.reference()).then().statusCode(200)
                .body(containsString("<h3 class=\"govuk-heading-s\" id=\"perpetrator-"))
                .body(containsString(">" + name + "</h3>"))
                .body(containsString("Seen &lt;at night&gt;"))
                .body(containsString("Age: Under 18. Sex: Not known. Ethnicity: White. Disability: No."));

        Response search = triage.get("/staff/cases/{reference}?find={name}", second.reference(), name.substring(0, 8));
        search.then().statusCode(200).body(containsString(name)).body(containsString("Link to this case"));
        long id = idOf(as("triage").get("/api/v1/cases/{reference}", first.reference()));
        Response linked = triage.post("/staff/cases/" + second.reference() + "/perpetrators/link", "perpetratorId", String.valueOf(id));
        assertEquals(303, linked.statusCode(), linked.asString());
        triage.get("/staff/cases/{reference}", second.reference()).then().statusCode(200)
                .body(containsString("href=\"/staff/cases/" + first.reference() + "\">" + first.reference() + "</a>: Same perpetrator"));
        triage.get("/staff/cases/{reference}?find=x", second.reference()).then().statusCode(400)
                .body(containsString("Enter at least 2 letters of the name to search for"));

        Response unlinked = triage.post("/staff/cases/" + second.reference() + "/perpetrators/" + id + "/unlink", Map.of());
        assertEquals(303, unlinked.statusCode(), unlinked.asString());
        assertEquals(List.of(first.reference()), casesOf(id));
    }

    // ---------------------------------------------------------------- helpers

    /** The name is nowhere the victim looks, nor in the history or the audit log. */
    private void assertNoTraceOf(String name, Case reported) {
        assertFalse(Cases.track(reported).asString().contains(name), "not in the victim's JSON");
        assertFalse(Cases.trackPage(reported).asString().contains(name), "not on the victim's page");
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM report_event WHERE message LIKE ?", "%" + name + "%"));
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM audit_entry WHERE detail LIKE ?", "%" + name + "%"));
        assertEquals(0, db.reports().count("SELECT COUNT(*) FROM outbox_message WHERE body_text LIKE ?", "%" + name + "%"));
    }

    static Response addPerpetrator(String officer, Case reported, Map<String, Object> body) {
        return as(officer).body(body).when().post("/api/v1/cases/{reference}/perpetrators", reported.reference());
    }

    static long idOf(Response caseJson) {
        return ((Number) caseJson.path("perpetrators[0].id")).longValue();
    }

    private Row perpetrator(long id) {
        return db.reports().rows("SELECT * FROM perpetrator WHERE id = ?", id).get(0);
    }

    private List<String> casesOf(long id) {
        return db.reports().rows("SELECT r.reference FROM case_perpetrator cp JOIN report r ON r.id = cp.report_id "
                + "WHERE cp.perpetrator_id = ? ORDER BY cp.linked_at, r.id", id).stream().map(r -> r.string("reference")).toList();
    }
}
