package org.asbportal.security;

import static org.asbportal.security.StaffSession.fields;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageRows;
import org.asbportal.triage.TriageRows.Audit;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may use which staff route: every HTML page and form and every JSON call of the triage
 * workspace, as anonymous, as each demonstration account, and as a caseworker of another
 * organisation. Denied requests change nothing and leave no audit entry.
 */
@QuarkusTest
class StaffAuthorisationTest {

    static final String UNKNOWN_REFERENCE = "ASB-2222-2222";
    static final String UNKNOWN_QUEUE = "NO_SUCH_QUEUE";
    static final String UNKNOWN_OTHER_REFERENCE = "ASB-3333-3333";
    /** A week after today by the portal's clock, which every test fixes at {@link TestDates#NOW}. */
    static final java.time.LocalDate IN_A_WEEK = TestDates.today().plusDays(7);

    /** Who is asking: nobody, or a demonstration account. */
    enum Who {
        ANONYMOUS(null, null),
        ADMIN("admin", "Ada Admin"),
        TRIAGE("triage", "Tom Triage"),
        CASEWORKER("caseworker", "Cass Worker"),
        POLICE("police", "Pat Constable"),
        COORDINATOR("coordinator", "Cory Coordinator"),
        REVIEWER("reviewer", "Rae Reviewer"),
        COUNCILLOR("councillor", "Cllr Kim Ward");

        final String username;
        final String displayName;

        Who(String username, String displayName) {
            this.username = username;
            this.displayName = displayName;
        }

        /** Whether this member of staff works {@code queue} (demonstration grants). */
        boolean works(String queue) {
            return switch (this) {
                case ADMIN -> true;
                case TRIAGE -> List.of("MANUAL_CHECK", "VULNERABILITY_HUB", "HATE_INCIDENTS", "COUNCIL_ASB").contains(queue);
                case CASEWORKER -> List.of("COUNCIL_ASB", "ENVIRONMENTAL_HEALTH", "YOUTH_OUTREACH").contains(queue);
                case POLICE -> "POLICE_NEIGHBOURHOOD".equals(queue);
                default -> false;
            };
        }
    }

    /** Every staff route: the HTML workspace (form sign-in) and the JSON API (HTTP Basic). */
    enum Route {
        HTML_MY_QUEUES("GET /staff", null),
        HTML_QUEUE("GET /staff/queues/{code}", "READ_QUEUE"),
        HTML_CASE("GET /staff/cases/{reference}", "READ_CASE"),
        HTML_CLAIM("POST /staff/cases/{reference}/claim", "CLAIM"),
        HTML_ASSIGN("POST /staff/cases/{reference}/assign", "ASSIGN"),
        HTML_RELEASE("POST /staff/cases/{reference}/release", "RELEASE"),
        HTML_REASSIGN("POST /staff/cases/{reference}/reassign", "REASSIGN"),
        HTML_SEARCH("GET /staff/search?q={reference}", "SEARCH_QUEUES"),
        HTML_TRANSFER("POST /staff/cases/{reference}/transfer", "TRANSFER"),
        HTML_UPDATE("POST /staff/cases/{reference}/updates", "NOTE"),
        HTML_CLOSE("POST /staff/cases/{reference}/close", "CLOSE"),
        HTML_ADD_ACTION("POST /staff/cases/{reference}/actions", "ADD_ACTION"),
        HTML_ACTION_RESULT("POST /staff/cases/{reference}/actions/{action}/result", "ACTION_RESULT"),
        HTML_LINK("POST /staff/cases/{reference}/links", "LINK_CASE"),
        HTML_MERGE("POST /staff/cases/{reference}/merge", "MERGE"),
        HTML_FIND_PERPETRATOR("GET /staff/cases/{reference}?find=Morgan", "SEARCH_PERPETRATORS"),
        HTML_ADD_PERPETRATOR("POST /staff/cases/{reference}/perpetrators", "ADD_PERPETRATOR"),
        HTML_LINK_PERPETRATOR("POST /staff/cases/{reference}/perpetrators/link", "LINK_PERPETRATOR"),
        HTML_UNLINK_PERPETRATOR("POST /staff/cases/{reference}/perpetrators/{perpetrator}/unlink", "UNLINK_PERPETRATOR"),
        HTML_BULK("POST /staff/queues/{code}/bulk", "CLAIM"),
        HTML_SAVE_FILTER("POST /staff/queues/{code}/filters", "SAVE_FILTER"),
        HTML_KEYBOARD_HELP("GET /staff/help/keyboard", null),
        HTML_REVIEW_FORM("GET /staff/cases/{reference}/review", null),
        HTML_REVIEW("POST /staff/cases/{reference}/review", "CASE_REVIEW"),
        HTML_LETTER_NEW("GET /staff/cases/{reference}/letters/new?template=WARNING", null),
        HTML_LETTER_FILL("POST /staff/cases/{reference}/letters/fill", "PREPARE_LETTER"),
        HTML_LETTER_SAVE("POST /staff/cases/{reference}/letters", "SAVE_LETTER"),
        HTML_LETTER("GET /staff/cases/{reference}/letters/{letter}", "READ_LETTER"),
        HTML_RESTRICTION_FORM("GET /staff/safeguarding/{reference}/restriction", null),
        HTML_RESTRICT("POST /staff/safeguarding/{reference}/restriction", "RESTRICT_CASE"),
        HTML_LIFT_RESTRICTION("POST /staff/safeguarding/{reference}/restriction/lift", "LIFT_RESTRICTION"),
        HTML_EXPLOITATION_CONCERN("POST /staff/safeguarding/{reference}/exploitation-concern", "EXPLOITATION_CONCERN"),
        API_MY_QUEUES("GET /api/v1/queues", null),
        API_BULK("POST /api/v1/queues/{code}/bulk", "CLAIM"),
        API_QUEUE_ITEMS("GET /api/v1/queues/{code}/items", "READ_QUEUE"),
        API_CASE("GET /api/v1/cases/{reference}", "READ_CASE"),
        API_CLAIM("POST /api/v1/cases/{reference}/claim", "CLAIM"),
        API_ASSIGN("POST /api/v1/cases/{reference}/assign", "ASSIGN"),
        API_TRANSFER("POST /api/v1/cases/{reference}/transfer", "TRANSFER"),
        API_UPDATE("POST /api/v1/cases/{reference}/updates", "NOTE"),
        API_CLOSE("POST /api/v1/cases/{reference}/close", "CLOSE"),
        API_ADD_ACTION("POST /api/v1/cases/{reference}/actions", "ADD_ACTION"),
        API_ACTION_RESULT("POST /api/v1/cases/{reference}/actions/{action}/result", "ACTION_RESULT"),
        API_LINK("POST /api/v1/cases/{reference}/links", "LINK_CASE"),
        API_MERGE("POST /api/v1/cases/{reference}/merge", "MERGE"),
        API_FIND_PERPETRATORS("GET /api/v1/cases/{reference}/perpetrators?name=Morgan", "SEARCH_PERPETRATORS"),
        API_ADD_PERPETRATOR("POST /api/v1/cases/{reference}/perpetrators", "ADD_PERPETRATOR"),
        API_LINK_PERPETRATOR("POST /api/v1/cases/{reference}/perpetrators", "LINK_PERPETRATOR"),
        API_UNLINK_PERPETRATOR("DELETE /api/v1/cases/{reference}/perpetrators/{perpetrator}", "UNLINK_PERPETRATOR");

        final String method;
        final String path;
        final String auditAction;

        Route(String route, String auditAction) {
            this.method = route.split(" ")[0];
            this.path = route.split(" ")[1];
            this.auditAction = auditAction;
        }

        boolean html() {
            return name().startsWith("HTML_");
        }

        /** Whether the route names a queue or a case (all but the list of my queues and the search of them). */
        boolean namesQueueOrCase() {
            return this != HTML_MY_QUEUES && this != API_MY_QUEUES && this != HTML_SEARCH && this != HTML_KEYBOARD_HELP;
        }

        /** Whether the route is a form of the queue page, which goes back to the queue. */
        boolean ofQueuePage() {
            return this == HTML_BULK || this == HTML_SAVE_FILTER;
        }

        /** Whether the route hands on a case, which the officer must hold first. */
        boolean handsOn() {
            return this == HTML_RELEASE || this == HTML_REASSIGN;
        }

        /** Whether the route manages the case's restriction, which its holder (or a triage officer or admin) may do. */
        boolean restricts() {
            return this == HTML_RESTRICTION_FORM || this == HTML_RESTRICT || this == HTML_LIFT_RESTRICTION;
        }

        /** Whether the route changes the case and redirects back (filling a letter in only shows it). */
        boolean change() {
            return "POST".equals(method) && this != HTML_LETTER_FILL;
        }

        /** Whether the route names a letter saved on the case, which must exist before it is read. */
        boolean namesLetter() {
            return path.contains("{letter}");
        }

        /** Whether the route names an action of the case, which must exist before it is used. */
        boolean namesAction() {
            return path.contains("{action}");
        }

        /** Whether the route names a second case, to link or merge with. */
        boolean namesOtherCase() {
            return this == HTML_LINK || this == HTML_MERGE || this == API_LINK || this == API_MERGE;
        }

        /** The status a successful call answers with. */
        int created() {
            return this == API_ADD_ACTION || this == API_ADD_PERPETRATOR ? 201 : 200;
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A queue and case a request is about, and the version of the case the sender saw. */
    record Target(String queue, String reference, int version, long action, String other, long perpetrator) {

        /** A request refused before any action, other case or perpetrator is looked up: those are never read. */
        Target(String queue, String reference, int version) {
            this(queue, reference, version, 1, UNKNOWN_OTHER_REFERENCE, 1);
        }
    }

    /** Signed-in browsers, one per account, kept for the whole class (sign-in is a bcrypt check). */
    private static final Map<String, StaffSession> SESSIONS = new ConcurrentHashMap<>();

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

    // ---------------------------------------------------------------- anonymous

    static Stream<Route> htmlRoutes() {
        return Arrays.stream(Route.values()).filter(Route::html);
    }

    static Stream<Route> apiRoutes() {
        return Arrays.stream(Route.values()).filter(r -> !r.html());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("htmlRoutes")
    void sendsAnAnonymousBrowserToSignIn(Route route) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        Response response = send(route, Who.ANONYMOUS, new Target("COUNCIL_ASB", reported.reference(), 0));

        assertEquals(302, response.statusCode(), response.asString());
        assertTrue(response.header("Location").matches("(https?://[^/]+)?/login"), response.header("Location"));
        assertRefused(reported, "COUNCIL_ASB");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void asksAnAnonymousScriptForCredentials(Route route) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        Response response = send(route, Who.ANONYMOUS, new Target("COUNCIL_ASB", reported.reference(), 0));

        assertEquals(401, response.statusCode(), response.asString());
        assertEquals("", response.asString());
        assertRefused(reported, "COUNCIL_ASB");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiRoutes")
    void refusesAScriptWithAWrongPassword(Route route) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        RequestSpecification request = StaffApi.anonymous().auth().preemptive().basic("caseworker", "not-the-password");
        Response response = apiRequest(route, request, new Target("COUNCIL_ASB", reported.reference(), 0));

        assertEquals(401, response.statusCode(), response.asString());
        assertRefused(reported, "COUNCIL_ASB");
    }

    // ---------------------------------------------------------------- roles that do not triage

    static Stream<Arguments> everyRouteAsARoleThatDoesNotTriage() {
        return Stream.of(Who.COORDINATOR, Who.REVIEWER, Who.COUNCILLOR)
                .flatMap(who -> Arrays.stream(Route.values()).map(route -> Arguments.of(route, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteAsARoleThatDoesNotTriage")
    void forbidsStaffWhoseRoleDoesNotWorkCases(Route route, Who who) {
        Case reported = Cases.reportInto("COUNCIL_ASB");

        Response response = send(route, who, new Target("COUNCIL_ASB", reported.reference(), 0));

        assertEquals(403, response.statusCode(), response.asString());
        if (route.html()) {
            response.then().contentType(startsWith("text/html"))
                    .body(containsString("You do not have access to this"))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("at org.")));
        } else {
            response.then().contentType(startsWith(StaffApi.PROBLEM_JSON))
                    .body("status", equalTo(403))
                    .body("title", equalTo("You do not have access to this"));
        }
        assertRefused(reported, "COUNCIL_ASB");
    }

    // ---------------------------------------------------------------- another organisation's queue

    static Stream<Route> routesNamingAQueueOrCase() {
        return Arrays.stream(Route.values()).filter(Route::namesQueueOrCase);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routesNamingAQueueOrCase")
    void hidesAnotherOrganisationsCaseExactlyLikeAnUnknownOne(Route route) {
        Case reported = Cases.reportInto("ENVIRONMENTAL_HEALTH");

        Response theirs = send(route, Who.POLICE, new Target("ENVIRONMENTAL_HEALTH", reported.reference(), 0));
        Response unknown = send(route, Who.POLICE, new Target(UNKNOWN_QUEUE, UNKNOWN_REFERENCE, 0));

        assertEquals(404, theirs.statusCode(), theirs.asString());
        assertEquals(404, unknown.statusCode(), unknown.asString());
        if (route.html()) {
            theirs.then().contentType(startsWith("text/html")).body(not(containsString(reported.reference())));
            assertEquals(unknown.asString(), theirs.asString());
        } else {
            theirs.then().contentType(startsWith(StaffApi.PROBLEM_JSON))
                    .body("status", equalTo(404))
                    .body("detail", startsWith("No "));
            assertEquals(withoutInstance(unknown), withoutInstance(theirs));
        }
        assertRefused(reported, "ENVIRONMENTAL_HEALTH");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Route.class, names = {"HTML_MY_QUEUES", "API_MY_QUEUES"})
    void showsACaseworkerOnlyTheQueuesOfTheirOrganisation(Route route) {
        Response response = send(route, Who.POLICE, new Target(null, null, 0));

        assertEquals(200, response.statusCode(), response.asString());
        if (route.html()) {
            response.then().body(containsString("href=\"/staff/queues/POLICE_NEIGHBOURHOOD\""))
                    .body(not(containsString("href=\"/staff/queues/ENVIRONMENTAL_HEALTH\"")))
                    .body(not(containsString("href=\"/staff/queues/COUNCIL_ASB\"")));
        } else {
            assertEquals(List.of("POLICE_NEIGHBOURHOOD"), response.jsonPath().getList("code"));
        }
    }

    // ---------------------------------------------------------------- staff who work the queue

    static Stream<Arguments> everyRouteAsStaffWhoWorkTheQueue() {
        Stream<Arguments> council = Stream.of(Who.ADMIN, Who.TRIAGE, Who.CASEWORKER)
                .flatMap(who -> Arrays.stream(Route.values()).map(route -> Arguments.of(route, who, "COUNCIL_ASB")));
        Stream<Arguments> police = Arrays.stream(Route.values())
                .map(route -> Arguments.of(route, Who.POLICE, "POLICE_NEIGHBOURHOOD"));
        return Stream.concat(council, police);
    }

    @ParameterizedTest(name = "{0} as {1} on {2}")
    @MethodSource("everyRouteAsStaffWhoWorkTheQueue")
    void letsStaffWorkTheCasesOfTheirQueues(Route route, Who who, String queue) {
        Case reported = Cases.reportInto(queue);
        long action = route.namesAction() ? newAction(reported) : route.namesLetter() ? newLetter(reported) : 1;
        String other = route.namesOtherCase() ? Cases.reportInto(queue).reference()
                : route == Route.HTML_REASSIGN ? reassigneeFor(who, queue) : UNKNOWN_OTHER_REFERENCE;
        if (route.handsOn() || route.restricts()) {
            StaffApi.as(who.username).body(StaffApi.json("version", 0)).when()
                    .post("/api/v1/cases/{reference}/claim", reported.reference()).then().statusCode(200);
        }
        long perpetrator = switch (route) {
            case HTML_LINK_PERPETRATOR, API_LINK_PERPETRATOR -> newPerpetrator(Cases.reportInto(queue));
            case HTML_UNLINK_PERPETRATOR, API_UNLINK_PERPETRATOR -> newPerpetrator(reported);
            default -> 1;
        };
        if (route == Route.HTML_LIFT_RESTRICTION) {
            assertEquals(303, session(who).post("/staff/safeguarding/" + reported.reference() + "/restriction",
                    "reason", "Safeguarding").statusCode());
        }
        int version = 0;
        if (route.html() && route.change()) {
            Response casePage = session(who).get("/staff/cases/{reference}", reported.reference());
            assertEquals(200, casePage.statusCode());
            version = StaffSession.versionOn(casePage);
        }
        long auditBefore = db.lastAuditId();

        Response response = send(route, who, new Target(queue, reported.reference(), version, action, other, perpetrator));

        if (route.html() && route.change()) {
            assertEquals(303, response.statusCode(), response.asString());
            if (route.ofQueuePage()) {
                assertTrue(response.header("Location").matches("(https?://[^/]+)?/staff/queues/" + queue + "\\?.*"),
                        response.header("Location"));
            } else {
                String back = route == Route.HTML_TRANSFER && !who.works(transferTarget(queue))
                        ? "/staff" : "/staff/cases/" + reported.reference();
                String location = response.header("Location").replaceFirst("\\?done=[a-z-]+$", "")
                        .replaceFirst("/letters/\\d+\\?saved=true$", "");
                assertTrue(location.endsWith(back), response.header("Location") + " should be " + back + " (with what was done)");
            }
        } else {
            assertEquals(route.created(), response.statusCode(), response.asString());
            response.then().contentType(startsWith(route.html() ? "text/html" : "application/json"));
        }
        assertDone(route, who, queue, reported, response);
        if (route.auditAction != null) {
            List<Audit> written = db.auditAfter(auditBefore);
            String reference = route == Route.HTML_QUEUE || route == Route.API_QUEUE_ITEMS || route == Route.HTML_SEARCH
                    || route == Route.HTML_SAVE_FILTER ? null : reported.reference();
            assertTrue(written.stream().anyMatch(a -> a.actor().equals(who.username) && a.action().equals(route.auditAction)
                            && Objects.equals(a.reference(), reference)),
                    "audit " + who.username + " " + route.auditAction + " " + reference + " in " + written);
        }
    }

    /** What an allowed request did: the page or JSON it answered with and what it changed. */
    private void assertDone(Route route, Who who, String queue, Case reported, Response response) {
        String reference = reported.reference();
        Row item = db.item(reference);
        String assignee = "COUNCIL_ASB".equals(queue) ? "caseworker" : "police";
        switch (route) {
            case HTML_MY_QUEUES -> response.then().body(containsString("<h1 class=\"govuk-heading-xl\">My queues</h1>"))
                    .body(containsString("href=\"/staff/queues/" + queue + "\""));
            case HTML_QUEUE -> response.then().body(containsString("<h1 class=\"govuk-heading-xl\">" + queueName(queue) + "</h1>"));
            case HTML_CASE -> response.then().body(containsString("<h1 class=\"govuk-heading-xl\">Case " + reference + "</h1>"));
            case HTML_REVIEW_FORM -> response.then().body(containsString("Record a review of case " + reference));
            case HTML_LETTER_NEW -> response.then().body(containsString("Prepare a letter on case " + reference));
            case HTML_LETTER_FILL -> response.then().body(containsString("Our reference: " + reference));
            case HTML_LETTER -> response.then().body(containsString("class=\"portal-printed-letter\""));
            case HTML_SEARCH -> response.then().body(containsString("href=\"/staff/cases/" + reference + "\""));
            case HTML_KEYBOARD_HELP -> response.then().body(containsString("<h1 class=\"govuk-heading-xl\">Keyboard shortcuts</h1>"));
            case HTML_FIND_PERPETRATOR -> response.then().body(containsString("<h1 class=\"govuk-heading-xl\">Case " + reference + "</h1>"))
                    .body(containsString("\"Morgan\""));
            case API_FIND_PERPETRATORS -> response.then().body("$", notNullValue());
            case API_MY_QUEUES -> response.then().body("code", hasItem(queue));
            case API_QUEUE_ITEMS -> response.then().body("queue.code", equalTo(queue)).body("items", notNullValue());
            case API_CASE -> response.then().body("reference", equalTo(reference)).body("queueCode", equalTo(queue));
            default -> {
            }
        }
        switch (route) {
            case HTML_CLAIM, API_CLAIM, HTML_BULK, API_BULK -> {
                assertEquals(who.username, item.string("assignee"));
                assertEquals("IN_PROGRESS", item.string("status"));
            }
            case HTML_ASSIGN, API_ASSIGN -> assertEquals(assignee, item.string("assignee"));
            case HTML_RELEASE -> {
                assertNull(item.get("assigned_to"));
                assertEquals("NEW", item.string("status"));
                assertEquals(1, db.events(reference, "RELEASED").size());
            }
            case HTML_REASSIGN -> {
                assertEquals(reassigneeFor(who, queue), item.string("assignee"));
                assertEquals(1, db.events(reference, "REASSIGNED").size());
            }
            case HTML_TRANSFER, API_TRANSFER -> assertEquals(transferTarget(queue), item.string("queue_code"));
            case HTML_UPDATE, API_UPDATE -> {
                List<Row> notes = db.events(reference, "NOTE");
                assertEquals(1, notes.size());
                assertEquals(who.username, notes.get(0).string("actor"));
                assertFalse(notes.get(0).bool("is_public"));
            }
            case HTML_CLOSE, API_CLOSE -> {
                assertEquals("CLOSED", item.string("status"));
                assertEquals("CLOSED", db.report(reference).string("status"));
            }
            case HTML_ADD_ACTION, API_ADD_ACTION -> {
                List<Row> actions = actionsOf(reference);
                assertEquals(1, actions.size());
                assertEquals(who.username, actions.get(0).string("recorded_by"));
                assertEquals("OPEN", actions.get(0).string("status"));
            }
            case HTML_ACTION_RESULT, API_ACTION_RESULT -> {
                List<Row> actions = actionsOf(reference);
                assertEquals(1, actions.size());
                assertEquals("DONE", actions.get(0).string("status"));
                assertEquals(who.username, actions.get(0).string("completed_by"));
            }
            case HTML_LINK, API_LINK -> {
                List<Row> links = db.reports().linksFrom(reference);
                assertEquals(1, links.size());
                assertEquals("LINKED_BY_STAFF", links.get(0).string("reason"));
            }
            case HTML_MERGE, API_MERGE -> {
                assertEquals("CLOSED", item.string("status"));
                assertEquals("DUPLICATE", item.string("outcome"));
            }
            case HTML_ADD_PERPETRATOR, API_ADD_PERPETRATOR -> {
                List<Row> people = perpetratorsOf(reference);
                assertEquals(1, people.size());
                assertEquals(who.username, people.get(0).string("linked_by"));
            }
            case HTML_LINK_PERPETRATOR, API_LINK_PERPETRATOR -> assertEquals(List.of(who.username),
                    perpetratorsOf(reference).stream().map(p -> p.string("linked_by")).toList());
            case HTML_UNLINK_PERPETRATOR, API_UNLINK_PERPETRATOR -> assertEquals(List.of(), perpetratorsOf(reference));
            case HTML_REVIEW -> {
                List<Row> reviews = db.events(reference, "CASE_REVIEW");
                assertEquals(1, reviews.size());
                assertEquals(who.username, reviews.get(0).string("actor"));
                assertFalse(reviews.get(0).bool("is_public"));
            }
            case HTML_LETTER_SAVE -> {
                List<Row> letters = db.reports().rows("SELECT l.* FROM case_letter l JOIN report r ON r.id = l.report_id "
                        + "WHERE r.reference = ?", reference);
                assertEquals(1, letters.size());
                assertEquals(who.username, letters.get(0).string("sent_by"));
                assertEquals("Dear Jo,\r\nPlease stop.", letters.get(0).string("body"));
            }
            case HTML_RESTRICTION_FORM -> response.then().body(containsString("Restrict this case"));
            case HTML_RESTRICT -> assertEquals(1, restrictionsOf(reference).size());
            case HTML_LIFT_RESTRICTION -> {
                assertEquals(List.of(), restrictionsOf(reference));
                assertEquals(1, db.events(reference, "RESTRICTION_LIFTED").size());
            }
            case HTML_EXPLOITATION_CONCERN -> assertTrue(item.bool("exploitation_concern"));
            default -> assertUntouched(reported, queue);
        }
        if (!route.html()) {
            switch (route) {
                case API_CLAIM -> response.then().body("assignee", equalTo(who.displayName));
                case API_BULK -> response.then().body("changed", equalTo(1)).body("skipped.size()", equalTo(0));
                case API_ASSIGN -> response.then().body("assignee", equalTo("COUNCIL_ASB".equals(queue) ? "Cass Worker" : "Pat Constable"));
                case API_TRANSFER -> response.then().body("queueCode", equalTo(transferTarget(queue)));
                case API_UPDATE -> response.then().body("timeline.kind", hasItem("NOTE"));
                case API_CLOSE -> response.then().body("itemStatus", equalTo("CLOSED"));
                case API_ADD_ACTION -> response.then().body("type", equalTo("WARNING")).body("recordedBy", equalTo(who.username));
                case API_ACTION_RESULT -> response.then().body("status", equalTo("DONE"));
                case API_LINK -> response.then().body("links.reason", hasItem("LINKED_BY_STAFF"));
                case API_MERGE -> response.then().body("itemStatus", equalTo("CLOSED"));
                case API_ADD_PERPETRATOR, API_LINK_PERPETRATOR -> response.then().body("perpetrators.size()", equalTo(1));
                case API_UNLINK_PERPETRATOR -> response.then().body("perpetrators.size()", equalTo(0));
                default -> {
                }
            }
        }
    }

    // ---------------------------------------------------------------- signing in and out

    @Test
    void sendsAWrongPasswordBackToTheSignInPageWithA401AndNoSession() {
        Response response = StaffSession.submitSignIn("triage", "not-the-password");

        assertEquals(302, response.statusCode());
        assertTrue(response.header("Location").matches("(https?://[^/]+)?/login\\?error=true"), response.header("Location"));
        String session = StaffSession.lastCookie(response, StaffSession.SESSION_COOKIE);
        assertTrue(session == null || session.isEmpty(), "no session for a wrong password: " + session);

        StaffSession.anonymous().get("/login?error=true").then().statusCode(401)
                .contentType(startsWith("text/html"))
                .header("Cache-Control", "no-store")
                .body(containsString("There is a problem"))
                .body(containsString("Enter a correct username and password"))
                .body(containsString("action=\"/j_security_check\""));
    }

    @Test
    void refusesAnUnknownUsernameLikeAWrongPassword() {
        Response unknown = StaffSession.submitSignIn("nobody-" + ReportRequests.unique(), DemoAccounts.PASSWORD);
        Response wrong = StaffSession.submitSignIn("triage", "not-the-password");

        assertEquals(302, unknown.statusCode());
        assertEquals(wrong.header("Location"), unknown.header("Location"));
    }

    @Test
    void signsOutByClearingTheSessionCookie() {
        StaffSession browser = StaffSession.signIn("caseworker");
        browser.get("/staff").then().statusCode(200).body(containsString("action=\"/logout\""));

        Response response = browser.post("/logout", Map.of());

        assertEquals(303, response.statusCode(), response.asString());
        assertTrue(response.header("Location").endsWith("/login?signed-out=true"), response.header("Location"));
        List<String> setCookies = response.headers().getValues("Set-Cookie");
        List<String> sessionCookies = setCookies.stream().filter(c -> c.startsWith(StaffSession.SESSION_COOKIE + "=")).toList();
        assertEquals(1, sessionCookies.size(), "one session cookie: " + setCookies);
        assertTrue(sessionCookies.get(0).startsWith(StaffSession.SESSION_COOKIE + "=;"), sessionCookies.get(0));
        assertTrue(sessionCookies.get(0).contains("Max-Age=0"), sessionCookies.get(0));
        assertNull(browser.sessionCookie(), "the browser dropped the session");

        Response afterwards = browser.get("/staff");
        assertEquals(302, afterwards.statusCode());
        assertTrue(afterwards.header("Location").matches("(https?://[^/]+)?/login"), afterwards.header("Location"));
        StaffSession.anonymous().get("/login?signed-out=true").then().statusCode(200)
                .body(containsString("You have signed out."));
    }

    @Test
    void refusesASignOutWithoutTheCsrfToken() {
        StaffSession browser = StaffSession.signIn("caseworker");
        browser.get("/staff").then().statusCode(200);

        Response response = browser.postExactly("/logout", Map.of());

        assertEquals(400, response.statusCode(), response.asString());
        assertNull(StaffSession.lastCookie(response, StaffSession.SESSION_COOKIE), "session kept");
        browser.get("/staff").then().statusCode(200);
    }

    @Test
    void refusesACaseFormPostedWithoutTheCsrfTokenAndChangesNothing() {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffSession browser = session(Who.CASEWORKER);
        browser.get("/staff/cases/{reference}", reported.reference()).then().statusCode(200);

        Response response = browser.postExactly("/staff/cases/" + reported.reference() + "/claim", fields("version", "0"));

        assertEquals(400, response.statusCode(), response.asString());
        assertUntouched(reported, "COUNCIL_ASB");
        assertTrue(db.audit(reported.reference()).stream().noneMatch(a -> a.action().equals("CLAIM")));
    }

    // ---------------------------------------------------------------- helpers

    /** Refused before the case was looked at: nothing changed and nobody's read or change is audited. */
    private void assertRefused(Case reported, String queue) {
        assertUntouched(reported, queue);
        assertEquals(List.of(), actionsOf(reported.reference()), "no action added");
        assertEquals(List.of(), perpetratorsOf(reported.reference()), "no perpetrator added");
        assertEquals(List.of(), db.audit(reported.reference()));
    }

    /** Nothing changed: still new, unassigned, in its queue at version 0, with no staff history. */
    private void assertUntouched(Case reported, String queue) {
        Row item = db.item(reported.reference());
        assertEquals(queue, item.string("queue_code"));
        assertEquals("NEW", item.string("status"));
        assertNull(item.get("assigned_to"));
        assertEquals(0, item.number("version"));
        assertEquals("RECEIVED", db.report(reported.reference()).string("status"));
        assertEquals(List.of("RECEIVED", "SCREENED", "ROUTED"),
                db.events(reported.reference()).stream().map(e -> e.string("kind")).filter(k -> !k.equals("PLACED")).toList());
    }

    private Response send(Route route, Who who, Target target) {
        if (route.html()) {
            return htmlRequest(route, who == Who.ANONYMOUS ? StaffSession.anonymous() : session(who), target);
        }
        return apiRequest(route, who == Who.ANONYMOUS ? StaffApi.anonymous() : StaffApi.as(who.username), target);
    }

    private static Response htmlRequest(Route route, StaffSession browser, Target target) {
        String reference = target.reference();
        String version = String.valueOf(target.version());
        String path = route.path.replace("{code}", String.valueOf(target.queue())).replace("{reference}", String.valueOf(reference))
                .replace("{action}", String.valueOf(target.action())).replace("{perpetrator}", String.valueOf(target.perpetrator()))
                .replace("{letter}", String.valueOf(target.action()));
        return switch (route) {
            case HTML_MY_QUEUES, HTML_QUEUE, HTML_CASE, HTML_FIND_PERPETRATOR, HTML_SEARCH, HTML_KEYBOARD_HELP, HTML_REVIEW_FORM,
                    HTML_LETTER_NEW, HTML_LETTER -> browser.get(path);
            case HTML_BULK -> browser.post(path, "action", "claim", "references", reference, "back", "");
            case HTML_SAVE_FILTER -> browser.post(path, "name", "High risk " + ReportRequests.unique(), "back", "risk=HIGH");
            case HTML_REVIEW -> browser.post(path, "note", "Checked with the victim: patrols continue");
            case HTML_LETTER_FILL -> browser.post(path, "template", "WARNING", "recipientName", "Jo Bloggs",
                    "recipientAddress", "2 Mill Lane, Bedford");
            case HTML_LETTER_SAVE -> browser.post(path, "template", "WARNING", "version", "1", "text", "Dear Jo,\r\nPlease stop.");
            case HTML_RELEASE -> browser.post(path, "version", version);
            case HTML_REASSIGN -> browser.post(path, "version", version, "reassignee", target.other(),
                    "note", "Cass knows the family");
            case HTML_CLAIM -> browser.post(path, "version", version);
            case HTML_ASSIGN -> browser.post(path, "version", version, "assignee", assigneeFor(target.queue()));
            case HTML_TRANSFER -> browser.post(path, "version", version, "queue", transferTarget(target.queue()),
                    "reason", "Better placed with that team");
            case HTML_UPDATE -> browser.post(path, "text", "Called the resident back", "visibility", "internal");
            case HTML_CLOSE -> browser.post(path, "version", version, "outcome", "RESOLVED");
            case HTML_ADD_ACTION -> browser.post(path, "type", "WARNING", "description", "Letter to the household",
                    "owner", "caseworker", "dueOn-day", String.valueOf(IN_A_WEEK.getDayOfMonth()),
                    "dueOn-month", String.valueOf(IN_A_WEEK.getMonthValue()), "dueOn-year", String.valueOf(IN_A_WEEK.getYear()));
            case HTML_ACTION_RESULT -> browser.post(path, "actionVersion", "0", "status", "DONE", "result", "Letter delivered");
            case HTML_LINK -> browser.post(path, "otherReference", target.other());
            case HTML_MERGE -> browser.post(path, "version", version, "otherReference", target.other());
            case HTML_ADD_PERPETRATOR -> browser.post(path, "name", "Morgan Shouter", "ageBand", "UNDER_18");
            case HTML_LINK_PERPETRATOR -> browser.post(path, "perpetratorId", String.valueOf(target.perpetrator()));
            case HTML_UNLINK_PERPETRATOR -> browser.post(path, Map.of());
            case HTML_RESTRICTION_FORM -> browser.get(path);
            case HTML_RESTRICT -> browser.post(path, "reason", "A member of staff is the victim", "agencies", "POLICE");
            case HTML_LIFT_RESTRICTION -> browser.post(path, Map.of());
            case HTML_EXPLOITATION_CONCERN -> browser.post(path, "version", version, "concern", "yes");
            default -> throw new IllegalArgumentException(route.name());
        };
    }

    private static Response apiRequest(Route route, RequestSpecification request, Target target) {
        String path = route.path.replace("{code}", String.valueOf(target.queue()))
                .replace("{reference}", String.valueOf(target.reference()))
                .replace("{action}", String.valueOf(target.action())).replace("{perpetrator}", String.valueOf(target.perpetrator()));
        int version = target.version();
        return switch (route) {
            case API_MY_QUEUES, API_QUEUE_ITEMS, API_CASE, API_FIND_PERPETRATORS -> request.when().get(path);
            case API_CLAIM -> request.body(StaffApi.json("version", version)).when().post(path);
            case API_BULK -> request.body(StaffApi.json("action", "claim", "references", List.of(String.valueOf(target.reference()))))
                    .when().post(path);
            case API_ASSIGN -> request.body(StaffApi.json("version", version, "assignee", assigneeFor(target.queue())))
                    .when().post(path);
            case API_TRANSFER -> request.body(StaffApi.json("version", version, "queue", transferTarget(target.queue()),
                    "reason", "Better placed with that team")).when().post(path);
            case API_UPDATE -> request.body(StaffApi.json("text", "Called the resident back", "public", false)).when().post(path);
            case API_CLOSE -> request.body(StaffApi.json("version", version, "outcome", "RESOLVED")).when().post(path);
            case API_ADD_ACTION -> request.body(StaffApi.json("type", "WARNING", "description", "Letter to the household",
                    "owner", "caseworker", "dueOn", IN_A_WEEK.toString())).when().post(path);
            case API_ACTION_RESULT -> request.body(StaffApi.json("status", "DONE", "result", "Letter delivered", "version", 0))
                    .when().post(path);
            case API_LINK -> request.body(StaffApi.json("reference", target.other())).when().post(path);
            case API_MERGE -> request.body(StaffApi.json("version", version, "reference", target.other())).when().post(path);
            case API_ADD_PERPETRATOR -> request.body(StaffApi.json("name", "Morgan Shouter", "ageBand", "UNDER_18")).when().post(path);
            case API_LINK_PERPETRATOR -> request.body(StaffApi.json("perpetratorId", target.perpetrator())).when().post(path);
            case API_UNLINK_PERPETRATOR -> request.when().delete(path);
            default -> throw new IllegalArgumentException(route.name());
        };
    }

    /** Adds an action to the case as an admin, for routes that work on one. */
    private static long newAction(Case reported) {
        Response added = StaffApi.as("admin").body(StaffApi.json("type", "WARNING", "description", "Letter to the household",
                "owner", "Bedford Housing", "dueOn", IN_A_WEEK.toString())).when().post("/api/v1/cases/{reference}/actions", reported.reference());
        assertEquals(201, added.statusCode(), added.asString());
        return ((Number) added.path("id")).longValue();
    }

    /** A letter saved on the case (as the letters page saves one), for the route that reads it. */
    private long newLetter(Case reported) {
        db.reports().update("INSERT INTO case_letter (report_id, template_id, template_version, body, sent_by, sent_at) "
                + "SELECT r.id, t.id, 1, 'Dear Jo', 'admin', NOW(6) FROM report r, letter_template t "
                + "WHERE r.reference = ? AND t.code = 'WARNING'", reported.reference());
        return db.reports().rows("SELECT MAX(l.id) AS id FROM case_letter l JOIN report r ON r.id = l.report_id WHERE r.reference = ?",
                reported.reference()).get(0).number("id");
    }

    /** Records a perpetrator on the case as an admin, for routes that link or unlink one. */
    private static long newPerpetrator(Case reported) {
        Response added = StaffApi.as("admin").body(StaffApi.json("name", "Morgan Setup " + ReportRequests.unique()))
                .when().post("/api/v1/cases/{reference}/perpetrators", reported.reference());
        assertEquals(201, added.statusCode(), added.asString());
        return ((Number) added.path("perpetrators[0].id")).longValue();
    }

    private List<Row> restrictionsOf(String reference) {
        return db.reports().rows("SELECT c.* FROM case_restriction c JOIN report r ON r.id = c.report_id WHERE r.reference = ?",
                reference);
    }

    private List<Row> perpetratorsOf(String reference) {
        return db.reports().rows("SELECT cp.* FROM case_perpetrator cp JOIN report r ON r.id = cp.report_id WHERE r.reference = ?",
                reference);
    }

    private List<Row> actionsOf(String reference) {
        return db.reports().rows("SELECT a.* FROM case_action a JOIN report r ON r.id = a.report_id WHERE r.reference = ?",
                reference);
    }

    private static String assigneeFor(String queue) {
        return "POLICE_NEIGHBOURHOOD".equals(queue) ? "police" : "caseworker";
    }

    /** Another officer who works the queue than {@code who}, who holds the case before it is reassigned. */
    private static String reassigneeFor(Who who, String queue) {
        return "POLICE_NEIGHBOURHOOD".equals(queue) ? "admin" : who == Who.CASEWORKER ? "triage" : "caseworker";
    }

    private static String transferTarget(String queue) {
        return "COUNCIL_ASB".equals(queue) ? "ENVIRONMENTAL_HEALTH" : "COUNCIL_ASB";
    }

    private static String queueName(String queue) {
        return switch (queue) {
            case "COUNCIL_ASB" -> "Council ASB team";
            case "POLICE_NEIGHBOURHOOD" -> "Police neighbourhood team";
            default -> throw new IllegalArgumentException(queue);
        };
    }

    private static StaffSession session(Who who) {
        return SESSIONS.computeIfAbsent(who.username, StaffSession::signIn);
    }

    private static Map<String, Object> withoutInstance(Response response) {
        Map<String, Object> body = new HashMap<>(response.jsonPath().getMap(""));
        body.remove("instance");
        return body;
    }
}
