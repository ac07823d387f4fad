package org.asbportal.triage;

import static org.asbportal.security.StaffApi.as;
import static org.asbportal.security.StaffApi.json;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

/** The staff triage workspace in HTML, over real HTTP with a signed-in browser session. */
@QuarkusTest
class StaffPagesTest {

    static final String CHANGED = "Someone else changed this case while you were looking at it.";
    static final Pattern QUEUE_ROW = Pattern.compile("<a class=\"govuk-link\" href=\"/staff/queues/([A-Z_]+)\">([^<]+)</a></th>\\s*"
            + "<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(\\d+)</td>\\s*<td[^>]*>(?:<strong[^>]*>)?(\\d+)(?:</strong>)?</td>");
    static final Pattern NEXT_PAGE = Pattern.compile("<a class=\"govuk-link govuk-pagination__link\" href=\"([^\"]+)\" rel=\"next\">");

    /** One row of the my-queues table. */
    record QueueRow(String code, String name, long open, long unassigned, long overdue) {
    }

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

    @Test
    void listsTheQueuesTriageWorksWithTheirCounts() {
        Cases.reportInto("COUNCIL_ASB");
        Cases.reportInto("VULNERABILITY_HUB");
        StaffSession triage = StaffSession.signIn("triage");

        Response page = triage.get("/staff");

        page.then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<h1 class=\"govuk-heading-xl\">My queues</h1>"))
                .body(containsString("Signed in as <strong>Tom Triage</strong>"));
        List<QueueRow> rows = queueRows(page.asString());
        assertEquals(List.of("COUNCIL_ASB", "HATE_INCIDENTS", "MANUAL_CHECK", "VULNERABILITY_HUB"),
                rows.stream().map(QueueRow::code).toList(), "triage's queues, by name");
        assertEquals(List.of("Council ASB team", "Hate incidents", "Manual check", "Partnership Vulnerability Hub"),
                rows.stream().map(QueueRow::name).toList());
        for (QueueRow row : rows) {
            assertEquals(expectedCounts(row.code(), row.name()), row, "counts of " + row.code());
        }
        assertTrue(rows.get(0).open() >= 1 && rows.get(3).unassigned() >= 1, rows.toString());
        for (String other : List.of("ENVIRONMENTAL_HEALTH", "POLICE_NEIGHBOURHOOD", "YOUTH_OUTREACH", "HOUSING_PROVIDERS")) {
            assertFalse(page.asString().contains("/staff/queues/" + other), other + " is not triage's");
        }
    }

    @Test
    void listsANewCaseOnItsQueuePage() {
        Case reported = Cases.reportInto("HATE_INCIDENTS");
        StaffSession triage = StaffSession.signIn("triage");
        long auditBefore = db.lastAuditId();

        String row = findOnQueuePages(triage, "/staff/queues/HATE_INCIDENTS", reported.reference());

        assertTrue(row.contains("Intimidation or harassment"), row);
        assertTrue(row.contains("<strong class=\"govuk-tag govuk-tag--orange\">Medium</strong>"), "medium risk in orange, with its word: " + row);
        assertTrue(row.contains(">Nobody<"), row);
        List<Audit> written = db.auditAfter(auditBefore);
        assertFalse(written.isEmpty());
        assertTrue(written.stream().allMatch(a -> a.equals(new Audit("triage", "READ_QUEUE", null, "HATE_INCIDENTS"))),
                "one entry per page read: " + written);
    }

    @Test
    void queuePageFiltersByKindAndWardAndKeepsTheFiltersOnTheNextPage() {
        Case inBrickhill = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", "E36001576"), "COUNCIL_ASB");
        Case elsewhere = Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", "E36001577"), "COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");

        String byWard = findOnQueuePages(triage, "/staff/queues/COUNCIL_ASB?ward=E36001576", inBrickhill.reference());
        assertTrue(byWard.contains("Fly-tipping or litter"), byWard);
        assertThrows(AssertionError.class,
                () -> findOnQueuePages(triage, "/staff/queues/COUNCIL_ASB?ward=E36001576", elsewhere.reference()),
                "a report in another ward is on no page of the ward's filter");
        assertThrows(AssertionError.class,
                () -> findOnQueuePages(triage, "/staff/queues/COUNCIL_ASB?category=GRAFFITI_DAMAGE", inBrickhill.reference()),
                "a fly-tipping report is on no page of the graffiti filter");

        String form = triage.get("/staff/queues/COUNCIL_ASB?category=FLY_TIPPING&ward=E36001576").asString();
        assertTrue(form.contains("<option value=\"FLY_TIPPING\" selected>Fly-tipping or litter</option>"), "kind kept in the form");
        assertTrue(form.contains("<option value=\"E36001576\" selected>Brickhill</option>"), "ward kept in the form");
    }

    @Test
    void nextAndFirstPageLinksKeepTheFilters() {
        for (int i = 0; i <= CaseService.PAGE_SIZE; i++) {
            Cases.report(Cases.requestFor("COUNCIL_ASB").with("location.wardCode", "E36001578"), "COUNCIL_ASB");
        }
        StaffSession triage = StaffSession.signIn("triage");

        Matcher next = NEXT_PAGE.matcher(triage.get("/staff/queues/COUNCIL_ASB?status=all&category=FLY_TIPPING&ward=E36001578").asString());

        assertTrue(next.find(), "more than a page of matching cases");
        String link = next.group(1).replace("&amp;", "&");
        assertTrue(link.startsWith("/staff/queues/COUNCIL_ASB?status=all&category=FLY_TIPPING&ward=E36001578&cursor="), link);
        String second = triage.get(link).asString();
        assertTrue(second.contains("First page</span>")
                && second.contains("href=\"/staff/queues/COUNCIL_ASB?status=all&amp;category=FLY_TIPPING&amp;ward=E36001578\""),
                "a later page links back to the first with the same filters");
        assertTrue(second.contains("<option value=\"E36001578\" selected>"), "the ward stays chosen");
    }

    @Test
    void showsTheCaseWithItsDescriptionEscapedItsRiskReasonsAndItsTimeline() {
        String token = ReportRequests.unique();
        Body request = Cases.requestFor("COUNCIL_ASB")
                .with("description", "Bags dumped again <script>alert('x')</script> & \"more\" " + token)
                .with("risk.happenedBefore", "YES").with("risk.impact", "SOME");
        Case reported = Cases.report(request, "COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");

        Response page = triage.get("/staff/cases/{reference}", reported.reference());

        page.then().statusCode(200).contentType(startsWith("text/html"))
                .body(containsString("<h1 class=\"govuk-heading-xl\">Case " + reported.reference() + "</h1>"))
                .body(containsString("Bags dumped again &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; " + token))
                .body(not(containsString("<script>alert")))
                .body(containsString("Fly-tipping or litter"))
                .body(containsString("<strong class=\"govuk-tag govuk-tag--orange\" id=\"risk\">Medium</strong><ul class=\"govuk-list govuk-list--bullet govuk-body-s\">"))
                .body(containsString("<li>It has happened before (+2)</li>"))
                .body(containsString("<li>Some effect on health, sleep, family or work (+1)</li>"))
                .body(containsString("Sam Resident"))
                .body(containsString("<h2 class=\"govuk-heading-l\">Timeline</h2>"))
                .body(containsString("We received your report."))
                .body(containsString("Routed to Council ASB team by rule: Category: Fly-tipping or litter"))
                .body(containsString("Victim sees this"))
                .body(containsString("Internal"))
                .body(containsString("Claim this case"));
        String html = page.asString();
        assertTrue(html.indexOf("We received your report.") < html.indexOf("Routed to Council ASB team"), "oldest first");
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "READ_CASE", reported.reference(), null)));
    }

    @Test
    void claimsACaseFromItsPageAndComesBackToIt() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");
        Response page = triage.get("/staff/cases/{reference}", reported.reference());

        Response claimed = triage.post("/staff/cases/" + reported.reference() + "/claim",
                "version", String.valueOf(StaffSession.versionOn(page)));

        assertEquals(303, claimed.statusCode(), claimed.asString());
        assertTrue(claimed.header("Location").endsWith("/staff/cases/" + reported.reference() + "?done=claimed"), claimed.header("Location"));
        Row item = db.item(reported.reference());
        assertEquals("triage", item.string("assignee"));
        assertEquals("IN_PROGRESS", item.string("status"));
        assertTrue(db.audit(reported.reference()).contains(new Audit("triage", "CLAIM", reported.reference(), null)));
        triage.get("/staff/cases/{reference}?done=claimed", reported.reference()).then().statusCode(200)
                .body(containsString("<p class=\"govuk-notification-banner__heading\" id=\"notice\">You have claimed this case</p>"))
                .body(containsString("<dt class=\"govuk-summary-list__key\">Held by</dt><dd class=\"govuk-summary-list__value\">Tom Triage</dd>"))
                .body(containsString("Claimed by Tom Triage"))
                .body(containsString("An officer is now working on your report."))
                .body(containsString("<input type=\"hidden\" name=\"version\" value=\"1\">"))
                .body(containsString("You hold this case"))
                .body(not(containsString("Claim this case")));
        StaffSession.signIn("caseworker").get("/staff/cases/{reference}", reported.reference()).then().statusCode(200)
                .body(containsString("Held by Tom Triage. To take it over, assign it below."))
                .body(not(containsString("Claim this case")));
    }

    /** Staff pages have their own header, full width, without the residents' navigation and emergency banner. */
    @Test
    void staffPagesHaveTheirOwnHeaderWithoutTheResidentsNavigation() {
        Document queues = Jsoup.parse(StaffSession.signIn("triage").get("/staff").then().statusCode(200).extract().asString());

        assertEquals("Report anti-social behaviour: staff", queues.select(".govuk-service-navigation__service-name").text());
        assertTrue(queues.select("#navigation").isEmpty(), "no residents' menu");
        assertTrue(queues.select(".govuk-phase-banner").isEmpty(), "no emergency banner");
        assertFalse(queues.select(".portal-width-container--staff").isEmpty(), "full width");
        Document home = Jsoup.parse(io.restassured.RestAssured.given().get("/").then().statusCode(200).extract().asString());
        assertFalse(home.select("#navigation").isEmpty(), "residents keep their menu");
        assertFalse(home.select(".govuk-phase-banner").isEmpty(), "and the emergency banner");
    }

    /**
     * The staff bar offers each role only what it may open: every link in it, on the page a member of
     * staff starts on, answers 200 (a coordinator was offered "My queues" and "Meeting lists", both 403).
     */
    @ParameterizedTest
    @ValueSource(strings = {"admin", "triage", "caseworker", "police", "coordinator", "reviewer", "councillor"})
    void everyLinkInTheStaffBarOpensForTheRoleThatSeesIt(String username) {
        StaffSession member = StaffSession.signIn(username);
        Response start = member.get("/staff/start");
        String startPage = start.statusCode() == 303 ? start.header("Location").replaceFirst("^https?://[^/]+", "") : "/staff/start";
        Document page = Jsoup.parse(member.get(startPage).then().statusCode(200).extract().asString());

        for (Element link : page.select(".portal-staff-bar a[href]")) {
            String href = link.attr("href");
            assertEquals(200, member.get(href).statusCode(), username + " is offered " + href + " (" + link.text() + ")");
        }
    }

    /** Each change confirms itself on the case page it returns to; an address the portal never writes confirms nothing. */
    @Test
    void confirmsAnUpdateOrANoteOnTheCasePageAndNothingForAnUnknownNotice() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");

        Response updated = triage.post("/staff/cases/" + reported.reference() + "/updates", "text", "We will visit on Monday",
                "visibility", "public");
        assertEquals(303, updated.statusCode(), updated.asString());
        triage.get(updated.header("Location").replaceFirst("^https?://[^/]+", "")).then().statusCode(200)
                .body(containsString("Update added: the resident can see it when they check their report"));
        Response noted = triage.post("/staff/cases/" + reported.reference() + "/updates", "text", "Spoke to the landlord",
                "visibility", "internal");
        assertTrue(noted.header("Location").endsWith("?done=note"), noted.header("Location"));

        triage.get("/staff/cases/{reference}?done=<script>alert(1)</script>", reported.reference()).then().statusCode(200)
                .body(not(containsString("govuk-notification-banner--success")))
                .body(not(containsString("<script>alert(1)")));
    }

    @Test
    void offersTheOfficersOfTheQueueAndEveryActiveAdminToAssignTo() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");

        Response page = triage.get("/staff/cases/{reference}", reported.reference());

        page.then().statusCode(200)
                .body(containsString("<option value=\"admin\">Ada Admin</option>"))
                .body(containsString("<option value=\"caseworker\">Cass Worker</option>"))
                .body(containsString("<option value=\"triage\">Tom Triage</option>"))
                .body(not(containsString("<option value=\"police\">")))
                .body(not(containsString("<option value=\"councillor\">")));
        Response assigned = triage.post("/staff/cases/" + reported.reference() + "/assign",
                "version", String.valueOf(StaffSession.versionOn(page)), "assignee", "admin");
        assertEquals(303, assigned.statusCode(), assigned.asString());
        assertEquals("admin", db.item(reported.reference()).string("assignee"));
    }

    @Test
    void showsTheChangedMessageForAStaleFormAndOverwritesNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");
        int seen = StaffSession.versionOn(triage.get("/staff/cases/{reference}", reported.reference()));
        as("caseworker").body(json("version", seen)).when().post("/api/v1/cases/{reference}/claim", reported.reference())
                .then().statusCode(200);

        Response stale = triage.post("/staff/cases/" + reported.reference() + "/close",
                "version", String.valueOf(seen), "outcome", "RESOLVED");

        stale.then().statusCode(409).contentType(startsWith("text/html"))
                .body(containsString("<title>Error: Case " + reported.reference()))
                .body(containsString("There is a problem"))
                .body(containsString(CHANGED))
                .body(containsString("Held by</dt><dd class=\"govuk-summary-list__value\">Cass Worker</dd>"))
                .body(containsString("<input type=\"hidden\" name=\"version\" value=\"1\">"))
                .body(not(containsString("Exception")));
        Row item = db.item(reported.reference());
        assertEquals("IN_PROGRESS", item.string("status"));
        assertEquals("caseworker", item.string("assignee"));
        assertEquals(1, item.number("version"));
        assertEquals("IN_PROGRESS", db.report(reported.reference()).string("status"));
        assertTrue(db.events(reported.reference(), "CLOSED").isEmpty());
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.action().equals("CLOSE")));

        Response staleClaim = triage.post("/staff/cases/" + reported.reference() + "/claim", "version", String.valueOf(seen));
        staleClaim.then().statusCode(409).body(containsString(CHANGED));
        assertEquals("caseworker", db.item(reported.reference()).string("assignee"));
    }

    @Test
    void showsTheProblemOnTheCasePageWhenATransferHasNoReason() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession triage = StaffSession.signIn("triage");
        int seen = StaffSession.versionOn(triage.get("/staff/cases/{reference}", reported.reference()));

        Response refused = triage.post("/staff/cases/" + reported.reference() + "/transfer",
                "version", String.valueOf(seen), "queue", "POLICE_NEIGHBOURHOOD", "reason", " ");

        refused.then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("There is a problem"))
                .body(containsString("Give the reason for the transfer"))
                .body(containsString("<h1 class=\"govuk-heading-xl\">Case " + reported.reference() + "</h1>"));
        assertEquals("COUNCIL_ASB", db.item(reported.reference()).string("queue_code"));
        assertTrue(db.events(reported.reference(), "TRANSFERRED").isEmpty());
    }

    @Test
    void showsACouncillorTheForbiddenPageWithoutAStackTrace() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession councillor = StaffSession.signIn("councillor");

        for (String path : List.of("/staff", "/staff/queues/COUNCIL_ASB", "/staff/cases/" + reported.reference())) {
            councillor.get(path).then().statusCode(403)
                    .contentType(startsWith("text/html"))
                    .body(containsString("govuk-template"))
                    .body(containsString("<h1 class=\"govuk-heading-l\">You do not have access to this</h1>"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at org.")))
                    .body(not(containsString("io.quarkus")))
                    .body(not(containsString(reported.reference())));
        }
        assertTrue(db.audit(reported.reference()).isEmpty());
    }

    // ---------------------------------------------------------------- helpers

    private static List<QueueRow> queueRows(String html) {
        List<QueueRow> rows = new ArrayList<>();
        Matcher matcher = QUEUE_ROW.matcher(html);
        while (matcher.find()) {
            rows.add(new QueueRow(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3)),
                    Long.parseLong(matcher.group(4)), Long.parseLong(matcher.group(5))));
        }
        return rows;
    }

    /** What the queue should show now, counted in the database. */
    private QueueRow expectedCounts(String code, String name) {
        String inQueue = "SELECT COUNT(*) FROM queue_item i JOIN triage_queue q ON q.id = i.queue_id WHERE q.code = ?";
        LocalDate today = TestDates.today();
        return new QueueRow(code, name,
                db.reports().count(inQueue + " AND i.status <> 'CLOSED'", code),
                db.reports().count(inQueue + " AND i.status <> 'CLOSED' AND i.assigned_to IS NULL", code),
                db.reports().count(inQueue + " AND i.status = 'NEW' AND i.first_contact_due_by < ?", code, today));
    }

    /** Follows the queue's "Next page" links until the case's row turns up; returns the row. */
    private static String findOnQueuePages(StaffSession browser, String firstPage, String reference) {
        String path = firstPage;
        Map<String, Boolean> seen = new LinkedHashMap<>();
        while (path != null) {
            assertTrue(seen.put(path, true) == null, "no page twice: " + path);
            Response page = browser.get(path);
            page.then().statusCode(200).contentType(startsWith("text/html"));
            String html = page.asString();
            int at = html.indexOf("href=\"/staff/cases/" + reference + "\"");
            if (at >= 0) {
                return html.substring(at, html.indexOf("</tr>", at));
            }
            Matcher next = NEXT_PAGE.matcher(html);
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
        }
        throw new AssertionError(reference + " is on no page of " + firstPage + " (" + seen.size() + " pages)");
    }
}
