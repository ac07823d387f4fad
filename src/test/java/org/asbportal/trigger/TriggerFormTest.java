package org.asbportal.trigger;

import static io.restassured.RestAssured.given;
import static org.asbportal.trigger.TriggerFormSession.accessCodeOn;
import static org.asbportal.trigger.TriggerFormSession.answers;
import static org.asbportal.trigger.TriggerFormSession.errorLinks;
import static org.asbportal.trigger.TriggerFormSession.referenceOn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.AccessCodes;
import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The applicant's HTML Community Trigger application, posted as a browser would, against the real database. */
@QuarkusTest
class TriggerFormTest {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void database() {
        db = new ReportRows(dataSource);
    }

    // ---------------------------------------------------------------- starting

    @Test
    void theExplanationPageStartsTheApplication() {
        given().accept(ContentType.HTML).when().get("/community-trigger")
                .then().statusCode(200)
                .body(containsString("<a href=\"/community-trigger/apply\" role=\"button\" draggable=\"false\" "
                        + "class=\"govuk-button govuk-button--start\""))
                .body(not(containsString("not available yet")));
    }

    @Test
    void startsWithWhoIsApplyingAtItsOwnAddressAndACsrfToken() {
        given().accept(ContentType.HTML).redirects().follow(false).when().get("/community-trigger/apply")
                .then().statusCode(303).header("Location", endsWith("/community-trigger/apply/who"));
        Response page = given().accept(ContentType.HTML).when().get("/community-trigger/apply/who");

        page.then().statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("<h1 class=\"govuk-heading-l\">Who is applying?</h1>"))
                .body(containsString("<input type=\"hidden\" name=\"csrf-token\" value=\""))
                .body(containsString("<form method=\"post\" action=\"/community-trigger/apply/who\" novalidate>"))
                .body(not(containsString("name=\"draft\"")))
                .body(containsString("<a href=\"/community-trigger\" class=\"govuk-back-link\">Back</a>"));
        assertTrue(page.getDetailedCookie(TriggerFormSession.CSRF_COOKIE).isHttpOnly(), "the CSRF cookie is HttpOnly");
    }

    // ---------------------------------------------------------------- validation, page by page

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "who        | #applying;#victimType",
            "victim     | #victimName;#relationship;#consent",
            "contact    | #name;#email",
            "behaviour  | #description;#impact",
            "complaints | #complaint-1-agency",
            "hate       | #hateMotivated"})
    void showsAnErrorSummaryLinkedToEachUnansweredQuestion(String step, String anchors) {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        steps.get("who").put("applying", List.of("ON_BEHALF"));
        steps.get("reports").put("reference", List.of(""));
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(steps, step);

        Response page = session.post(Map.of());

        page.then().statusCode(400)
                .body(containsString("There is a problem"))
                .body(containsString("<title>Error: "));
        List<String> links = errorLinks(page);
        for (String anchor : anchors.split(";")) {
            assertTrue(links.contains(anchor), step + ": " + anchor + " not in " + links);
            String id = anchor.substring(1);
            page.then().body(containsString("<p id=\"" + id + "-error\" class=\"govuk-error-message\">"))
                    .body(containsString("id=\"" + id + "\""));
        }
        assertEquals(step, session.step(), "stays on the page");
    }

    @Test
    void someoneApplyingForTheVictimMustConfirmTheirAgreement() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        steps.get("who").put("applying", List.of("ON_BEHALF"));
        TriggerFormSession session = TriggerFormSession.start();
        session.post(steps.get("who"));
        assertEquals("victim", session.step());

        Response page = session.post(answers("victimName", "Pat Victim", "relationship", "Daughter"));

        page.then().statusCode(400)
                .body(containsString("You can only apply for someone else with their agreement"));
        assertEquals(List.of("#consent"), errorLinks(page));
        session.post(steps.get("victim")).then().statusCode(200);
        assertEquals("contact", session.step());
    }

    @Test
    void theVictimApplyingIsNotAskedAboutTheVictim() {
        TriggerFormSession session = TriggerFormSession.start();

        session.post(TriggerFormSession.validAnswers().get("who"));

        assertEquals("contact", session.step());
        session.press("back");
        assertEquals("who", session.step());
    }

    @Test
    void asksForAnEmailAddressOrAPhoneNumber() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(steps, "contact");

        Response neither = session.post(answers("name", "Alex Applicant", "email", "", "phone", ""));
        neither.then().statusCode(400)
                .body(containsString("Enter an email address or a telephone number so we can contact you about your application"));
        assertEquals(List.of("#email"), errorLinks(neither));

        Response badEmail = session.post(answers("name", "Alex Applicant", "email", "alex at example", "phone", ""));
        badEmail.then().statusCode(400).body(containsString("Enter an email address in the correct format, like name@example.com"));

        Response badPhone = session.post(answers("name", "Alex Applicant", "email", "", "phone", "call me"));
        badPhone.then().statusCode(400).body(containsString("Enter a telephone number, like 01632 960 001"));

        session.post(answers("name", "Alex Applicant", "email", "", "phone", "01632 960 002")).then().statusCode(200);
        assertEquals("behaviour", session.step());
    }

    @Test
    void limitsTheDescriptionAsTheApiDoes() {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "behaviour");

        Response page = session.post(answers("description", "x".repeat(4001), "impact", "Some"));

        page.then().statusCode(400).body(containsString("The description must be 4,000 characters or fewer"));
        assertEquals(List.of("#description"), errorLinks(page));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASB-123", "CT-7KQ4-M9XP", "<script>alert(1)</script>", "ASB-7KQ4-M9XP-2"})
    void refusesAReportReferenceThatIsNotWellFormed(String reference) {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");

        Response page = session.post(answers("reference", reference));

        page.then().statusCode(400)
                .body(containsString("Enter a report reference as it is on your confirmation, like ASB-7KQ4-M9XP"))
                .body(not(containsString("<script>alert(1)</script>")));
        assertEquals(List.of("#reference-1"), errorLinks(page));
    }

    @Test
    void refusesTheSameReferenceTwiceAndLinksTheSecond() {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");

        Response page = session.post(answers("reference", "ASB-7KQ4-M9XP", "reference", "asb-7kq4-m9xp"));

        page.then().statusCode(400).body(containsString("You have already listed this reference"));
        assertEquals(List.of("#reference-2"), errorLinks(page));
    }

    @Test
    void asksForAtLeastOneComplaintOnTheLastComplaintsPage() {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");
        session.post(answers("reference", "")).then().statusCode(200);
        assertEquals("complaints", session.step());

        Response page = session.post(answers("complaint-1-agency", ""));

        page.then().statusCode(400).body(containsString("Tell us about at least one complaint you made"));
        assertEquals(List.of("#complaint-1-agency"), errorLinks(page));
    }

    @ParameterizedTest(name = "{0}/{1}/{2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "31 | 2  | 2026 | The date you complained must be a real date",
            "0  | 5  | 2026 | The date you complained must be a real date",
            "12 | 13 | 2026 | The date you complained must be a real date",
            "ab | 5  | 2026 | The date you complained must be a real date",
            "12 | 5  | 26   | Year must include 4 numbers",
            "12 |    | 2026 | The date you complained must include a month",
            "   |    | 2026 | The date you complained must include a day and month",
            "   |    |      | Enter the date you complained"})
    void refusesAComplaintDateThatIsNotARealDate(String day, String month, String year, String message) {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "complaints");
        Map<String, List<String>> complaint = TriggerFormSession.validAnswers().get("complaints");
        complaint.put("complaint-1-reported", List.of(day == null ? "" : day));
        complaint.put("complaint-1-reported-month", List.of(month == null ? "" : month));
        complaint.put("complaint-1-reported-year", List.of(year == null ? "" : year));

        Response page = session.post(complaint);

        page.then().statusCode(400).body(containsString(message));
        assertEquals(List.of("#complaint-1-reported"), errorLinks(page));
        page.then().body(containsString("<p id=\"complaint-1-reported-error\" class=\"govuk-error-message\">"));
    }

    @Test
    void refusesDatesInTheFutureAndAComplaintBeforeTheBehaviour() {
        LocalDate tomorrow = TriggerRequests.today().plusDays(1);
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "complaints");
        Map<String, List<String>> future = TriggerFormSession.validAnswers().get("complaints");
        future.put("complaint-1-behaviour", List.of(String.valueOf(tomorrow.getDayOfMonth())));
        future.put("complaint-1-behaviour-month", List.of(String.valueOf(tomorrow.getMonthValue())));
        future.put("complaint-1-behaviour-year", List.of(String.valueOf(tomorrow.getYear())));

        Response page = session.post(future);

        page.then().statusCode(400).body(containsString("The date the behaviour happened must be today or in the past"));
        assertEquals(List.of("#complaint-1-behaviour"), errorLinks(page));

        LocalDate weekAgo = TriggerRequests.today().minusDays(7);
        Map<String, List<String>> before = TriggerFormSession.validAnswers().get("complaints");
        before.put("complaint-1-reported", List.of(String.valueOf(weekAgo.getDayOfMonth())));
        before.put("complaint-1-reported-month", List.of(String.valueOf(weekAgo.getMonthValue())));
        before.put("complaint-1-reported-year", List.of(String.valueOf(weekAgo.getYear())));
        session.post(before).then().statusCode(400)
                .body(containsString("The date you complained must be the same as or after the date the behaviour happened"));
    }

    @Test
    void asksForTheAgencyOfAComplaintGivenOnlyByItsDates() {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "complaints");
        Map<String, List<String>> complaint = TriggerFormSession.validAnswers().get("complaints");
        complaint.put("complaint-1-agency", List.of(""));

        Response page = session.post(complaint);

        page.then().statusCode(400).body(containsString("Enter the agency you complained to"));
        assertEquals(List.of("#complaint-1-agency"), errorLinks(page));
    }

    // ---------------------------------------------------------------- several complaints without JavaScript

    @Test
    void addsAndRemovesReportReferencesWithoutLeavingThePage() {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");

        Response added = session.post(answers("reference", "ASB-7KQ4-M9XP", "action", "add-reference"));
        added.then().statusCode(200)
                .body(containsString("id=\"reference-1\" name=\"reference\" type=\"text\" value=\"ASB-7KQ4-M9XP\""))
                .body(containsString("id=\"reference-2\" name=\"reference\" type=\"text\" value=\"\""));
        assertEquals("reports", session.step());

        Response removed = session.post(answers("reference", "ASB-7KQ4-M9XP", "reference", "ASB-2222-3333",
                "action", "remove-reference:1"));
        removed.then().statusCode(200)
                .body(containsString("id=\"reference-1\" name=\"reference\" type=\"text\" value=\"ASB-2222-3333\""))
                .body(not(containsString("value=\"ASB-7KQ4-M9XP\"")))
                .body(not(containsString("id=\"reference-2\"")));
    }

    @Test
    void addsASecondComplaintAndListsBothOnTheCheckPage() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(steps, "complaints");
        Map<String, List<String>> first = steps.get("complaints");
        Map<String, List<String>> adding = new java.util.LinkedHashMap<>(first);
        adding.put("action", List.of("add-complaint"));

        session.post(adding).then().statusCode(200)
                .body(containsString("id=\"complaint-2-agency\""))
                .body(containsString("Complaint 2"));
        Map<String, List<String>> both = new java.util.LinkedHashMap<>(first);
        both.putAll(answers("complaint-2-agency", "Bedford Borough Council", "complaint-2-reported", "2",
                "complaint-2-reported-month", "1", "complaint-2-reported-year", "2026", "complaint-2-behaviour", "1",
                "complaint-2-behaviour-month", "1", "complaint-2-behaviour-year", "2026"));
        session.post(both).then().statusCode(200);
        assertEquals("hate", session.step());

        Response check = session.walkToCheck(steps);

        check.then().body(containsString("Bedfordshire Police: complained on "))
                .body(containsString("Bedford Borough Council: complained on 2 January 2026, about behaviour on 1 January 2026"));
        session.press("change:complaints");
        Map<String, List<String>> removing = new java.util.LinkedHashMap<>(both);
        removing.put("action", List.of("remove-complaint:1"));
        session.post(removing).then().statusCode(200)
                .body(containsString("value=\"Bedford Borough Council\""))
                .body(not(containsString("value=\"Bedfordshire Police\"")))
                .body(not(containsString("id=\"complaint-2-agency\"")));
    }

    // ---------------------------------------------------------------- check your answers

    @Test
    void showsWhatWasTypedOnTheCheckPageAsText() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        String description = "<script>alert('owned')</script> \"quoted\" & <b>bold</b> " + ReportRequests.unique();
        steps.get("behaviour").put("description", List.of(description));
        steps.get("contact").put("name", List.of("<img src=x onerror=alert(1)>"));
        TriggerFormSession session = TriggerFormSession.start();

        Response check = session.walkToCheck(steps);

        check.then().statusCode(200)
                .body(containsString("<h1 class=\"govuk-heading-l\">Check your answers before sending your application</h1>"))
                .body(containsString("&lt;script&gt;alert("))
                .body(not(containsString("<script>alert(")))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<img src=x")))
                .body(containsString("alex.applicant@example.org"))
                .body(containsString("For the noise to stop."))
                .body(containsString("Bedfordshire Police: complained on "));
        Response confirmation = session.press("send");
        confirmation.then().statusCode(200);
        assertEquals(description, application(referenceOn(confirmation)).string("description"));
    }

    @Test
    void changesAnAnswerFromTheCheckPageAndReturnsThere() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        session.press("change:contact").then().statusCode(200).body(containsString("Your contact details"));
        assertEquals("contact", session.step());
        Response check = session.post(answers("name", "Sam Changed", "email", "", "phone", "01632 960 003"));

        check.then().statusCode(200).body(containsString("Sam Changed")).body(containsString("01632 960 003"));
        assertEquals("check", session.step());
        Row saved = application(referenceOn(session.press("send")));
        assertEquals("Sam Changed", saved.string("applicant_name"));
        assertNull(saved.get("applicant_email"));
    }

    @Test
    void changingToApplyingForTheVictimAsksAboutTheVictimThenReturnsToCheck() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        session.press("change:who");
        session.post(answers("applying", "ON_BEHALF", "victimType", "PERSON"));
        assertEquals("victim", session.step());
        session.post(steps.get("victim")).then().statusCode(200).body(containsString("Pat Victim"));

        assertEquals("check", session.step());
    }

    // ---------------------------------------------------------------- sending

    @Test
    void sendsTheApplicationAndShowsTheReferenceAccessCodeAssessmentAndDates() {
        String reported = TriggerRequests.portalReport(2);
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        steps.get("who").put("applying", List.of("ON_BEHALF"));
        steps.get("who").put("victimType", List.of("COMMUNITY_GROUP"));
        steps.get("reports").put("reference", List.of(reported.toLowerCase()));
        steps.get("hate").put("hateMotivated", List.of("yes"));
        TriggerFormSession session = TriggerFormSession.start();

        Response confirmation = session.walkAndSend(steps);

        confirmation.then().statusCode(200)
                .body(containsString("Application sent"))
                .body(matchesPattern("(?s).*<strong id=\"reference\">" + TriggerApiTest.REFERENCE + "</strong>.*"))
                .body(matchesPattern("(?s).*id=\"access-code\">" + TriggerApiTest.ACCESS_CODE + "</strong>.*"))
                .body(containsString("Your application does not appear to meet the threshold yet: 2 of the complaints "
                        + "you told us about count, and 3 are needed."))
                .body(containsString("Report <strong>" + reported + "</strong>: counts."))
                .body(containsString("Your complaint to <strong>Bedfordshire Police</strong>"))
                .body(containsString("We tell you whether a review will take place"));
        String reference = referenceOn(confirmation);
        Row saved = application(reference);
        assertEquals("Alex Applicant", saved.string("applicant_name"));
        assertEquals("COMMUNITY_GROUP", saved.string("applicant_type"));
        assertEquals("Pat Victim", saved.string("on_behalf_of_name"));
        assertEquals("Daughter", saved.string("on_behalf_of_relationship"));
        assertTrue(saved.bool("victim_consent"));
        assertTrue(saved.bool("hate_motivated"));
        assertEquals("WEB", saved.string("channel"));
        assertEquals("NOT_REQUIRED", saved.string("captcha_outcome"));
        List<Row> steps2 = db.rows("SELECT * FROM trigger_step WHERE application_id = ? ORDER BY position", saved.get("id"));
        assertEquals(5, steps2.size());
        for (Row step : steps2) {
            confirmation.then().body(containsString(step.date("due_by").format(LONG_DATE)));
        }
        // The access code shown lets the applicant follow the application.
        given().header("X-Access-Code", accessCodeOn(confirmation))
                .when().get(TriggerRequests.PATH + "/{reference}", reference)
                .then().statusCode(200)
                .body("qualifyingComplaints", equalTo(2))
                .body("complaints", hasSize(2))
                .body("complaints[0].reference", equalTo(reported));
    }

    @Test
    void savesOneApplicationWhenTheFinalFormIsSentTwice() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        String description = steps.get("behaviour").get("description").get(0);
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        Response sent = session.send(Map.of(), true, true);
        Response first = session.follow(sent);
        Response second = session.follow(session.postTo(TriggerFormSession.PATH + "/check", Map.of(), true, true));

        sent.then().statusCode(303).header("Location", endsWith("/community-trigger/apply/confirmation"));
        first.then().statusCode(200);
        second.then().statusCode(200);
        assertEquals(referenceOn(first), referenceOn(second));
        assertEquals(accessCodeOn(first), accessCodeOn(second));
        assertEquals(1, countWithDescription(description));
    }

    @Test
    void backAfterSendingShowsTheSentApplicationAndNothingIsSentAgain() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);
        Response first = session.press("send");
        assertEquals("confirmation", session.step());

        // Back in the browser's history to check your answers, then to change the outcome they want.
        Response back = session.get(TriggerFormSession.PATH + "/check");
        Response change = session.get(TriggerFormSession.PATH + "/outcome?change=true");
        Response changed = session.follow(session.postTo(TriggerFormSession.PATH + "/outcome?change=true",
                answers("outcomeWanted", "To be kept informed, " + ReportRequests.unique()), true, true));

        assertEquals(referenceOn(first), referenceOn(back));
        assertEquals(referenceOn(first), referenceOn(change));
        assertEquals(referenceOn(first), referenceOn(changed));
        assertEquals(1, countWithDescription(steps.get("behaviour").get("description").get(0)));
        session.get(TriggerFormSession.PATH).then().statusCode(200).body(containsString("Who is applying?"));
        assertEquals("who", session.step(), "the start address begins a new application after one is sent");
    }

    @Test
    void refusesAFormWithoutTheCsrfTokenOrCookieAndSavesNothing() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        String description = steps.get("behaviour").get("description").get(0);
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        String check = session.formAction();
        Response noToken = session.postTo(check, answers(), true, false);
        Response noCookie = session.postTo(check, answers(), false, true);
        Response forged = session.postTo(check, answers("csrf-token", "forged" + session.csrfToken()), true, false);

        assertEquals(400, noToken.statusCode());
        assertEquals(400, noCookie.statusCode());
        assertEquals(400, forged.statusCode());
        assertEquals(0, countWithDescription(description));
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!not base64!!!", "W10", "bnVsbA", "%25%25%25", "x"})
    void startsAgainFromATamperedOrUnknownCookie(String tampered) {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "behaviour");
        session.setCookie(TriggerFormSession.DRAFT_COOKIE, tampered);

        Response send = session.postTo(TriggerFormSession.PATH + "/check", Map.of(), true, true);
        Response contact = session.get(TriggerFormSession.PATH + "/contact");
        Response who = session.postTo(TriggerFormSession.PATH + "/who", answers("applying", "VICTIM", "victimType", "PERSON"),
                true, true);

        send.then().statusCode(303).header("Location", endsWith("/community-trigger/apply/who?restarted=true"));
        contact.then().statusCode(200)
                .body(containsString("Who is applying?"))
                .body(containsString("We could not find your earlier answers"))
                .body(not(containsString("Exception")));
        who.then().statusCode(303).header("Location", endsWith("/community-trigger/apply/contact"));
        assertNotEquals(tampered, session.cookie(TriggerFormSession.DRAFT_COOKIE), "a new draft, with a token of its own");
    }

    @Test
    void answersAnUnknownPageWithNotFoundAndSurvivesUnknownActions() {
        TriggerFormSession session = TriggerFormSession.start();
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");

        Response unknownPage = session.get(TriggerFormSession.PATH + "/nowhere");
        Response badRemove = session.follow(session.postTo(TriggerFormSession.PATH + "/reports",
                answers("reference", "", "action", "remove-reference:x"), true, true));
        Response farRemove = session.follow(session.postTo(TriggerFormSession.PATH + "/reports",
                answers("reference", "ASB-7KQ4-M9XP", "action", "remove-reference:99"), true, true));

        assertEquals(404, unknownPage.statusCode());
        badRemove.then().statusCode(200).body(containsString("Reports made on this website"));
        farRemove.then().statusCode(200).body(containsString("Reports made on this website"))
                .body(containsString("value=\"ASB-7KQ4-M9XP\""));
    }

    @Test
    void reValidatesEveryAnswerOnSend() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        String description = steps.get("behaviour").get("description").get(0);
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);
        db.update("UPDATE journey_draft SET answers = REPLACE(answers, '\"name\":\"Alex Applicant\"', '\"name\":null') "
                + "WHERE token_hash = ?", AccessCodes.sha256(session.cookie(TriggerFormSession.DRAFT_COOKIE)));

        Response page = session.send(Map.of(), true, true);

        page.then().statusCode(400).body(containsString("Your contact details")).body(containsString("href=\"#name\""));
        assertEquals(0, countWithDescription(description));
    }

    // ---------------------------------------------------------------- from the victim's case page

    @Test
    void theCasePageLinksToAnApplicationCitingTheReport() {
        ExtractableResponse<Response> report = given().contentType(ContentType.JSON).body(ReportRequests.valid().json())
                .when().post("/api/v1/reports").then().statusCode(201).extract();
        String reference = report.path("reference");
        ExtractableResponse<Response> form = given().accept(ContentType.HTML).when().get("/track").then().statusCode(200).extract();
        String csrf = form.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");

        given().cookie("asb-csrf", form.cookie("asb-csrf")).contentType(ContentType.URLENC)
                .formParam("csrf-token", csrf).formParam("reference", reference).formParam("accessCode", (String) report.path("accessCode"))
                .when().post("/track")
                .then().statusCode(200)
                .body(containsString("Is the problem still happening?"))
                .body(containsString("<a class=\"govuk-link\" href=\"/community-trigger/apply?report=" + reference + "\">"));
    }

    @Test
    void preFillsAWellFormedReportReference() {
        TriggerFormSession session = TriggerFormSession.start("/community-trigger/apply?report=asb-7kq4-m9xp");

        session.last().then().body(containsString("Your report <strong>ASB-7KQ4-M9XP</strong> is already listed"));
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");
        session.last().then().body(containsString("id=\"reference-1\" name=\"reference\" type=\"text\" value=\"ASB-7KQ4-M9XP\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ASB-7KQ4", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "CT-7KQ4-M9XP", "ASB-7KQ4-M9XP%22%3E%3Cb%3E"})
    void preFillsNothingFromAMalformedReference(String given) {
        TriggerFormSession session = TriggerFormSession.start("/community-trigger/apply?report=" + given);

        session.last().then().body(not(containsString("is already listed")))
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<b>")));
        session.walkUntil(TriggerFormSession.validAnswers(), "reports");
        session.last().then().body(containsString("id=\"reference-1\" name=\"reference\" type=\"text\" value=\"\""));
    }

    private Row application(String reference) {
        List<Row> rows = db.rows("SELECT * FROM trigger_application WHERE reference = ?", reference);
        assertEquals(1, rows.size(), "applications " + reference);
        return rows.get(0);
    }

    private int countWithDescription(String description) {
        return db.count("SELECT COUNT(*) FROM trigger_application WHERE description = ?", description);
    }
}
