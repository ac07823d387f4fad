package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.asbportal.trigger.TriggerRequests.PATH;
import static org.asbportal.trigger.TriggerRequests.citing;
import static org.asbportal.trigger.TriggerRequests.otherComplaint;
import static org.asbportal.trigger.TriggerRequests.portalReport;
import static org.asbportal.trigger.TriggerRequests.today;
import static org.asbportal.trigger.TriggerRequests.valid;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JSON API for Community Trigger applications, over real HTTP against the real database. */
@QuarkusTest
class TriggerApiTest {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String REFERENCE = "CT-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}";
    static final String ACCESS_CODE = "[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String QUALIFIES = "Made within 1 month of the behaviour and within 6 months before the application";

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void database() {
        clock.fixAt(TestDates.NOW);
        db = new ReportRows(dataSource);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    // ---------------------------------------------------------------- applying

    @Test
    void savesAnApplicationMeetingTheThresholdWithItsComplaintsAndSteps() {
        String first = portalReport(20);
        String second = portalReport(9);
        LocalDate policeDay = today().minusDays(4);
        Body request = citing(valid(), List.of(first, second),
                List.of(otherComplaint("Bedfordshire Police", policeDay.plusDays(1), policeDay)));

        Response response = submit(request);

        response.then().statusCode(201).contentType(ContentType.JSON)
                .body("reference", matchesPattern(REFERENCE))
                .body("accessCode", matchesPattern(ACCESS_CODE))
                .body("thresholdMet", equalTo(true))
                .body("qualifyingComplaints", equalTo(3))
                .body("threshold", equalTo(3))
                .body("steps.step", contains("ACKNOWLEDGE", "THRESHOLD_DECISION", "AGENCY_INFORMATION", "REVIEW_MEETING",
                        "OUTCOME"))
                .body("steps", everyItem(hasKey("completedAt")))
                .body("steps.completedAt", everyItem(nullValue()))
                .body("steps.dueBy", everyItem(notNullValue()))
                .body("complaints", hasSize(3))
                .body("complaints[0].source", equalTo("PORTAL"))
                .body("complaints[0].reference", equalTo(first))
                .body("complaints[0].qualifies", equalTo(true))
                .body("complaints[0].reason", equalTo(QUALIFIES))
                .body("complaints[0].toConfirm", equalTo(false))
                .body("complaints[0]", not(hasKey("agency")))
                .body("complaints[0]", not(hasKey("behaviourOn")))
                .body("complaints[1].reference", equalTo(second))
                .body("complaints[2].source", equalTo("OTHER_AGENCY"))
                .body("complaints[2].agency", equalTo("Bedfordshire Police"))
                .body("complaints[2].behaviourOn", equalTo(policeDay.toString()))
                .body("complaints[2]", not(hasKey("reference")))
                .body("complaints[2].qualifies", equalTo(true))
                .body("complaints[2].toConfirm", equalTo(true))
                .body("complaints[2].reason", equalTo(QUALIFIES + "; counted for now, to be confirmed with Bedfordshire Police"));
        String reference = response.path("reference");
        String accessCode = response.path("accessCode");
        assertTrue(response.header("Location").endsWith(PATH + "/" + reference), response.header("Location"));
        assertEquals((String) response.path("steps[1].dueBy"), response.path("decisionDueBy"));

        Row application = application(reference);
        assertEquals("RECEIVED", application.string("status"));
        assertEquals("Alex Applicant", application.string("applicant_name"));
        assertEquals("alex.applicant@example.org", application.string("applicant_email"));
        assertEquals("PERSON", application.string("applicant_type"));
        assertEquals(request.description(), application.string("description"));
        assertEquals(today(), application.date("received_on"));
        assertEquals(3, application.number("qualifying_complaints"));
        assertTrue(application.bool("threshold_met"));
        assertEquals("API", application.string("channel"));
        String hash = application.string("access_code_hash");
        assertTrue(hash.startsWith("hmac-sha256$"), hash);
        assertFalse(hash.contains(accessCode.replace("-", "")), "access code stored in clear");

        List<Row> complaints = db.rows("SELECT c.*, r.reference AS linked FROM trigger_complaint c "
                + "LEFT JOIN report r ON r.id = c.report_id WHERE c.application_id = ? ORDER BY c.position",
                application.get("id"));
        assertEquals(List.of(first, second), complaints.subList(0, 2).stream().map(c -> c.string("linked")).toList());
        assertEquals(today().minusDays(20), complaints.get(0).date("behaviour_on"));
        assertEquals(today(), complaints.get(0).date("reported_on"));
        assertNull(complaints.get(2).get("report_id"));
        assertTrue(complaints.get(2).bool("to_confirm"));

        List<Row> steps = steps(application);
        assertEquals(5, steps.size());
        LocalDate previous = today();
        for (Row step : steps) {
            LocalDate due = step.date("due_by");
            assertTrue(due.isAfter(previous), step.string("step") + " due " + due + " after " + previous);
            assertFalse(due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY, due.toString());
            assertNull(step.get("completed_at"));
            previous = due;
        }
        assertEquals(List.of("RECEIVED", "ASSESSED"), eventKinds(application));
    }

    @Test
    void countsTheSameIncidentReportedToTwoAgenciesOnceAndSaysTheThresholdIsNotMet() {
        LocalDate day = today().minusDays(10);
        Body request = citing(valid(), List.of(portalReport(3)), List.of(
                otherComplaint("Bedfordshire Police", day, day),
                otherComplaint("bpha housing", day.plusDays(2), day)));

        submit(request).then().statusCode(201)
                .body("thresholdMet", equalTo(false))
                .body("qualifyingComplaints", equalTo(2))
                .body("complaints.qualifies", contains(true, true, false))
                .body("complaints[2].reason", equalTo("Same incident as complaint 2, counted once"))
                .body("complaints[2].sameIncidentAs", equalTo(2));
    }

    @Test
    void explainsWhyAPortalReportMadeTooLongAfterTheBehaviourDoesNotQualify() {
        submit(citing(valid(), List.of(portalReport(40)), List.of())).then().statusCode(201)
                .body("qualifyingComplaints", equalTo(0))
                .body("complaints[0].qualifies", equalTo(false))
                .body("complaints[0].reason",
                        equalTo("Reported 40 days after the behaviour: complaints must be made within 1 month"));
    }

    @Test
    void aPortalReferenceThatDoesNotExistIsLeftToConfirmWithoutSayingSo() {
        String known = portalReport(2);
        String unknown = "ASB-2222-2222".equals(known) ? "ASB-3333-3333" : "ASB-2222-2222";

        Response response = submit(citing(valid(), List.of(unknown.toLowerCase(), known), List.of()));

        response.then().statusCode(201)
                .body("complaints[0].reference", equalTo(unknown))
                .body("complaints[0].qualifies", equalTo(false))
                .body("complaints[0].toConfirm", equalTo(true))
                .body("complaints[0].reason", equalTo(ThresholdRules.PORTAL_TO_CONFIRM))
                .body("complaints[1].qualifies", equalTo(true))
                .body("qualifyingComplaints", equalTo(1));
        Row complaint = db.rows("SELECT * FROM trigger_complaint WHERE application_id = ? AND position = 1",
                application(response.path("reference")).get("id")).get(0);
        assertEquals(unknown, complaint.string("report_reference"));
        assertNull(complaint.get("report_id"));
    }

    @Test
    void savesAnApplicationMadeOnBehalfOfTheVictimWithTheirConsent() {
        Body request = citing(valid(), List.of(portalReport(5)), List.of())
                .with("onBehalfOf", Map.of("name", "Pat Victim", "relationship", "Ward councillor"))
                .with("consent", true);

        String reference = submit(request).then().statusCode(201).extract().path("reference");

        Row application = application(reference);
        assertEquals("Pat Victim", application.string("on_behalf_of_name"));
        assertEquals("Ward councillor", application.string("on_behalf_of_relationship"));
        assertTrue(application.bool("victim_consent"));
        assertEquals(List.of("RECEIVED", "ASSESSED", "ON_BEHALF"), eventKinds(application));
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void replaysTheSavedApplicationWhenTheSameRequestIsSentAgainWithItsKey() {
        Body request = citing(valid(), List.of(portalReport(6)), List.of());
        String key = UUID.randomUUID().toString();

        Response first = submit(request, key);
        Response again = submit(request.copy().with("captchaToken", "a-new-token"), key);

        first.then().statusCode(201);
        again.then().statusCode(201)
                .body("reference", equalTo(first.path("reference")))
                .body("accessCode", equalTo(first.path("accessCode")))
                .body("steps.dueBy", equalTo(first.path("steps.dueBy")))
                .body("complaints.reason", equalTo(first.path("complaints.reason")));
        assertEquals(1, countWithDescription(request.description()));
        given().header("X-Access-Code", (String) again.path("accessCode"))
                .when().get(PATH + "/{reference}", (String) first.path("reference"))
                .then().statusCode(200);
    }

    @Test
    void savesOneApplicationWhenTheSameRequestAndKeyArriveTogether() throws Exception {
        Body request = citing(valid(), List.of(portalReport(6)), List.of());
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sent.add(clients.submit(() -> submit(request, key)));
            }
            Set<String> references = new HashSet<>();
            for (Future<Response> response : sent) {
                Response answer = response.get(60, TimeUnit.SECONDS);
                assertEquals(201, answer.statusCode(), answer.asString());
                references.add(answer.path("reference"));
            }
            assertEquals(1, references.size(), references.toString());
        } finally {
            clients.shutdownNow();
        }
        assertEquals(1, countWithDescription(request.description()));
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentApplication() {
        Body request = citing(valid(), List.of(portalReport(6)), List.of());
        Body different = request.copy().with("description", request.description() + " and more");
        String key = UUID.randomUUID().toString();
        submit(request, key).then().statusCode(201);

        submit(different, key).then().statusCode(422).contentType(PROBLEM_JSON)
                .body("title", equalTo("Idempotency-Key reused"));

        assertEquals(0, countWithDescription(different.description()));
    }

    @Test
    void savesTwoApplicationsWhenTheSameRequestIsSentTwiceWithoutAKey() {
        Body request = citing(valid(), List.of(portalReport(6)), List.of());

        submit(request).then().statusCode(201);
        submit(request).then().statusCode(201);

        assertEquals(2, countWithDescription(request.description()));
    }

    // ---------------------------------------------------------------- validation

    @Test
    void refusesAnAnonymousApplication() {
        Body request = citing(valid(), List.of(portalReport(6)), List.of()).without("applicant");

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("applicant"))
                .body("errors[0].message", containsString("cannot be anonymous"));
        assertEquals(0, countWithDescription(request.description()));
    }

    @Test
    void asksForANameAndAWayToContactTheApplicant() {
        Body request = citing(valid(), List.of(portalReport(6)), List.of())
                .with("applicant.name", " ").without("applicant.email").without("applicant.phone");

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("applicant.name", "applicant.email"))
                .body("errors[0].message", equalTo("Enter your name: a Community Trigger application cannot be anonymous"))
                .body("errors[1].message",
                        equalTo("Enter an email address or a telephone number so we can contact you about your application"));
        assertEquals(0, countWithDescription(request.description()));
    }

    @Test
    void listsEveryProblemInTheOrderTheQuestionsAreAsked() {
        LocalDate day = today().minusDays(3);
        Body request = valid()
                .with("applicant.email", "not-an-email")
                .with("onBehalfOf", Map.of("name", "Pat Victim", "relationship", "Neighbour"))
                .without("impact")
                .without("hateMotivated")
                .with("reportReferences", List.of("ASB-22", "ASB-2222-2222", "asb-2222-2222"))
                .with("otherComplaints", List.of(
                        otherComplaint("", day, day),
                        otherComplaint("Bedfordshire Police", day.minusDays(1), day),
                        Map.of("agency", "Council", "reportedOn", "20/11/2026", "behaviourOn", today().plusDays(1).toString())));

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("applicant.email", "consent", "impact", "hateMotivated",
                        "reportReferences[0]", "reportReferences[2]", "otherComplaints[0].agency",
                        "otherComplaints[1].reportedOn", "otherComplaints[2].behaviourOn", "otherComplaints[2].reportedOn"))
                .body("errors[1].message", containsString("with their agreement"))
                .body("errors[4].message", equalTo("Enter a report reference as it is on your confirmation, like ASB-7KQ4-M9XP"))
                .body("errors[5].message", equalTo("You have already listed this reference"))
                .body("errors[7].message",
                        equalTo("The date you complained must be the same as or after the date the behaviour happened"))
                .body("errors[8].message", equalTo("The date the behaviour happened must be today or in the past"))
                .body("errors[9].message", equalTo("Enter the date you complained as year-month-day, like 2026-11-20"));
        assertEquals(0, countWithDescription(request.description()));
    }

    @Test
    void asksForAtLeastOneComplaint() {
        Body request = valid();

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("reportReferences"))
                .body("errors[0].message", startsWith("Tell us about at least one complaint you made"));
    }

    @Test
    void namesTheApplicantTypesAllowed() {
        submit(citing(valid(), List.of(portalReport(6)), List.of()).with("applicant.type", "COMPANY"))
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("applicant.type"))
                .body("errors[0].message", equalTo("Must be one of: PERSON, BUSINESS, COMMUNITY_GROUP"));
    }

    @Test
    void refusesABodyThatIsNotAJsonObject() {
        given().contentType(ContentType.JSON).body("null").when().post(PATH)
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("body"));
    }

    // ---------------------------------------------------------------- following an application

    @Test
    void showsTheApplicationToTheHolderOfItsAccessCode() {
        Response saved = submit(citing(valid(), List.of(portalReport(8)), List.of()));
        String reference = saved.path("reference");
        String accessCode = saved.path("accessCode");

        Response status = given().header("X-Access-Code", " " + accessCode.toLowerCase().replace("-", " ") + " ")
                .when().get(PATH + "/{reference}", " " + reference.toLowerCase());

        status.then().statusCode(200).contentType(ContentType.JSON)
                .body("reference", equalTo(reference))
                .body("status", equalTo("RECEIVED"))
                .body("statusDescription", startsWith("We have received your application"))
                .body("receivedOn", equalTo(today().toString()))
                .body("thresholdMet", equalTo(false))
                .body("qualifyingComplaints", equalTo(1))
                .body("threshold", equalTo(3))
                .body("steps.step", contains("ACKNOWLEDGE", "THRESHOLD_DECISION", "AGENCY_INFORMATION", "REVIEW_MEETING",
                        "OUTCOME"))
                .body("steps.dueBy", equalTo(saved.path("steps.dueBy")))
                .body("complaints.reason", equalTo(saved.path("complaints.reason")))
                .body("updates", hasSize(1))
                .body("updates[0].message", equalTo("We received your Community Trigger application."))
                .body("updates[0].at", notNullValue())
                .body("$", not(hasKey("accessCode")));
        String body = status.asString();
        assertFalse(body.contains("Alex Applicant") || body.contains("alex.applicant@example.org"), body);
        assertFalse(body.contains("First assessment"), "internal history shown: " + body);
    }

    @Test
    void answersAWrongCodeAnUnknownReferenceAndNoCodeAlike() {
        Response saved = submit(citing(valid(), List.of(portalReport(8)), List.of()));
        String reference = saved.path("reference");
        String unknown = "CT-2222-2222".equals(reference) ? "CT-3333-3333" : "CT-2222-2222";

        Response wrongCode = given().header("X-Access-Code", "2222-2222-2222").when().get(PATH + "/{reference}", reference);
        Response unknownReference = given().header("X-Access-Code", (String) saved.path("accessCode"))
                .when().get(PATH + "/{reference}", unknown);
        Response noCode = given().when().get(PATH + "/{reference}", reference);

        for (Response response : List.of(wrongCode, unknownReference, noCode)) {
            response.then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("status", equalTo(404))
                    .body("detail", equalTo("No application matches this reference and access code"))
                    .body(not(containsString("Exception")));
        }
        assertEquals(without(wrongCode, "instance"), without(unknownReference, "instance"));
        assertEquals(without(wrongCode, "instance"), without(noCode, "instance"));
    }

    // ---------------------------------------------------------------- helpers

    static Response submit(Body request) {
        return given().contentType(ContentType.JSON).body(request.json().getBytes(StandardCharsets.UTF_8)).when().post(PATH);
    }

    static Response submit(Body request, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(request.json().getBytes(StandardCharsets.UTF_8)).when().post(PATH);
    }

    private static Map<String, Object> without(Response response, String field) {
        Map<String, Object> body = new java.util.HashMap<>(response.jsonPath().getMap("$"));
        assertNotNull(body.remove(field));
        return body;
    }

    private Row application(String reference) {
        List<Row> rows = db.rows("SELECT * FROM trigger_application WHERE reference = ?", reference);
        assertEquals(1, rows.size(), "applications " + reference);
        return rows.get(0);
    }

    private List<Row> steps(Row application) {
        return db.rows("SELECT * FROM trigger_step WHERE application_id = ? ORDER BY position", application.get("id"));
    }

    private List<String> eventKinds(Row application) {
        return db.rows("SELECT kind FROM trigger_event WHERE application_id = ? ORDER BY occurred_at, id",
                application.get("id")).stream().map(row -> row.string("kind")).toList();
    }

    private int countWithDescription(String description) {
        return db.count("SELECT COUNT(*) FROM trigger_application WHERE description = ?", description);
    }
}
