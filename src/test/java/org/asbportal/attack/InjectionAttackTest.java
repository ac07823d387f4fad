package org.asbportal.attack;

import static io.restassured.RestAssured.given;
import static org.asbportal.web.FormSession.answers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.pledge.PledgeContacts;
import org.asbportal.report.ReportFormSession;
import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.attack.Browsers.Journey;
import org.asbportal.web.FormSession;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * XSS and SQL injection: every payload of {@link Payloads} goes into the free-text fields and
 * parameters of each way in (the report API and form, the Community Trigger API and form, tracking,
 * PLEDGE registration, staff case work, administration forms, staff pages' filters), and every page
 * that shows the text back is read. No step answers with a server error or takes as long as the
 * time-based payloads ask the database to sleep; no page carries the payload as markup; where the
 * text is shown it is shown escaped; SQL payloads are stored verbatim and the other data is intact.
 */
@QuarkusTest
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class InjectionAttackTest {

    /**
     * The time-based payloads ask the database to sleep 30 s: a request that reached it would take at
     * least this long, far longer than any request takes even on a busy machine.
     */
    private static final long SLEEP_MILLIS = 30_000;

    private static StaffSession admin;
    private static StaffSession coordinator;
    private static StaffSession councillor;
    private static Case tracked;
    private static long queueId;
    private static long organisationId;
    private static long agencyId;

    @Inject
    AgroalDataSource dataSource;

    DatabaseState database;
    ReportRows rows;

    static Stream<String> payloads() {
        return Payloads.all();
    }

    @BeforeEach
    void setUp() {
        database = new DatabaseState(dataSource);
        rows = new ReportRows(dataSource);
        if (admin == null) {
            admin = StaffSession.signIn("admin");
            coordinator = StaffSession.signIn("coordinator");
            councillor = StaffSession.signIn("councillor");
            String code = "ATTACK_" + ReportRequests.unique().toUpperCase();
            assertEquals(303, admin.post("/admin/organisations/new", "code", code, "name", "Attack organisation").statusCode());
            organisationId = database.number("SELECT id FROM organisation WHERE code = '" + code + "'");
            assertEquals(303, admin.post("/admin/queues/new", "code", code, "name", "Attack queue", "description", "Attack",
                    "organisation", code).statusCode());
            queueId = database.number("SELECT id FROM triage_queue WHERE code = '" + code + "'");
            assertEquals(303, admin.post("/admin/directory/new", "code", code, "name", "Attack agency", "handles", "Attacks",
                    "phone", "01632 960 999", "urgency", "ROUTINE", "sortOrder", "99").statusCode());
            agencyId = database.number("SELECT id FROM agency WHERE code = '" + code + "'");
        }
    }

    /** Last: the administration fixtures get plain names again, for the pages other tests read. */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void administrationFixturesTakePlainNamesAgain() {
        assertEquals(303, admin.post("/admin/organisations/" + organisationId, "name", "Attack organisation").statusCode());
        assertEquals(303, admin.post("/admin/queues/" + queueId, "name", "Attack queue", "description", "Attack", "organisation",
                database.string("SELECT code FROM organisation WHERE id = " + organisationId)).statusCode());
        assertEquals(303, admin.post("/admin/directory/" + agencyId, "name", "Attack agency", "handles", "Attacks",
                "phone", "01632 960 999", "urgency", "ROUTINE", "sortOrder", "99").statusCode());
        assertPage("the queue's form", admin.get("/admin/queues/" + queueId), null, "Attack queue");
    }

    // ---------------------------------------------------------------- the report

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void reportApiStoresEveryFieldVerbatimAndEveryPageShowsItEscaped(String payload) {
        Integrity before = integrity();
        String description = "Description " + payload;
        String place = "Place " + payload + " " + ReportRequests.unique();
        Body body = Cases.requestFor("COUNCIL_ASB").with("description", description).with("peopleInvolved", payload)
                .with("location.description", place).with("reporter.name", payload);

        long started = System.nanoTime();
        Response created = given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(body.json().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/reports");
        assertQuick("POST /api/v1/reports", started);

        assertEquals(201, created.statusCode(), created.asString());
        String reference = created.path("reference");
        Case reported = new Case(reference, created.path("accessCode"), "COUNCIL_ASB", body);
        ReportRows.Row stored = rows.report(reference);
        assertEquals(description, stored.string("description"), "stored verbatim");
        assertEquals(payload, stored.string("people_involved"), "stored verbatim");
        assertEquals(place, stored.string("location_description"), "stored verbatim");
        before.assertIntactWith(integrity(), 1);

        assertPage("the victim's case page", Cases.trackPage(reported), payload);
        assertPage("the staff case page", admin.get("/staff/cases/{reference}", reference), payload, description, place, payload);
        Response api = StaffApi.as("admin").get("/api/v1/cases/{reference}", reference);
        assertEquals(200, api.statusCode());
        assertEquals(description, api.path("description"), "the case API gives the text back verbatim");
    }

    static Stream<String> forms() {
        return Payloads.forms();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void reportFormShowsEveryAnswerEscapedOnEveryPage(String payload) {
        Integrity before = integrity();
        String token = ReportRequests.unique();
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        steps.put("where", answers("locationDescription", "Place " + payload + " " + token, "town", payload));
        steps.get("what").put("description", List.of("Description " + payload));
        steps.get("what").put("peopleInvolved", List.of(payload));
        steps.put("about", answers("role", "VICTIM", "contactChoice", "CONTACT"));
        steps.put("details", answers("name", payload, "email", "resident-" + token + "@example.org", "phone", "",
                "preferredContact", "EMAIL"));
        ReportFormSession browser = ReportFormSession.start();

        Response check = browser.walkToCheck(steps);

        assertPage("check your answers", check, payload, "Description " + payload, "Place " + payload + " " + token, payload);
        assertPage("the details page, changing an answer", browser.get("/report/details?change=true"), payload, payload);
        browser.get("/report/check");
        long started = System.nanoTime();
        Response confirmation = browser.press("send");
        assertQuick("sending the report", started);
        assertEquals(200, confirmation.statusCode(), confirmation.asString());
        assertPage("the confirmation", confirmation, payload);
        String reference = FormSession.referenceOn(confirmation);
        assertEquals("Description " + payload, rows.report(reference).string("description"), "stored verbatim");
        before.assertIntactWith(integrity(), 1);
    }

    // ---------------------------------------------------------------- the Community Trigger

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void triggerApplicationShowsTheApplicantsWordsEscapedToTheCoordinator(String payload) {
        long applications = database.count("trigger_application");
        Body body = Browsers.application(payload);
        String description = (String) body.get("description");

        long started = System.nanoTime();
        Response created = Browsers.apply(body);
        assertQuick("POST /api/v1/community-trigger/applications", started);

        assertEquals(201, created.statusCode(), created.asString());
        String reference = created.path("reference");
        assertEquals(description, database.string("SELECT description FROM trigger_application WHERE reference = '"
                + reference + "'"), "stored verbatim");
        assertEquals(applications + 1, database.count("trigger_application"));
        assertPage("the review page", coordinator.get("/staff/community-trigger/{reference}", reference), payload, description, payload);
        assertPage("the applicant's page", StaffSession.anonymous().post("/track", "reference", reference,
                "accessCode", created.path("accessCode")), payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forms")
    void triggerFormShowsEveryAnswerEscaped(String payload) {
        LocalDate behaviour = TestDates.clockToday().minusDays(3);
        LocalDate complained = behaviour.plusDays(1);
        String description = "Description " + payload + " " + ReportRequests.unique();
        Map<String, Map<String, List<String>>> steps = new LinkedHashMap<>();
        steps.put("who", answers("applying", "VICTIM", "victimType", "PERSON"));
        steps.put("victim", answers("victimName", payload, "relationship", payload, "consent", "yes"));
        steps.put("contact", answers("name", payload, "email", "applicant-" + ReportRequests.unique() + "@example.org", "phone", ""));
        steps.put("behaviour", answers("description", description, "impact", payload));
        steps.put("reports", answers("reference", ""));
        steps.put("complaints", answers("complaint-1-agency", payload,
                "complaint-1-reported", String.valueOf(complained.getDayOfMonth()),
                "complaint-1-reported-month", String.valueOf(complained.getMonthValue()),
                "complaint-1-reported-year", String.valueOf(complained.getYear()),
                "complaint-1-behaviour", String.valueOf(behaviour.getDayOfMonth()),
                "complaint-1-behaviour-month", String.valueOf(behaviour.getMonthValue()),
                "complaint-1-behaviour-year", String.valueOf(behaviour.getYear())));
        steps.put("hate", answers("hateMotivated", "no"));
        steps.put("outcome", answers("outcomeWanted", payload));
        Journey browser = Journey.start("/community-trigger/apply");

        Response check = browser.walkToCheck(steps);

        assertPage("check your answers", check, payload, description, payload);
        Response confirmation = browser.press("send");
        assertEquals(200, confirmation.statusCode(), confirmation.asString());
        assertPage("the confirmation", confirmation, payload);
        String reference = FormSession.referenceOn(confirmation);
        assertEquals(description, database.string("SELECT description FROM trigger_application WHERE reference = '"
                + reference + "'"), "stored verbatim");
    }

    // ---------------------------------------------------------------- tracking and public parameters

    /** The corpus in four groups, each payload of a group side by side in one value. */
    static Stream<String> groups() {
        return Payloads.groups(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void trackingAndPublicParametersNeverEchoThePayloadAsMarkup(String payloads) {
        Case reported = tracked();
        Integrity before = integrity();
        StaffSession browser = StaffSession.anonymous();

        // References one payload at a time: see referenceLongerThanTheGuessingCountersKeepIsRefusedNotAServerError.
        for (String payload : Payloads.of(payloads)) {
            assertPage("/track with the payload as reference and code", quick(() -> browser.post("/track", "reference", payload,
                    "accessCode", payload)), payload);
            assertPage("/track/add with the payload", quick(() -> browser.post("/track/add", "reference", payload,
                    "accessCode", payload, "kind", payload, "text", payload)), payload);
            assertPage("/community-trigger/escalation with the payload", quick(() -> browser.post("/community-trigger/escalation",
                    "reference", payload, "accessCode", payload, "reason", payload)), payload);
        }
        assertPage("/track with a real reference and the payloads as code", quick(() -> browser.post("/track", "reference",
                reported.reference(), "accessCode", payloads)), payloads);
        for (String path : List.of("/track", "/contact", "/report/where", "/pledge/verify", "/login")) {
            assertPage("GET " + path + " with the payloads in its query", quick(() -> given().accept("text/html")
                    .redirects().follow(false).queryParam("reference", payloads).queryParam("q", payloads)
                    .queryParam("change", payloads).queryParam("error", payloads).queryParam("token", payloads).get(path)),
                    payloads);
        }
        Response api = quick(() -> given().accept(ContentType.JSON).header("X-Access-Code", payloads).urlEncodingEnabled(false)
                .get("/api/v1/reports/" + encoded(reported.reference() + "' OR '1'='1")));
        assertEquals(404, api.statusCode(), api.asString());
        // A resident adding the payloads to their own report sees them escaped, and so do staff.
        Response added = quick(() -> browser.post("/track/add", "reference", reported.reference(), "accessCode",
                reported.accessCode(), "kind", "INFORMATION", "text", "Addition " + payloads));
        assertPage("the victim's page after adding", added, payloads);
        assertPage("the staff case page with the addition", admin.get("/staff/cases/{reference}", reported.reference()), payloads);
        before.assertIntactWith(integrity(), 0);
    }

    /**
     * A reference longer than the {@code attempt_counter.bucket} column could hold once made the
     * counting of the failed look-up fail with a 500: it is now refused as "not found" before any look-up.
     */
    @org.junit.jupiter.api.Test
    void referenceLongerThanTheGuessingCountersKeepIsRefusedNotAServerError() {
        String reference = "ASB-" + "X".repeat(200);

        Response response = StaffSession.anonymous().post("/track", "reference", reference, "accessCode", "ABCD-EFGH");

        assertEquals(404, response.statusCode(), response.asString());
    }

    // ---------------------------------------------------------------- PLEDGE

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void pledgeRegistrationShowsTheOrganisationsWordsEscaped(String payload) {
        String organisation = "Organisation " + payload + " " + ReportRequests.unique();
        long organisations = database.count("pledge_organisation");

        PledgeContacts.Browser browser = PledgeContacts.registered(organisation);

        assertEquals(organisations + 1, database.count("pledge_organisation"));
        assertEquals(1, database.number("SELECT COUNT(*) FROM pledge_organisation WHERE name = '"
                + organisation.replace("\\", "\\\\").replace("'", "''") + "'"), "stored verbatim");
        assertPage("the assessments page", browser.get("/pledge/assessments"), payload, organisation);
        Response invited = browser.post("/pledge/colleagues", "name", payload, "email", PledgeContacts.uniqueEmail());
        assertTrue(invited.statusCode() < 500, invited.asString());
        assertPage("the colleagues page", browser.get("/pledge/colleagues"), payload);
    }

    // ---------------------------------------------------------------- staff case work

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void staffCaseWorkIsShownEscapedToStaffAndVictims(String payload) {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        String publicUpdate = "Public update " + payload;
        String action = "Action " + payload;
        String person = "Person " + payload;
        admin.get("/staff/cases/{reference}", reported.reference());
        String[] due = TestDates.clockToday().plusDays(7).toString().split("-");

        assertEquals(303, admin.post("/staff/cases/" + reported.reference() + "/updates", "text", publicUpdate,
                "visibility", "public").statusCode());
        assertEquals(303, admin.post("/staff/cases/" + reported.reference() + "/actions", "type", "WARNING",
                "description", action, "owner", payload, "dueOn-day", due[2], "dueOn-month", due[1], "dueOn-year", due[0]).statusCode());
        assertEquals(303, admin.post("/staff/cases/" + reported.reference() + "/perpetrators", "name", person,
                "aliases", payload, "address", payload, "description", payload, "notes", payload).statusCode());
        assertPage("the staff case page", admin.get("/staff/cases/{reference}", reported.reference()), payload,
                publicUpdate, action, person);
        assertPage("the victim's case page", Cases.trackPage(reported), payload, publicUpdate);
        assertEquals(1, rows.count("SELECT COUNT(*) FROM report_event e JOIN report r ON r.id = e.report_id "
                + "WHERE r.reference = ? AND e.message = ?", reported.reference(), publicUpdate), "stored verbatim");
    }

    // ---------------------------------------------------------------- administration

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void administrationFormsShowNamesEscaped(String payload) {
        Integrity before = integrity();
        String name = "Name " + payload;
        Response organisation = admin.post("/admin/organisations/" + organisationId, "name", name);
        Response queue = admin.post("/admin/queues/" + queueId, "name", name, "description", payload, "organisation",
                database.string("SELECT code FROM organisation WHERE id = " + organisationId));
        Response agency = admin.post("/admin/directory/" + agencyId, "name", name, "handles", payload, "phone", "01632 960 999",
                "email", "", "website", "", "hours", payload, "urgency", "ROUTINE", "sortOrder", "99");

        assertEquals(303, organisation.statusCode(), organisation.asString());
        assertEquals(303, queue.statusCode(), queue.asString());
        assertEquals(303, agency.statusCode(), agency.asString());
        assertEquals(name, database.string("SELECT name FROM triage_queue WHERE id = " + queueId), "stored verbatim");
        assertPage("the organisations", admin.get("/admin/organisations"), payload, name);
        assertPage("the queue's form", admin.get("/admin/queues/" + queueId), payload, name, payload);
        assertPage("the agency's form", admin.get("/admin/directory/" + agencyId), payload, name, payload);
        assertPage("the routing rule form", admin.get("/admin/routing/new"), payload, name);
        Response invalid = admin.post("/admin/organisations/new", "code", payload, "name", payload);
        assertTrue(invalid.statusCode() == 400 || invalid.statusCode() == 409, "a payload as code is refused: " + invalid.statusCode());
        assertPage("the organisation form refusing a payload code", invalid, payload);
        before.assertIntactWith(integrity(), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void staffPageParametersNeverEchoThePayloadAsMarkup(String payloads) {
        Integrity before = integrity();

        staffPage(admin, "/staff/queues/COUNCIL_ASB", payloads, "status", "category", "risk", "ward", "assigned", "sort", "cursor");
        staffPage(admin, "/staff/search", payloads, "q", "page");
        staffPage(admin, "/staff/cases/" + tracked().reference(), payloads, "find");
        staffPage(admin, "/admin/audit", payloads, "actor", "action", "reference", "from", "to", "cursor");
        staffPage(admin, "/staff/meetings/vulnerability-hub", payloads, "since");
        staffPage(admin, "/staff/district", payloads, "from", "to");
        staffPage(admin, "/staff/pledge", payloads, "decided");
        staffPage(coordinator, "/staff/community-trigger", payloads, "status", "page");
        staffPage(councillor, "/wards/E36001578", payloads, "from", "to");
        for (String path : List.of("/staff/queues/", "/staff/cases/", "/wards/", "/staff/community-trigger/", "/admin/queues/")) {
            Response response = quick(() -> given().cookies(admin.sessionCookies()).accept("text/html")
                    .urlEncodingEnabled(false).redirects().follow(false).get(path + encoded(payloads)));
            assertTrue(response.statusCode() < 500, path + " with the payloads: " + response.statusCode());
            Html.assertNoInjection(path + " with the payloads", response, payloads);
        }
        Response api = quick(() -> StaffApi.as("admin").queryParam("status", payloads).queryParam("category", payloads)
                .queryParam("ward", payloads).queryParam("cursor", payloads).get("/api/v1/queues/COUNCIL_ASB/items"));
        assertTrue(api.statusCode() < 500, api.asString());
        Response summary = quick(() -> StaffApi.as("admin").queryParam("from", payloads).queryParam("to", payloads)
                .get("/api/v1/wards/E36001578/summary"));
        assertTrue(summary.statusCode() < 500, summary.asString());
        before.assertIntactWith(integrity(), 0);
    }

    // ---------------------------------------------------------------- helpers

    /** What an injection into a query would change: counts of rows and who is an administrator. */
    private record Integrity(long reports, long items, long accounts, long admins, long queues, long events) {

        void assertIntactWith(Integrity after, int newReports) {
            assertEquals(reports + newReports, after.reports(), "reports");
            assertEquals(items + newReports, after.items(), "queue items");
            assertEquals(accounts, after.accounts(), "staff accounts");
            assertEquals(admins, after.admins(), "administrators");
            assertEquals(queues, after.queues(), "queues");
            assertTrue(after.events() >= events, "report history kept");
        }
    }

    private Integrity integrity() {
        return new Integrity(database.count("report"), database.count("queue_item"), database.count("staff_account"),
                database.number("SELECT COUNT(*) FROM staff_account WHERE roles LIKE '%ADMIN%'"), database.count("triage_queue"),
                database.count("report_event"));
    }

    /** A page: no server error, no injected markup, and each shown text escaped. */
    private static void assertPage(String what, Response page, String payload, String... shown) {
        assertTrue(page.statusCode() < 500, what + ": " + page.statusCode() + " " + page.asString());
        Html.assertNoInjection(what, page, payload);
        for (String text : shown) {
            Html.assertShowsEscaped(what, page, text);
        }
    }

    /** GETs a staff page with the payload in each of these query parameters. */
    private static void staffPage(StaffSession browser, String path, String payload, String... parameters) {
        var request = given().cookies(browser.sessionCookies()).accept("text/html")
                .redirects().follow(false);
        for (String parameter : parameters) {
            request.queryParam(parameter, payload);
        }
        Response response = quick(() -> request.get(path));
        assertTrue(response.statusCode() < 500, path + " with the payload: " + response.statusCode() + " " + response.asString());
        Html.assertNoInjection(path + " with the payload in " + String.join(", ", parameters), response, payload);
    }

    /** A report the tracking tests look at and add to. */
    private static Case tracked() {
        if (tracked == null) {
            tracked = Cases.reportInto("COUNCIL_ASB");
        }
        return tracked;
    }

    /** A path segment with every reserved character percent-encoded (braces too, which REST Assured would read as a template). */
    private static String encoded(String segment) {
        return java.net.URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Sends a request, asserting it came back sooner than a time-based payload would have made it. */
    private static Response quick(java.util.function.Supplier<Response> request) {
        long started = System.nanoTime();
        Response response = request.get();
        assertQuick("the request", started);
        return response;
    }

    private static void assertQuick(String what, long startedNanos) {
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        assertTrue(millis < SLEEP_MILLIS, what + " took " + millis + " ms: a time-based payload may have reached the database");
    }
}
