package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The triage officer's queue, second edition: releasing and reassigning a held case, searching the
 * queues one works, the place and summary of each row, sorting, and what is new since the last look.
 */
@QuarkusTest
class QueueWorkTest {

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

    // ---------------------------------------------------------------- release and reassign

    @Test
    void theHolderReleasesACaseBackToTheQueue() {
        Case reported = claimedBy("triage");
        StaffSession triage = StaffSession.signIn("triage");
        Document page = Jsoup.parse(triage.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .extract().asString());
        assertFalse(page.select("form#release button").isEmpty(), "the holder is offered Release");
        assertFalse(page.select("form#reassign select#reassignee").isEmpty(), "and Reassign");
        assertTrue(page.select("form[action$=/assign]").isEmpty(), "Reassign takes the place of Assign");
        assertTrue(page.select("#reassignee option[value=triage]").isEmpty(), "never to the holder");

        Response released = triage.post("/staff/cases/" + reported.reference() + "/release", "version", "1");

        assertEquals(303, released.statusCode(), released.asString());
        assertTrue(released.header("Location").endsWith("/staff/cases/" + reported.reference() + "?done=released"));
        Row item = db.item(reported.reference());
        assertNull(item.get("assigned_to"));
        assertEquals("NEW", item.string("status"));
        List<Row> events = db.events(reported.reference(), "RELEASED");
        assertEquals(1, events.size());
        assertFalse(events.get(0).bool("is_public"), "internal: the victim's view is unchanged");
        assertEquals("Released to the queue by Tom Triage", events.get(0).string("message"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "RELEASE", reported.reference(), "triage")));
        triage.get("/staff/cases/{reference}?done=released", reported.reference()).then().statusCode(200)
                .body(containsString("<p class=\"govuk-notification-banner__heading\" id=\"notice\">The case is back in the queue: nobody holds it now</p>"))
                .body(containsString("Claim this case"));
    }

    @Test
    void theHolderReassignsACaseWithANote() {
        Case reported = claimedBy("triage");
        StaffSession triage = StaffSession.signIn("triage");

        Response reassigned = triage.post("/staff/cases/" + reported.reference() + "/reassign", "version", "1",
                "reassignee", "caseworker", "note", "Cass knows the family <b>well</b>");

        assertEquals(303, reassigned.statusCode(), reassigned.asString());
        assertTrue(reassigned.header("Location").endsWith("?done=reassigned"));
        Row item = db.item(reported.reference());
        assertEquals("caseworker", item.string("assignee"));
        assertEquals("IN_PROGRESS", item.string("status"));
        List<Row> events = db.events(reported.reference(), "REASSIGNED");
        assertEquals(1, events.size());
        assertEquals("Reassigned from Tom Triage to Cass Worker by Tom Triage: Cass knows the family <b>well</b>",
                events.get(0).string("message"));
        assertFalse(events.get(0).bool("is_public"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "REASSIGN", reported.reference(), "caseworker")),
                "audited with whom, never the note");
        triage.get("/staff/cases/{reference}?done=reassigned", reported.reference()).then().statusCode(200)
                .body(containsString("The case has been reassigned"))
                .body(containsString("Cass knows the family &lt;b&gt;well&lt;/b&gt;"))
                .body(not(containsString("form method=\"post\" action=\"/staff/cases/" + reported.reference() + "/release\"")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"police", "councillor", "nobody-at-all", "triage", ""})
    void reassignsOnlyToAnotherOfficerWhoWorksTheQueue(String reassignee) {
        Case reported = claimedBy("triage");

        Response refused = StaffSession.signIn("triage").post("/staff/cases/" + reported.reference() + "/reassign",
                "version", "1", "reassignee", reassignee);

        assertEquals(400, refused.statusCode(), refused.asString());
        refused.then().body(containsString("There is a problem"))
                .body(containsString("triage".equals(reassignee) ? "Tom Triage already holds this case: choose someone else"
                        : "Choose an officer who works this queue"));
        assertEquals("triage", db.item(reported.reference()).string("assignee"));
        assertTrue(db.events(reported.reference(), "REASSIGNED").isEmpty());
    }

    @Test
    void refusesReleaseAndReassignToSomeoneWhoDoesNotHoldTheCase() {
        Case reported = claimedBy("triage");
        StaffSession caseworker = StaffSession.signIn("caseworker");
        caseworker.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(not(containsString("/release\"")))
                .body(containsString("Held by Tom Triage. To take it over, assign it below."));

        Response release = caseworker.post("/staff/cases/" + reported.reference() + "/release", "version", "1");
        Response reassign = caseworker.post("/staff/cases/" + reported.reference() + "/reassign", "version", "1",
                "reassignee", "caseworker");

        assertEquals(403, release.statusCode(), release.asString());
        assertEquals(403, reassign.statusCode(), reassign.asString());
        release.then().body(containsString("You do not have access to this")).body(not(containsString("Exception")));
        Row item = db.item(reported.reference());
        assertEquals("triage", item.string("assignee"));
        assertEquals(1, item.number("version"));
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.action().equals("RELEASE") || a.action().equals("REASSIGN")));
    }

    @Test
    void anAdministratorMayReleaseACaseSomeoneElseHolds() {
        Case reported = claimedBy("triage");

        Response released = StaffSession.signIn("admin").post("/staff/cases/" + reported.reference() + "/release", "version", "1");

        assertEquals(303, released.statusCode(), released.asString());
        assertNull(db.item(reported.reference()).get("assigned_to"));
        assertEquals("Released to the queue by Ada Admin (held by Tom Triage)",
                db.events(reported.reference(), "RELEASED").get(0).string("message"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("admin", "RELEASE", reported.reference(), "triage")));
    }

    @Test
    void releasingACaseNobodyHoldsOrAStaleOneIsAConflict() {
        Case unheld = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");

        triage.post("/staff/cases/" + unheld.reference() + "/release", "version", "0").then().statusCode(409)
                .body(containsString("Nobody holds this case: claim it or assign it instead."));
        Case held = claimedBy("triage");
        triage.post("/staff/cases/" + held.reference() + "/release", "version", "0").then().statusCode(409)
                .body(containsString(StaffPagesTest.CHANGED));
        assertEquals("triage", db.item(held.reference()).string("assignee"));
    }

    // ---------------------------------------------------------------- search

    @Test
    void findsACaseByItsReferenceOnlyInTheQueuesOfTheOfficer() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        String typed = " " + reported.reference().toLowerCase() + " ";

        Document found = search(StaffSession.signIn("triage"), typed);
        Document hidden = search(StaffSession.signIn("police"), typed);

        assertEquals(List.of(reported.reference()), references(found));
        assertEquals(List.of(), references(hidden), "police do not work the council's queue");
        assertFalse(hidden.select("#no-results").isEmpty(), "an empty state");
    }

    @Test
    void findsCasesByWordsInThePlaceOrTheDescriptionNeverInAQueueTheOfficerCannotSee() {
        String word = "zq" + ReportRequests.unique();
        Case inDescription = Cases.report(Cases.requestFor("COUNCIL_ASB")
                .with("description", "Mattresses dumped behind the " + word + " garages"), "COUNCIL_ASB");
        Case inPlace = Cases.report(Cases.requestFor("COUNCIL_ASB")
                .with("location.description", "Alley off " + word.toUpperCase() + "ville Road"), "COUNCIL_ASB");
        Case elsewhere = Cases.report(Cases.requestFor("ENVIRONMENTAL_HEALTH")
                .with("description", "Music from the " + word + " flats all night"), "ENVIRONMENTAL_HEALTH");

        Document triage = search(StaffSession.signIn("triage"), word);
        Document caseworker = search(StaffSession.signIn("caseworker"), word.substring(0, 6) + " -\"(*~@<>");

        assertEquals(List.of(inPlace.reference(), inDescription.reference()), references(triage), "newest first");
        assertEquals(List.of(elsewhere.reference(), inPlace.reference(), inDescription.reference()), references(caseworker),
                "a prefix finds them; operators typed are only words' edges");
        assertEquals(List.of(inDescription.reference()), references(search(StaffSession.signIn("triage"), "behind " + word)),
                "every word must be there");
    }

    @Test
    void pagesTheResultsTwentyFiveAtATime() {
        String word = "zq" + ReportRequests.unique();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            sent.add(0, Cases.report(Cases.requestFor("COUNCIL_ASB").with("description", "Bags dumped at " + word), "COUNCIL_ASB")
                    .reference());
        }
        StaffSession triage = StaffSession.signIn("triage");

        Document first = search(triage, word);
        Element next = first.selectFirst("a[rel=next]");
        Document second = Jsoup.parse(triage.get(next.attr("href")).then().statusCode(200).extract().asString());

        assertEquals(sent.subList(0, 25), references(first));
        assertTrue(first.select("a[rel=prev]").isEmpty());
        assertEquals(sent.subList(25, 26), references(second));
        assertEquals("/staff/search?q=" + word + "&page=1", second.selectFirst("a[rel=prev]").attr("href"));
        assertTrue(second.select("a[rel=next]").isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"+-*()~<>@", "a", "%_'\\"})
    void asksForARealSearchWhenNoWordCanBeLookedFor(String typed) {
        Response response = StaffSession.signIn("triage").get("/staff/search?q={q}", typed);

        assertEquals(400, response.statusCode(), response.asString());
        response.then().body(containsString("Enter a reference, like ASB-7K3M-Q9TX, or words of 2 letters or more"))
                .body(not(containsString("Exception")));
    }

    @Test
    void showsTheSearchBoxWithoutAQueryAndAuditsSearchesWithoutTheirWords() {
        StaffSession triage = StaffSession.signIn("triage");
        triage.get("/staff/search").then().statusCode(200).body(containsString("Search your queues"));
        triage.get("/staff/queues/COUNCIL_ASB").then().statusCode(200).body(containsString("action=\"/staff/search\""));
        long before = db.lastAuditId();

        search(triage, "Sensitive Name");

        assertEquals(List.of(new Audit("triage", "SEARCH_QUEUES", null, null)), db.auditAfter(before));
    }

    // ---------------------------------------------------------------- place and summary

    @Test
    void showsThePlaceAndASummaryOfTheDescriptionEscaped() {
        String word = "zq" + ReportRequests.unique();
        String description = "<script>alert(1)</script> " + word + " lads kicking bins over every night and shouting at people going past";
        Case reported = Cases.report(Cases.requestFor("COUNCIL_ASB").with("description", description)
                .with("location.description", "<b>Mill</b> Lane garages"), "COUNCIL_ASB");

        String html = StaffSession.signIn("triage").get("/staff/search?q={q}", word).then().statusCode(200).extract().asString();
        Element row = Jsoup.parse(html).select("tbody tr").first();

        assertEquals(reported.reference(), row.select("th a").text());
        assertEquals("<b>Mill</b> Lane garages", row.select(".portal-queue-place").text());
        String summary = row.select(".portal-queue-text").text();
        assertTrue(summary.startsWith("<script>alert(1)</script> " + word) && summary.endsWith("…") && summary.length() <= 81, summary);
        assertFalse(html.contains("<script>alert(1)"), "escaped");
        assertFalse(html.contains("<b>Mill"), "escaped");
        assertEquals("Place and summary", row.select("td.portal-queue-summary").attr("data-label"));
    }

    @Test
    void shortensTextAtAWordWithAnEllipsis() {
        assertEquals("Short", CaseService.shortened("  Short ", 80));
        assertEquals("one two…", CaseService.shortened("one two three", 10));
        assertEquals("abcdefghij…", CaseService.shortened("abcdefghijklmnop", 10));
        assertEquals("a b", CaseService.shortened("a\n\n b", 10));
    }

    // ---------------------------------------------------------------- sorting

    @ParameterizedTest
    @ValueSource(strings = {"oldest", "newest", "due", "risk"})
    void sortsTheQueueAndKeepsTheOrderOnTheNextPage(String sort) {
        for (int i = 0; i < 3; i++) {
            clock.fixAt(TestDates.NOW.plusSeconds(i));
            Cases.reportInto("COUNCIL_ASB");
        }
        StaffSession admin = StaffSession.signIn("admin");
        Document first = Jsoup.parse(admin.get("/staff/queues/COUNCIL_ASB?sort=" + sort).then().statusCode(200).extract().asString());
        List<Row> rows = new ArrayList<>();
        for (String reference : references(first)) {
            rows.add(db.item(reference));
        }
        Element next = first.selectFirst("a[rel=next]");
        if (next != null) {
            assertTrue(next.attr("href").contains("sort=") == !"risk".equals(sort), next.attr("href"));
            Document second = Jsoup.parse(admin.get(next.attr("href")).then().statusCode(200).extract().asString());
            for (String reference : references(second)) {
                rows.add(db.item(reference));
            }
        }
        assertTrue(rows.size() >= 2, "items to sort: " + rows.size());
        Comparator<Row> created = Comparator.comparing(r -> r.get("created_at").toString());
        Comparator<Row> byId = Comparator.comparingLong(r -> r.number("id"));
        Comparator<Row> expected = switch (sort) {
            case "oldest" -> created.thenComparing(byId);
            case "newest" -> created.thenComparing(byId).reversed();
            case "due" -> Comparator.<Row, String>comparing(r -> r.get("first_contact_due_by").toString()).thenComparing(byId);
            default -> Comparator.<Row>comparingLong(r -> -r.number("risk_rank")).thenComparing(created).thenComparing(byId);
        };
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(expected);
        assertEquals(sorted.stream().map(r -> r.number("id")).toList(), rows.stream().map(r -> r.number("id")).toList(), sort);
        assertFalse(first.select("nav.portal-sort strong[aria-current]").text().isEmpty(), "the order in use is said");
    }

    // ---------------------------------------------------------------- new since the last look

    @Test
    void marksWhatArrivedSinceTheLastLookAsNewUntilTheNextLook() {
        // After everything other tests put in the queue, whatever time their clocks read.
        Instant start = latestArrivalIn("HATE_INCIDENTS").filter(t -> t.isAfter(TestDates.NOW)).orElse(TestDates.NOW)
                .plus(Duration.ofDays(2));
        clock.fixAt(start);
        StaffSession triage = StaffSession.signIn("triage");
        triage.get("/staff/queues/HATE_INCIDENTS?sort=newest").then().statusCode(200);
        clock.fixAt(start.plusSeconds(60));
        Case arrived = Cases.reportInto("HATE_INCIDENTS");
        clock.fixAt(start.plusSeconds(120));

        Document look = Jsoup.parse(triage.get("/staff/queues/HATE_INCIDENTS?sort=newest").then().statusCode(200).extract().asString());
        Element row = rowOf(look, arrived.reference());
        assertEquals("New", row.select("strong.portal-new").text(), "a tag with its word");
        assertTrue(look.select("strong.portal-new").size() == 1, "only what arrived since");

        clock.fixAt(start.plusSeconds(180));
        Document again = Jsoup.parse(triage.get("/staff/queues/HATE_INCIDENTS?sort=newest").then().statusCode(200).extract().asString());
        assertTrue(rowOf(again, arrived.reference()).select("strong.portal-new").isEmpty(), "gone after looking again");
    }

    // ---------------------------------------------------------------- helpers

    private Optional<Instant> latestArrivalIn(String queue) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT MAX(i.created_at) FROM queue_item i "
                        + "JOIN triage_queue q ON q.id = i.queue_id WHERE q.code = ?")) {
            select.setString(1, queue);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                // Stored in UTC, as the portal writes every time.
                return Optional.ofNullable(rows.getObject(1, LocalDateTime.class)).map(t -> t.toInstant(ZoneOffset.UTC));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Case claimedBy(String username) {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        as(username).body(json("version", 0)).when().post("/api/v1/cases/{reference}/claim", reported.reference())
                .then().statusCode(200);
        return reported;
    }

    private static Document search(StaffSession member, String query) {
        return Jsoup.parse(member.get("/staff/search?q={q}", query).then().statusCode(200).extract().asString());
    }

    private static List<String> references(Document page) {
        return page.select("table.portal-queue-table tbody th a").eachText();
    }

    private static Element rowOf(Document page, String reference) {
        return page.select("table.portal-queue-table tbody tr").stream()
                .filter(r -> r.select("th a").text().equals(reference)).findFirst()
                .orElseThrow(() -> new AssertionError(reference + " not on the page"));
    }
}
