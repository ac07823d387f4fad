package org.asbportal.attack;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.pledge.PledgeContacts;
import org.asbportal.report.ReportRequests;
import org.asbportal.security.StaffApi;
import org.asbportal.security.StaffSession;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Insecure direct object references: staff of one organisation naming another organisation's cases,
 * actions, perpetrators and queues (real references, guessed ones and sequential ids); a victim
 * naming another victim's report or application with their own access code; a councillor naming
 * another ward; staff without the role naming administration routes; a PLEDGE organisation naming
 * another's assessment. Every attempt is refused, shows none of the other party's data, and leaves
 * every table as it was.
 */
@QuarkusTest
class IdorAttackTest {

    /** Police staff (organisation POLICE) work only the police queue; this case is the council's. */
    private static Case councils;
    /** A case the police do work, to name the council's objects from. */
    private static Case polices;
    private static long councilsAction;
    private static long councilsPerpetrator;
    private static String councilsPerpetratorName;
    private static StaffSession police;

    @Inject
    AgroalDataSource dataSource;

    DatabaseState database;

    @BeforeEach
    void setUp() {
        database = new DatabaseState(dataSource);
        if (councils == null) {
            councils = Cases.report(Cases.requestFor("ENVIRONMENTAL_HEALTH")
                    .with("description", "Council-only secret description " + ReportRequests.unique()), "ENVIRONMENTAL_HEALTH");
            polices = Cases.report(Cases.requestFor("POLICE_NEIGHBOURHOOD").with("reporter.email", "police-victim@example.org"),
                    "POLICE_NEIGHBOURHOOD");
            String due = org.asbportal.web.TestDates.clockToday().plusDays(7).toString();
            councilsAction = ((Number) StaffApi.as("caseworker").body(StaffApi.json("type", "WARNING",
                    "description", "Council-only action", "owner", "caseworker", "dueOn", due))
                    .post("/api/v1/cases/{reference}/actions", councils.reference()).then().statusCode(201).extract().path("id"))
                    .longValue();
            councilsPerpetratorName = "Council-only Perpetrator " + ReportRequests.unique();
            councilsPerpetrator = ((Number) StaffApi.as("caseworker").body(StaffApi.json("name", councilsPerpetratorName))
                    .post("/api/v1/cases/{reference}/perpetrators", councils.reference()).then().statusCode(201).extract()
                    .path("perpetrators[0].id")).longValue();
            police = StaffSession.signIn("police");
        }
    }

    // ---------------------------------------------------------------- another organisation's cases

    /** What police staff send, naming the council's case or its objects. */
    static Stream<String> crossOrganisationAttempts() {
        return Stream.of(
                "GET /staff/cases/{council}",
                "GET /staff/cases/{council}?find=Council-only",
                "GET /staff/queues/ENVIRONMENTAL_HEALTH",
                "GET /staff/queues/ENVIRONMENTAL_HEALTH?status=NEW&assigned=anyone",
                "POST /staff/cases/{council}/claim",
                "POST /staff/cases/{council}/updates",
                "POST /staff/cases/{council}/transfer",
                "POST /staff/cases/{council}/close",
                "POST /staff/cases/{council}/actions",
                "POST /staff/cases/{council}/actions/{action}/result",
                "POST /staff/cases/{police}/actions/{action}/result",
                "POST /staff/cases/{police}/links",
                "POST /staff/cases/{police}/merge",
                "POST /staff/cases/{police}/perpetrators/link",
                "POST /staff/cases/{council}/perpetrators/{perpetrator}/unlink",
                "API GET /api/v1/cases/{council}",
                "API GET /api/v1/cases/{council}/perpetrators?name=Council-only",
                "API GET /api/v1/cases/{police}/perpetrators?name=Council-only",
                "API GET /api/v1/queues/ENVIRONMENTAL_HEALTH/items",
                "API POST /api/v1/cases/{council}/claim",
                "API POST /api/v1/cases/{council}/updates",
                "API POST /api/v1/cases/{council}/transfer",
                "API POST /api/v1/cases/{council}/close",
                "API POST /api/v1/cases/{council}/actions",
                "API POST /api/v1/cases/{council}/actions/{action}/result",
                "API POST /api/v1/cases/{police}/actions/{action}/result",
                "API POST /api/v1/cases/{police}/links",
                "API POST /api/v1/cases/{police}/merge",
                "API POST /api/v1/cases/{police}/perpetrators",
                "API DELETE /api/v1/cases/{council}/perpetrators/{perpetrator}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("crossOrganisationAttempts")
    void staffOfAnotherOrganisationCannotReadOrChangeACase(String attempt) {
        Map<String, Long> before = database.checksums();

        Response response = send(attempt);

        if (attempt.contains("{police}")) {
            // The police's own case, naming the council's object in a field: refused as not found among
            // theirs (a form error on their own case), or, for a search, nothing found.
            List<Integer> refused = attempt.contains("perpetrators?name=") ? List.of(200) : List.of(400, 403, 404);
            assertTrue(refused.contains(response.statusCode()), attempt + ": refused, not " + response.statusCode() + " "
                    + response.asString());
        } else {
            assertTrue(response.statusCode() == 404 || response.statusCode() == 403,
                    attempt + ": refused, not " + response.statusCode() + " " + response.asString());
        }
        assertNoneOfTheCouncilsCase(attempt, response);
        List<String> changed = DatabaseState.changed(before, database.checksums());
        changed.remove("audit_entry");
        assertEquals(List.of(), changed, attempt + " changed tables");
        assertEquals(0, database.number("SELECT COUNT(*) FROM audit_entry a JOIN staff_account s ON s.username = a.actor "
                + "WHERE s.username = 'police' AND a.reference = '" + councils.reference() + "'"),
                attempt + ": no audit of the police reading or changing the council's case");
    }

    @Test
    void guessedAndSequentialReferencesLookExactlyLikeUnknownOnes() {
        Response unknown = police.get("/staff/cases/{reference}", "ASB-2222-2222");
        assertEquals(404, unknown.statusCode());
        List<String> guesses = new ArrayList<>(List.of(councils.reference(), councils.reference().toLowerCase(),
                " " + councils.reference() + " ", councils.reference().replace("-", "")));
        // Neighbours of the real reference: its last character stepped through letters and digits.
        String stem = councils.reference().substring(0, councils.reference().length() - 1);
        for (char last : "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray()) {
            if (!councils.reference().endsWith(String.valueOf(last))) {
                guesses.add(stem + last);
            }
        }
        for (String guess : guesses) {
            if (guess.equals(polices.reference())) {
                continue;
            }
            Response page = police.get("/staff/cases/{reference}", guess);
            Response api = StaffApi.as("police").get("/api/v1/cases/{reference}", guess);

            assertEquals(404, page.statusCode(), guess);
            assertEquals(404, api.statusCode(), guess);
            assertNoneOfTheCouncilsCase(guess, page);
            assertNoneOfTheCouncilsCase(guess, api);
        }
        for (long id = councilsAction - 2; id <= councilsAction + 2; id++) {
            Response result = StaffApi.as("police").body(StaffApi.json("status", "DONE", "result", "Guessed", "version", 0))
                    .post("/api/v1/cases/{reference}/actions/{id}/result", polices.reference(), id);
            assertEquals(404, result.statusCode(), "action " + id + ": " + result.asString());
        }
        assertEquals("OPEN", database.string("SELECT status FROM case_action WHERE id = " + councilsAction));
    }

    // ---------------------------------------------------------------- another victim's report

    @Test
    void aVictimCannotReadOrAddToAnotherVictimsReport() {
        Case mine = Cases.reportInto("COUNCIL_ASB");
        Case theirs = Cases.report(Cases.requestFor("COUNCIL_ASB")
                .with("description", "Their private description " + ReportRequests.unique()), "COUNCIL_ASB");
        String theirDescription = (String) theirs.request().get("description");
        Map<String, Long> before = database.checksums();

        List<Response> attempts = List.of(
                trackPage(theirs.reference(), mine.accessCode()),
                trackPage(theirs.reference(), mine.accessCode().toLowerCase()),
                trackPage(theirs.reference(), ""),
                trackPage(mine.reference() + "' OR '1'='1", mine.accessCode()),
                given().accept(ContentType.JSON).header("X-Access-Code", mine.accessCode())
                        .get("/api/v1/reports/{reference}", theirs.reference()),
                given().accept(ContentType.JSON).get("/api/v1/reports/{reference}", theirs.reference()),
                StaffSession.anonymous().post("/track/add", "reference", theirs.reference(), "accessCode", mine.accessCode(),
                        "kind", "INFORMATION", "text", "Planted by another victim"));

        for (Response response : attempts) {
            assertTrue(response.statusCode() == 404 || response.statusCode() == 401 || response.statusCode() == 400,
                    "refused, not " + response.statusCode() + " " + response.asString());
            assertFalse(response.asString().contains(theirDescription), "their description shown");
            assertFalse(response.asString().contains("Planted by another victim"));
        }
        List<String> changed = DatabaseState.changed(before, database.checksums());
        changed.remove("attempt_counter");
        assertEquals(List.of(), changed, "a victim's failed attempts changed nothing but the guessing counters");
        // The victim's own code still opens their own report, and only theirs.
        Response own = trackPage(mine.reference(), mine.accessCode());
        assertEquals(200, own.statusCode());
        assertFalse(own.asString().contains(theirDescription));
    }

    @Test
    void anApplicantCannotReadOrEscalateAnotherApplication() {
        Response mineCreated = Browsers.apply(Browsers.application(""));
        Response theirsCreated = Browsers.apply(Browsers.application("Their own account " + ReportRequests.unique()));
        assertEquals(201, mineCreated.statusCode(), mineCreated.asString());
        assertEquals(201, theirsCreated.statusCode(), theirsCreated.asString());
        String mine = mineCreated.path("accessCode");
        String theirs = theirsCreated.path("reference");
        Case report = Cases.reportInto("COUNCIL_ASB");
        Map<String, Long> before = database.checksums();

        List<Response> attempts = List.of(
                trackPage(theirs, mine),
                trackPage(theirs, report.accessCode()),
                given().accept(ContentType.JSON).header("X-Access-Code", mine)
                        .get("/api/v1/community-trigger/applications/{reference}", theirs),
                given().contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("accessCode", mine,
                        "reason", "Escalated by someone else")).post("/api/v1/community-trigger/applications/{reference}/escalation", theirs),
                StaffSession.anonymous().post("/community-trigger/escalation", "reference", theirs, "accessCode", mine,
                        "reason", "Escalated by someone else"));

        for (Response response : attempts) {
            boolean backToTrack = response.statusCode() == 303 && response.header("Location").matches("(https?://[^/]+)?/track");
            assertTrue(backToTrack || response.statusCode() == 404 || response.statusCode() == 401 || response.statusCode() == 400,
                    "refused, not " + response.statusCode() + " " + response.asString());
            assertFalse(response.asString().contains("Their own account"), "their words shown");
        }
        List<String> changed = DatabaseState.changed(before, database.checksums());
        changed.remove("attempt_counter");
        assertEquals(List.of(), changed);
    }

    // ---------------------------------------------------------------- roles and wards

    @Test
    void aCouncillorSeesOnlyTheirOwnWards() {
        StaffSession councillor = StaffSession.signIn("councillor");
        String other = database.string("SELECT code FROM ward WHERE code NOT IN ('E36001578', 'E36001582') ORDER BY code LIMIT 1");
        String otherName = database.string("SELECT name FROM ward WHERE code = '" + other + "'");

        councillor.get("/wards/E36001578").then().statusCode(200);
        for (String path : List.of("/wards/" + other, "/wards/" + other + "?from=2020-01&to=2030-12", "/wards/" + other + "/summary.csv",
                "/staff/district")) {
            Response response = given().cookies(councillor.sessionCookies())
                    .accept(path.endsWith(".csv") ? "text/csv" : "text/html").redirects().follow(false).get(path);
            assertEquals(403, response.statusCode(), path);
            assertFalse(response.asString().contains(otherName), path + " names the other ward");
        }
        Response api = StaffApi.as("councillor").get("/api/v1/wards/{code}/summary", other);
        assertEquals(403, api.statusCode(), api.asString());
        assertFalse(api.asString().contains(otherName));
        assertFalse(councillor.get("/wards").asString().contains("/wards/" + other + "\""), "the list links the other ward");
    }

    static Stream<String> staffWithoutTheAdminRole() {
        return Stream.of("coordinator", "caseworker", "triage", "police", "reviewer", "councillor");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("staffWithoutTheAdminRole")
    void staffWithoutTheAdminRoleCannotReachAdministration(String username) {
        StaffSession browser = StaffSession.signIn(username);
        browser.get("/track");
        Map<String, Long> before = database.checksums();
        long account = database.number("SELECT id FROM staff_account WHERE username = '" + username + "'");

        for (String path : List.of("/admin", "/admin/accounts", "/admin/accounts/" + account, "/admin/queues", "/admin/routing",
                "/admin/directory", "/admin/organisations", "/admin/audit?actor=admin", "/admin/wards")) {
            Response response = browser.get(path);
            assertEquals(403, response.statusCode(), username + " GET " + path);
            assertFalse(response.asString().contains("demo-password"), path);
        }
        List<Response> posts = List.of(
                browser.post("/admin/accounts/" + account, "displayName", "Promoted", "organisation", "PARTNERSHIP",
                        "roles", "ADMIN", "active", "true", "version", "0"),
                browser.post("/admin/accounts/new", "username", "planted-" + ReportRequests.unique(), "displayName", "Planted",
                        "organisation", "PARTNERSHIP", "roles", "ADMIN", "password", "planted-password-2026-long", "active", "true"),
                browser.post("/admin/organisations/new", "code", "PLANTED", "name", "Planted"),
                browser.post("/admin/queues/new", "code", "PLANTED", "name", "Planted", "organisation", "COUNCIL"));
        for (Response response : posts) {
            assertEquals(403, response.statusCode(), username + ": " + response.asString());
        }
        Response api = given().auth().preemptive().basic(username, "demo-password-2026").contentType("text/csv")
                .body(org.asbportal.figures.PoliceData.HEADER).post("/api/v1/admin/imports/police");
        assertEquals(403, api.statusCode(), username + " police import API");

        List<String> changed = DatabaseState.changed(before, database.checksums());
        changed.remove("audit_entry");
        assertEquals(List.of(), changed, username + " changed administration");
        assertFalse(database.string("SELECT roles FROM staff_account WHERE id = " + account).contains("ADMIN"));
    }

    @Test
    void staffWhoDoNotCoordinateCannotReachACommunityTriggerReview() {
        Response created = Browsers.apply(Browsers.application("Review-only words " + ReportRequests.unique()));
        assertEquals(201, created.statusCode());
        String reference = created.path("reference");
        for (String username : List.of("caseworker", "police", "triage", "councillor", "reviewer")) {
            StaffSession browser = StaffSession.signIn(username);
            for (String path : List.of("/staff/community-trigger", "/staff/community-trigger/" + reference,
                    "/staff/community-trigger/" + reference + "/letter")) {
                Response response = browser.get(path);
                assertEquals(403, response.statusCode(), username + " " + path);
                assertFalse(response.asString().contains("Review-only words"));
            }
            Response api = StaffApi.as(username).get("/api/v1/community-trigger/reviews/{reference}", reference);
            assertEquals(403, api.statusCode(), username + " review API");
            assertEquals(403, browser.post("/staff/community-trigger/" + reference + "/acknowledge", "version", "0").statusCode());
        }
        assertEquals(0, database.number("SELECT version FROM trigger_application WHERE reference = '" + reference + "'"));
    }

    // ---------------------------------------------------------------- PLEDGE organisations

    @Test
    void aPledgeOrganisationCannotReachAnotherOrganisationsAssessment() {
        String theirName = "Their Housing Trust " + ReportRequests.unique();
        PledgeContacts.Browser mine = PledgeContacts.registered("Our Parish Council " + ReportRequests.unique());
        PledgeContacts.Browser theirs = PledgeContacts.registered(theirName);
        long theirAssessment = theirs.startAssessment();
        long myAssessment = mine.startAssessment();
        String section = database.string("SELECT code FROM pledge_section ORDER BY id LIMIT 1");
        theirs.get("/pledge/assessments/" + theirAssessment).then().statusCode(200);
        mine.get("/pledge/assessments/" + myAssessment).then().statusCode(200);
        Map<String, Long> before = database.checksums();

        List<Supplier<Response>> attempts = new ArrayList<>();
        for (long id = theirAssessment - 2; id <= theirAssessment + 2; id++) {
            if (id == myAssessment) {
                continue;
            }
            long guess = id;
            for (String page : List.of("", "/sections/" + section, "/results", "/submit", "/report")) {
                attempts.add(() -> mine.get("/pledge/assessments/" + guess + page));
            }
            attempts.add(() -> mine.api().get("/api/v1/pledge/assessments/" + guess + "/answers"));
            attempts.add(() -> mine.api().get("/api/v1/pledge/assessments/" + guess + "/report"));
            attempts.add(() -> mine.api().body(Map.of("answers", List.of())).put("/api/v1/pledge/assessments/" + guess + "/answers"));
            attempts.add(() -> mine.api().body(Map.of("signedName", "Not them", "signedRole", "Clerk", "confirm", true))
                    .post("/api/v1/pledge/assessments/" + guess + "/submit"));
            attempts.add(() -> mine.post("/pledge/assessments/" + guess + "/sections/" + section, Map.of()));
            attempts.add(() -> mine.post("/pledge/assessments/" + guess + "/actions", "description", "Planted", "owner", "Us"));
            attempts.add(() -> mine.post("/pledge/assessments/" + guess + "/submit", "signedName", "Not them", "signedRole",
                    "Clerk", "confirm", "yes"));
        }
        for (Supplier<Response> attempt : attempts) {
            Response response = attempt.get();
            assertTrue(response.statusCode() == 404 || response.statusCode() == 403,
                    "refused, not " + response.statusCode() + " " + response.asString());
            assertFalse(response.asString().contains(theirName), "their organisation's name shown");
        }
        List<String> changed = DatabaseState.changed(before, database.checksums());
        changed.remove("pledge_session");
        assertEquals(List.of(), changed, "another organisation's assessment changed");
    }

    // ---------------------------------------------------------------- helpers

    private Response send(String attempt) {
        boolean api = attempt.startsWith("API ");
        String[] parts = (api ? attempt.substring(4) : attempt).split(" ");
        String path = parts[1].replace("{council}", councils.reference()).replace("{police}", polices.reference())
                .replace("{action}", String.valueOf(councilsAction)).replace("{perpetrator}", String.valueOf(councilsPerpetrator));
        String due = org.asbportal.web.TestDates.clockToday().plusDays(7).toString();
        if (!api) {
            if (parts[0].equals("GET")) {
                return police.get(path);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("version", "0");
            fields.put("text", "Planted by the police");
            fields.put("visibility", "public");
            fields.put("queue", "POLICE_NEIGHBOURHOOD");
            fields.put("reason", "Taking it");
            fields.put("outcome", "RESOLVED");
            fields.put("type", "WARNING");
            fields.put("description", "Planted action");
            fields.put("owner", "police");
            fields.put("dueOn-day", due.substring(8));
            fields.put("dueOn-month", due.substring(5, 7));
            fields.put("dueOn-year", due.substring(0, 4));
            fields.put("actionVersion", "0");
            fields.put("status", "DONE");
            fields.put("result", "Planted result");
            fields.put("otherReference", councils.reference());
            fields.put("perpetratorId", String.valueOf(councilsPerpetrator));
            return police.post(path, fields);
        }
        var request = StaffApi.as("police");
        return switch (parts[0]) {
            case "GET" -> request.get(path);
            case "DELETE" -> request.delete(path);
            default -> request.body(StaffApi.json("version", 0, "text", "Planted by the police", "public", true,
                    "queue", "POLICE_NEIGHBOURHOOD", "reason", "Taking it", "outcome", "RESOLVED", "type", "WARNING",
                    "description", "Planted action", "owner", "police", "dueOn", due, "status", "DONE", "result", "Planted result",
                    "reference", councils.reference(), "perpetratorId", councilsPerpetrator)).post(path);
        };
    }

    private void assertNoneOfTheCouncilsCase(String what, Response response) {
        String body = response.asString();
        assertFalse(body.contains((String) councils.request().get("description")), what + " shows the council's description");
        assertFalse(body.contains(councilsPerpetratorName), what + " shows the council's perpetrator");
        assertFalse(body.contains("Council-only action"), what + " shows the council's action");
        assertFalse(body.contains((String) councils.request().at("location.description")), what + " shows the place");
        assertFalse(body.contains("sam.resident@example.org"), what + " shows the victim's email");
    }

    private static Response trackPage(String reference, String accessCode) {
        return StaffSession.anonymous().post("/track", "reference", reference, "accessCode", accessCode);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
