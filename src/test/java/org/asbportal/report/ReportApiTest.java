package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** The JSON API for residents' reports, over real HTTP against the real database. */
@QuarkusTest
class ReportApiTest {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final String REFERENCE = "ASB-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}";
    static final String ACCESS_CODE = "[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}";
    static final String PROBLEM_JSON = "application/problem+json";
    static final String CASTLE = "E36001578";

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

    // ---------------------------------------------------------------- reference data

    @Test
    void listsTheFifteenCategoriesWithCodeNameAndGroup() {
        given().accept(ContentType.JSON)
                .when().get("/api/v1/categories")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("", hasSize(15))
                .body("code", everyItem(matchesPattern("[A-Z_]+")))
                .body("name", everyItem(notNullValue()))
                .body("group", everyItem(org.hamcrest.Matchers.in(List.of("PERSONAL", "NUISANCE", "ENVIRONMENTAL"))))
                .body("[0].code", equalTo("INTIMIDATION"))
                .body("[0].name", equalTo("Intimidation or harassment"))
                .body("[0].group", equalTo("PERSONAL"))
                .body("code", hasItem("NOISE"))
                .body("code[14]", equalTo("ABANDONED_VEHICLE"));
    }

    @Test
    void listsTheTwentySevenBedfordWardsWithCodeAndName() {
        given().accept(ContentType.JSON)
                .when().get("/api/v1/wards")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                // wards other tests add for their fixtures have codes starting TW; every other ward is Bedford's
                .body("findAll { !it.code.startsWith('TW') }", hasSize(27))
                .body("findAll { it.code.startsWith('E36') }", hasSize(27))
                .body("code", everyItem(matchesPattern("[A-Z0-9]+")))
                .body("name", everyItem(notNullValue()))
                .body("find { it.code == 'E36001578' }.name", equalTo("Castle"))
                .body("find { it.code == 'E36001576' }.name", equalTo("Brickhill"));
    }

    // ---------------------------------------------------------------- submitting

    @Test
    void savesAValidReportAndRoutesItToOneQueue() {
        Body request = ReportRequests.valid().with("location.wardCode", CASTLE);

        Response response = submit(request);

        response.then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("reference", matchesPattern(REFERENCE))
                .body("accessCode", matchesPattern(ACCESS_CODE))
                .body("riskLevel", equalTo("STANDARD"))
                .body("queue", equalTo("ENVIRONMENTAL_HEALTH"))
                .body("queueName", equalTo("Environmental health"))
                .body("wardCode", equalTo(CASTLE))
                .body("firstContactDueBy", notNullValue())
                .body("verified", equalTo(true))
                .body("possibleDuplicate", equalTo(false));
        String reference = response.path("reference");
        String accessCode = response.path("accessCode");
        assertTrue(response.header("Location").endsWith("/api/v1/reports/" + reference), response.header("Location"));

        Row report = db.report(reference);
        assertEquals("RECEIVED", report.string("status"));
        assertEquals("NOISE", report.string("category_code"));
        assertEquals(request.description(), report.string("description"));
        assertEquals(CASTLE, report.string("ward_code"));
        assertEquals(LocalDate.parse((String) request.get("occurredAt")), report.date("occurred_on"));
        assertEquals("Sam Resident", report.string("reporter_name"));
        assertEquals("sam.resident@example.org", report.string("reporter_email"));
        assertEquals("API", report.string("channel"));
        assertEquals("NOT_REQUIRED", report.string("captcha_outcome"));
        assertEquals("STANDARD", report.string("risk_level"));
        assertFalse(report.bool("anonymous"));

        String hash = report.string("access_code_hash");
        assertTrue(hash.startsWith("hmac-sha256$"), hash);
        assertFalse(hash.contains(accessCode), "access code stored in clear");
        assertFalse(hash.contains(accessCode.replace("-", "")), "access code stored in clear");

        Row item = db.queueItem(reference);
        assertEquals("ENVIRONMENTAL_HEALTH", item.string("queue_code"));
        assertEquals("NEW", item.string("status"));
        assertEquals("STANDARD", item.string("risk_level"));
        LocalDate due = item.date("first_contact_due_by");
        assertEquals(due.toString(), response.path("firstContactDueBy"));
        LocalDate today = TestDates.today();
        assertTrue(due.isAfter(today.plusDays(4)) && !due.isAfter(today.plusDays(9)), "due " + due);
        assertFalse(due.getDayOfWeek() == DayOfWeek.SATURDAY || due.getDayOfWeek() == DayOfWeek.SUNDAY);

        assertEquals(List.of("RECEIVED", "SCREENED", "ROUTED"), db.eventKinds(reference));
        assertTrue(db.equality(reference).isEmpty(), "no equality answers were given");
        assertTrue(db.linksFrom(reference).isEmpty());
    }

    @Test
    void storesADescriptionWithUnicodeEmojiLineBreaksAndMarkupExactly() {
        String description = "Ça suffit! Łódź – «شارع» 日本語 😡🔊👮🏽‍♀️\r\nSecond line\n\tindented "
                + "<script>alert('x')</script> & \"quotes\" " + ReportRequests.unique();
        Body request = ReportRequests.valid().with("description", description)
                .with("location.description", "Café “Le Coin” <b>corner</b> " + ReportRequests.unique());

        String reference = submit(request).then().statusCode(201).extract().path("reference");

        Row report = db.report(reference);
        assertEquals(description, report.string("description"));
        assertEquals(request.at("location.description"), report.string("location_description"));
    }

    @Test
    void routesAHighRiskReportToTheVulnerabilityHubWithANextWorkingDayTarget() {
        Body request = ReportRequests.valid().with("categoryCode", "NEIGHBOUR")
                .with("risk.impact", "SEVERE").with("risk.feelsUnsafeAtHome", true).with("stillHappening", true);

        Response response = submit(request);

        response.then().statusCode(201).body("riskLevel", equalTo("HIGH")).body("queue", equalTo("VULNERABILITY_HUB"));
        String reference = response.path("reference");
        Row report = db.report(reference);
        assertEquals("HIGH", report.string("risk_level"));
        assertEquals(8, report.number("risk_score"));
        assertTrue(report.string("risk_reasons").contains("Feels unsafe at home"), report.string("risk_reasons"));
        Row item = db.queueItem(reference);
        assertEquals("VULNERABILITY_HUB", item.string("queue_code"));
        LocalDate today = TestDates.today();
        assertTrue(item.date("first_contact_due_by").isAfter(today)
                && !item.date("first_contact_due_by").isAfter(today.plusDays(4)), item.string("first_contact_due_by"));
    }

    @Test
    void keepsEqualityMonitoringAnswersApartFromTheReport() {
        Body request = ReportRequests.valid()
                .with("equality", Map.of("ageBand", "AGE_35_TO_44", "sex", "FEMALE", "disability", "PREFER_NOT_TO_SAY"));

        String reference = submit(request).then().statusCode(201).extract().path("reference");

        Row equality = db.equality(reference).orElseThrow();
        assertEquals("AGE_35_TO_44", equality.string("age_band"));
        assertEquals("FEMALE", equality.string("sex"));
        assertNull(equality.get("ethnicity"));
        assertEquals("PREFER_NOT_TO_SAY", equality.string("disability"));
    }

    @Test
    void assignsTheWardFromAMapPointInsideBedford() {
        Body request = ReportRequests.valid().with("categoryCode", "GRAFFITI_DAMAGE")
                .with("location.latitude", 52.137122).with("location.longitude", -0.466377);

        Response response = submit(request);

        response.then().statusCode(201).body("wardCode", equalTo(CASTLE));
        Row report = db.report(response.path("reference"));
        assertEquals(CASTLE, report.string("ward_code"));
        assertEquals(0, new BigDecimal("52.137122").compareTo((BigDecimal) report.get("latitude")));
        assertEquals(0, new BigDecimal("-0.466377").compareTo((BigDecimal) report.get("longitude")));
    }

    @Test
    void acceptsAMapPointOutsideTheDistrictWithoutAWard() {
        Body request = ReportRequests.valid().with("categoryCode", "FLY_TIPPING")
                .with("location.latitude", 51.5).with("location.longitude", -0.12);

        Response response = submit(request);

        response.then().statusCode(201).body("wardCode", nullValue());
        Row report = db.report(response.path("reference"));
        assertNull(report.get("ward_code"));
        assertEquals(1, db.queueItems(response.path("reference")).size());
    }

    @Test
    void linksAReportNearAnEarlierOneOfTheSameKindAsAPossibleDuplicate() {
        LocalDate day = ReportRequests.uniqueDate();
        Body first = ReportRequests.valid().with("categoryCode", "STREET_DRINKING").with("occurredAt", day.toString())
                .with("location.latitude", 52.1360).with("location.longitude", -0.4660);
        Body second = ReportRequests.valid().with("categoryCode", "STREET_DRINKING").with("occurredAt", day.minusDays(2).toString())
                .with("location.latitude", 52.1365).with("location.longitude", -0.4660);
        Body elsewhere = ReportRequests.valid().with("categoryCode", "STREET_DRINKING").with("occurredAt", day.toString())
                .with("location.latitude", 52.1500).with("location.longitude", -0.4660);

        String firstReference = submit(first).then().statusCode(201).body("possibleDuplicate", equalTo(false))
                .extract().path("reference");
        String secondReference = submit(second).then().statusCode(201).body("possibleDuplicate", equalTo(true))
                .extract().path("reference");
        String elsewhereReference = submit(elsewhere).then().statusCode(201).body("possibleDuplicate", equalTo(false))
                .extract().path("reference");

        List<Row> links = db.linksFrom(secondReference);
        assertEquals(1, links.size());
        assertEquals(firstReference, links.get(0).string("linked_reference"));
        assertEquals("POSSIBLE_DUPLICATE_NEARBY", links.get(0).string("reason"));
        long metres = links.get(0).number("distance_metres");
        assertTrue(metres > 40 && metres < 70, metres + " m");
        assertTrue(db.report(firstReference).bool("possible_duplicate"), "the earlier report is flagged too");
        assertTrue(db.eventKinds(secondReference).contains("POSSIBLE_DUPLICATE"));
        assertTrue(db.linksFrom(elsewhereReference).isEmpty(), "1.6 km away is not a duplicate");
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void returnsTheSameReportWhenTheSameSubmissionIsRetriedWithItsKey() {
        Body request = ReportRequests.valid();
        String key = UUID.randomUUID().toString();

        Response first = submit(request, key);
        Response second = submit(request, key);

        first.then().statusCode(201);
        second.then().statusCode(201);
        assertEquals((String) first.path("reference"), second.path("reference"));
        assertEquals((String) first.path("accessCode"), second.path("accessCode"));
        assertEquals(1, db.countReportsWithDescription(request.description()));
        assertEquals(1, db.queueItems(first.path("reference")).size());
        String hash = db.report(first.path("reference")).string("idempotency_key");
        assertNotEquals(key, hash, "the key is stored hashed");
        // The access code of the replay opens the report.
        given().header("X-Access-Code", (String) second.path("accessCode"))
                .when().get("/api/v1/reports/{reference}", (String) first.path("reference"))
                .then().statusCode(200);
    }

    @Test
    void refusesAnIdempotencyKeyReusedForADifferentSubmission() {
        Body request = ReportRequests.valid();
        Body different = request.copy().with("description", request.description() + " and more");
        String key = UUID.randomUUID().toString();
        submit(request, key).then().statusCode(201);

        submit(different, key).then().statusCode(422)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(422))
                .body("title", equalTo("Idempotency-Key reused"))
                .body("detail", containsString("different request"));

        assertEquals(1, db.countReportsWithDescription(request.description()));
        assertEquals(0, db.countReportsWithDescription(different.description()));
    }

    @Test
    void savesTwoReportsWhenTheSameSubmissionIsSentTwiceWithoutAKey() {
        Body request = ReportRequests.valid();

        String first = submit(request).then().statusCode(201).extract().path("reference");
        String second = submit(request).then().statusCode(201).extract().path("reference");

        assertNotEquals(first, second);
        assertEquals(2, db.countReportsWithDescription(request.description()));
    }

    @Test
    void rejectsAnIdempotencyKeyOver255Characters() {
        Body request = ReportRequests.valid();

        submit(request, "k".repeat(256)).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("Idempotency-Key"));
        assertEquals(0, db.countReportsWithDescription(request.description()));

        String longest = UUID.randomUUID() + "k".repeat(255 - 36);
        submit(request, longest).then().statusCode(201);
        assertEquals(1, db.countReportsWithDescription(request.description()));
    }

    private void unused() {
        Body request = ReportRequests.valid();

        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    // ---------------------------------------------------------------- tracking

    @Test
    void showsTheReportToTheHolderOfItsAccessCode() {
        Response saved = submit(ReportRequests.valid().with("categoryCode", "ANIMAL"));
        String reference = saved.path("reference");

        given().header("X-Access-Code", (String) saved.path("accessCode"))
                .when().get("/api/v1/reports/{reference}", reference)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("reference", equalTo(reference))
                .body("status", equalTo("RECEIVED"))
                .body("statusDescription", notNullValue())
                .body("category", equalTo("Animal nuisance"))
                .body("submittedAt", notNullValue())
                .body("updates", hasSize(1))
                .body("updates[0].message", equalTo("We received your report."))
                .body("updates[0].at", notNullValue())
                // Internal history (risk screening, routing) is never shown.
                .body(not(containsString("Routed")))
                .body(not(containsString("Risk")));
    }

    @Test
    void findsTheReportWhateverTheCaseAndSpacingOfTheReferenceAndCode() {
        Response saved = submit(ReportRequests.valid().with("categoryCode", "BEGGING"));
        String reference = saved.path("reference");
        String accessCode = saved.path("accessCode");

        given().header("X-Access-Code", " " + accessCode.toLowerCase().replace("-", " ") + " ")
                .when().get("/api/v1/reports/{reference}", "  " + reference.toLowerCase() + " ")
                .then().statusCode(200)
                .body("reference", equalTo(reference));
    }

    @Test
    void answersAWrongCodeAndAnUnknownReferenceAlike() {
        Response saved = submit(ReportRequests.valid().with("categoryCode", "TRESPASS"));
        String reference = saved.path("reference");
        String unknown = "ASB-2222-2222".equals(reference) ? "ASB-3333-3333" : "ASB-2222-2222";

        Response wrongCode = given().header("X-Access-Code", "2222-2222-2222")
                .when().get("/api/v1/reports/{reference}", reference);
        Response unknownReference = given().header("X-Access-Code", (String) saved.path("accessCode"))
                .when().get("/api/v1/reports/{reference}", unknown);
        Response noCode = given().when().get("/api/v1/reports/{reference}", reference);

        for (Response response : List.of(wrongCode, unknownReference, noCode)) {
            response.then().statusCode(404).contentType(PROBLEM_JSON)
                    .body("status", equalTo(404))
                    .body("title", equalTo("Page not found"))
                    .body("detail", equalTo("No report matches this reference and access code"))
                    .body("instance", startsWith("/api/v1/reports/"))
                    .body(not(containsString("Exception")));
        }
        assertEquals(withoutInstance(wrongCode), withoutInstance(unknownReference));
        assertEquals(withoutInstance(wrongCode), withoutInstance(noCode));
    }

    private static Map<String, Object> withoutInstance(Response response) {
        Map<String, Object> body = new java.util.HashMap<>(response.jsonPath().getMap(""));
        body.remove("instance");
        return body;
    }

    // ---------------------------------------------------------------- validation

    @Test
    void listsEveryMissingAnswerOfAnEmptyReportInTheOrderTheyAreAsked() {
        submitJson("{}").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Your request has problems"))
                .body("status", equalTo(400))
                .body("detail", notNullValue())
                .body("instance", equalTo("/api/v1/reports"))
                .body("errors.field", contains("categoryCode", "location", "occurredAt", "stillHappening",
                        "description", "risk", "reporter.role", "consentToShare"))
                .body("errors.message", everyItem(not(org.hamcrest.Matchers.emptyOrNullString())));
    }

    @Test
    void rejectsADescriptionOver4000Characters() {
        Body request = ReportRequests.valid().with("description", "x".repeat(4000) + ReportRequests.unique());

        assertRejected(request, "description");
        // Exactly 4,000 characters, counted as characters not bytes, is fine.
        Body atLimit = ReportRequests.valid().with("description", ReportRequests.unique() + "é".repeat(3992));
        submit(atLimit).then().statusCode(201);
        assertEquals(1, db.countReportsWithDescription(atLimit.description()));
    }

    @Test
    void rejectsAnUnknownCategory() {
        assertRejected(ReportRequests.valid().with("categoryCode", "PARKING"), "categoryCode")
                .body("errors[0].message", containsString("from the list"));
    }

    @Test
    void rejectsAnUnknownWard() {
        assertRejected(ReportRequests.valid().with("location.wardCode", "E99999999"), "location.wardCode");
    }

    @Test
    void rejectsADateInTheFuture() {
        String future = TestDates.today().plusDays(2).toString();
        assertRejected(ReportRequests.valid().with("occurredAt", future), "occurredAt");
        assertRejected(ReportRequests.valid().with("occurredAt", future + "T10:00"), "occurredAt");
    }

    @Test
    void rejectsADateMoreThanTenYearsAgo() {
        String past = TestDates.today().minusYears(11).toString();
        assertRejected(ReportRequests.valid().with("occurredAt", past), "occurredAt");
    }

    @Test
    void acceptsADateWithTimeAndOffsetAndStoresTheLocalTime() {
        LocalDate day = ReportRequests.uniqueDate();
        Body request = ReportRequests.valid().with("occurredAt", day + "T21:30:00Z");

        String reference = submit(request).then().statusCode(201).extract().path("reference");

        Row report = db.report(reference);
        assertEquals(day, report.date("occurred_on"));
        String time = report.string("occurred_time");
        assertTrue(time.startsWith("21:30") || time.startsWith("22:30"), time);
    }

    @Test
    void rejectsADateThatIsNotIso8601() {
        for (String bad : List.of("20/11/2025", "2025-02-30", "yesterday", "2025-11-20T25:00", "2025-11-20 21:30")) {
            assertRejected(ReportRequests.valid().with("occurredAt", bad), "occurredAt")
                    .body("errors[0].message", containsString("ISO-8601"));
        }
    }

    @Test
    void rejectsALatitudeWithoutALongitude() {
        assertRejected(ReportRequests.valid().with("location.latitude", 52.13), "location.longitude");
        assertRejected(ReportRequests.valid().with("location.longitude", -0.46), "location.latitude");
    }

    @Test
    void rejectsALatitudeOutOfRange() {
        assertRejected(ReportRequests.valid().with("location.latitude", 91).with("location.longitude", 0),
                "location.latitude");
        assertRejected(ReportRequests.valid().with("location.latitude", 52).with("location.longitude", -180.5),
                "location.longitude");
    }

    @Test
    void rejectsAnInvalidEmailAddress() {
        assertRejected(ReportRequests.valid().with("reporter.email", "not-an-email"), "reporter.email")
                .body("errors[0].message", containsString("correct format"));
    }

    @Test
    void rejectsAnInvalidPhoneNumber() {
        assertRejected(ReportRequests.valid().with("reporter.phone", "call me maybe"), "reporter.phone");
    }

    @Test
    void asksANamedReporterForTheirNameAndAWayToContactThem() {
        Body request = ReportRequests.valid().without("reporter.name").without("reporter.email")
                .without("reporter.phone").without("reporter.preferredContact");

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("reporter.name", "reporter.email"));
        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    @Test
    void asksForAnEmailAddressWhenEmailIsThePreferredContact() {
        assertRejected(ReportRequests.valid().without("reporter.email"), "reporter.preferredContact");
    }

    @Test
    void acceptsAnAnonymousReportWithoutContactDetails() {
        Body request = ReportRequests.valid().with("anonymous", true).with("reporter", Map.of("role", "WITNESS"));

        String reference = submit(request).then().statusCode(201).extract().path("reference");

        Row report = db.report(reference);
        assertTrue(report.bool("anonymous"));
        assertEquals("WITNESS", report.string("reporter_role"));
        assertNull(report.get("reporter_name"));
    }

    @Test
    void keepsNoContactDetailsOfAnAnonymousReporterEvenIfSent() {
        Body request = ReportRequests.valid().with("anonymous", true);

        String reference = submit(request).then().statusCode(201).extract().path("reference");

        Row report = db.report(reference);
        assertTrue(report.bool("anonymous"));
        assertNull(report.get("reporter_name"));
        assertNull(report.get("reporter_email"));
        assertNull(report.get("reporter_phone"));
        assertNull(report.get("preferred_contact"));
    }

    @Test
    void namesTheFieldOfAnEnumValueThatIsNotAllowed() {
        Body request = ReportRequests.valid().with("risk.impact", "HUGE");

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("risk.impact"))
                .body("errors[0].message", equalTo("Must be one of: NONE, SOME, SEVERE"));
        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongType() {
        Body request = ReportRequests.valid().with("location.latitude", "abc").with("location.longitude", -0.4);

        submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", equalTo("A field has a value of the wrong type."))
                .body("errors.field", contains("location.latitude"))
                .body("errors[0].message", equalTo("Must be a number"));
        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    @Test
    void rejectsMalformedJson() {
        submitJson("{\"categoryCode\": \"NOISE\", ").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("title", equalTo("Your request has problems"))
                .body("detail", notNullValue())
                .body(not(containsString("Exception")))
                .body(not(containsString("jackson")));
    }

    @Test
    void rejectsAnythingAfterTheJsonObject() {
        submitJson(ReportRequests.valid().json() + "}}}").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    @Test
    void rejectsAJsonArrayInsteadOfAnObject() {
        submitJson("[" + ReportRequests.valid().json() + "]").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("status", equalTo(400));
    }

    @Test
    void rejectsAnEmptyBody() {
        submitJson("").then().statusCode(400).contentType(PROBLEM_JSON).body("status", equalTo(400));
        submitJson("null").then().statusCode(400).contentType(PROBLEM_JSON).body("errors.field", contains("body"));
    }

    @Test
    void refusesABodyThatIsNotJson() {
        Body request = ReportRequests.valid();
        given().contentType("text/plain; charset=UTF-8").body(request.json())
                .when().post("/api/v1/reports")
                .then().statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(415));
        // A browser form is refused too, by the CSRF check or as the wrong media type.
        given().contentType(ContentType.URLENC).formParam("description", request.description())
                .when().post("/api/v1/reports")
                .then().statusCode(anyOf(is(400), is(415)));
        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    @Test
    void refusesABodyOverTheOneMegabyteLimit() {
        Body request = ReportRequests.valid().with("peopleInvolved", "p".repeat(1024 * 1024 + 1024));

        int status = submit(request).statusCode();

        assertEquals(413, status);
        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    @Test
    void refusesRandomBytesAndInvalidUtf8() {
        byte[] random = new byte[512];
        new java.util.Random(42).nextBytes(random);
        byte[] invalidUtf8 = concat("{\"categoryCode\":\"NOISE\",\"description\":\"".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, "\"}".getBytes(StandardCharsets.UTF_8));
        byte[] utf32Looking = {0, 0, 0, '{', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '}'};

        for (byte[] body : List.of(random, invalidUtf8, utf32Looking)) {
            Response response = given().contentType(ContentType.JSON).body(body).when().post("/api/v1/reports");
            assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                    "status " + response.statusCode() + " for " + Arrays.toString(Arrays.copyOf(body, 12)));
            assertTrue(response.contentType().startsWith(PROBLEM_JSON), response.contentType());
        }
    }

    static Stream<Arguments> hostileBodies() {
        String valid = ReportRequests.valid().json();
        return Stream.of(
                Arguments.of("unterminated object", "{"),
                Arguments.of("only whitespace", "   \n\t "),
                Arguments.of("a string", "\"report\""),
                Arguments.of("a number", "42"),
                Arguments.of("true", "true"),
                Arguments.of("nested arrays", "[[[[[[[[[[]]]]]]]]]]"),
                Arguments.of("comment", "/* hi */ " + valid),
                Arguments.of("single quotes", valid.replace('"', '\'')),
                Arguments.of("location is an array", "{\"location\": []}"),
                Arguments.of("location is a string", "{\"location\": \"High Street\"}"),
                Arguments.of("risk is a number", "{\"risk\": 3}"),
                Arguments.of("reporter is true", "{\"reporter\": true}"),
                Arguments.of("occurredAt is a number", "{\"occurredAt\": 20251120}"),
                Arguments.of("occurredAt is an object", "{\"occurredAt\": {\"day\": 1}}"),
                Arguments.of("occurredAt far future year", "{\"occurredAt\": \"+999999999-12-31\"}"),
                Arguments.of("occurredAt huge offset", "{\"occurredAt\": \"2025-01-01T10:00+25:00\"}"),
                Arguments.of("stillHappening is a string", "{\"stillHappening\": \"perhaps\"}"),
                Arguments.of("latitude NaN", "{\"location\": {\"description\": \"x\", \"latitude\": \"NaN\", \"longitude\": 0}}"),
                Arguments.of("latitude Infinity", "{\"location\": {\"description\": \"x\", \"latitude\": \"Infinity\", \"longitude\": 0}}"),
                Arguments.of("latitude 1e400", "{\"location\": {\"description\": \"x\", \"latitude\": 1e400, \"longitude\": 0}}"),
                Arguments.of("latitude huge integer", "{\"location\": {\"description\": \"x\", \"latitude\": 1" + "0".repeat(400) + ", \"longitude\": 0}}"),
                Arguments.of("targetedBecause null element", "{\"risk\": {\"targetedBecause\": [null]}}"),
                Arguments.of("targetedBecause a string", "{\"risk\": {\"targetedBecause\": \"RACE\"}}"),
                Arguments.of("targetedBecause unknown", "{\"risk\": {\"targetedBecause\": [\"HEIGHT\"]}}"),
                Arguments.of("equality unknown value", "{\"equality\": {\"ageBand\": \"ANCIENT\"}}"),
                Arguments.of("frequency lower case", "{\"frequency\": \"weekly\"}"),
                Arguments.of("deeply nested unknown field", "{\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}"),
                Arguments.of("NUL in field name", "{\"category\u0000Code\": \"NOISE\"}"),
                Arguments.of("valid but empty strings", valid.replaceAll("\"[A-Za-z0-9 ,.@:'!-]+\"(?=[,}])", "\"\"")),
                Arguments.of("valid but nulls", valid.replaceAll("\"[A-Za-z0-9 ,.@:'!-]+\"(?=[,}])", "null")),
                Arguments.of("valid with huge ward code", ReportRequests.valid().with("location.wardCode", "W".repeat(10_000)).json()),
                Arguments.of("valid with huge town", ReportRequests.valid().with("location.town", "T".repeat(10_000)).json()),
                Arguments.of("valid with huge name", ReportRequests.valid().with("reporter.name", "N".repeat(10_000)).json()),
                Arguments.of("valid with huge email", ReportRequests.valid().with("reporter.email", "e".repeat(300) + "@example.org").json()),
                Arguments.of("valid with huge people", ReportRequests.valid().with("peopleInvolved", "P".repeat(2001)).json()),
                Arguments.of("valid with huge location", ReportRequests.valid().with("location.description", "L".repeat(501)).json()),
                Arguments.of("valid with blank location", ReportRequests.valid().with("location.description", "   ").json()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileBodies")
    void neverAnswersAHostileBodyWithAServerError(String name, String body) {
        Response response = submitJson(body);

        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500,
                name + ": status " + response.statusCode() + " " + response.asString());
        assertTrue(response.contentType().startsWith(PROBLEM_JSON), name + ": " + response.contentType());
        assertFalse(response.asString().contains("Exception"), response.asString());
    }

    @Test
    void acceptsAReportWithoutARobotCheckTokenWhenNoSecretIsConfigured() {
        Body request = ReportRequests.valid().without("captchaToken");

        String reference = submit(request).then().statusCode(201).body("verified", equalTo(true))
                .extract().path("reference");

        assertEquals("NOT_REQUIRED", db.report(reference).string("captcha_outcome"));
        assertFalse(db.eventKinds(reference).contains("UNVERIFIED"));
    }

    // ---------------------------------------------------------------- helpers

    private ValidatableResponse assertRejected(Body request, String field) {
        ValidatableResponse response = submit(request).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", contains(field));
        assertEquals(0, db.countReportsWithDescription(request.description()), "nothing saved");
        return response;
    }

    static Response submit(Body request) {
        return submitJson(request.json());
    }

    static Response submit(Body request, String idempotencyKey) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(request.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports");
    }

    static Response submitJson(String json) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(json.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports");
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
