package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.asbportal.report.ReportFormSession.answers;
import static org.asbportal.report.ReportFormSession.errorLinks;
import static org.asbportal.report.ReportFormSession.referenceOn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.AccessCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** The resident's HTML report journey, posted as a browser would, against the real database. */
@QuarkusTest
class ReportFormTest {

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void database() {
        db = new ReportRows(dataSource);
    }

    @Test
    void startsWithTheDangerQuestionAtItsOwnAddressAndACsrfToken() {
        Response start = given().accept("text/html").redirects().follow(false).when().get("/report");
        start.then().statusCode(303).header("Location", endsWith("/report/danger"));

        Response page = given().accept("text/html").when().get("/report/danger");

        page.then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", containsString("no-store"))
                .body(containsString("Is anyone in danger right now?"))
                .body(containsString("<input type=\"hidden\" name=\"csrf-token\" value=\""))
                .body(containsString("<form method=\"post\" action=\"/report/danger\" novalidate>"))
                .body(not(containsString("name=\"draft\"")));
        String cookie = page.getCookie(ReportFormSession.CSRF_COOKIE);
        assertTrue(cookie != null && !cookie.isBlank(), "sets the asb-csrf cookie");
        assertTrue(page.getDetailedCookie(ReportFormSession.CSRF_COOKIE).isHttpOnly(), "the CSRF cookie is HttpOnly");
    }

    @Test
    void refusesAFormWithoutTheCsrfTokenOrCookieAndSavesNothing() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        String check = session.formAction();
        Response noToken = session.postTo(check, answers(), true, false);
        Response noCookie = session.postTo(check, answers(), false, true);
        Response neither = session.postTo(check, answers(), false, false);

        assertEquals(400, noToken.statusCode());
        assertEquals(400, noCookie.statusCode());
        assertEquals(400, neither.statusCode());
        assertEquals(0, db.countReportsWithDescription(description));
    }

    @Test
    void refusesAFormWhoseTokenDoesNotMatchTheCookie() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        Response forged = session.send(answers("csrf-token", "forged" + session.csrfToken()), true, false);

        assertEquals(400, forged.statusCode());
        assertEquals(0, db.countReportsWithDescription(description));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "danger    | #danger",
            "category  | #category",
            "where     | #locationDescription",
            "when      | #day;#stillHappening",
            "what      | #description;#youngPeople",
            "impact    | #happenedBefore;#targeted;#impact;#unsafeAtHome;#vulnerableAffected",
            "about     | #role;#contactChoice",
            "consent   | #consent"})
    void showsAnErrorSummaryLinkedToEachUnansweredQuestion(String step, String anchors) {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        ReportFormSession session = ReportFormSession.start();
        walkUntil(session, steps, step);

        Response page = session.post(Map.of());

        page.then().statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("govuk-error-summary"))
                .body(containsString("There is a problem"))
                .body(containsString("<title>Error: "));
        List<String> links = errorLinks(page);
        for (String anchor : anchors.split(";")) {
            assertTrue(links.contains(anchor), step + ": " + anchor + " not in " + links);
            String id = anchor.substring(1);
            page.then().body(containsString("<p id=\"" + id + "-error\" class=\"govuk-error-message\">"));
            page.then().body(containsString("id=\"" + id + "\""));
        }
        assertEquals(step, session.step(), "stays on the page with the errors");
    }

    @Test
    void explainsAnIncompleteOrImpossibleDate() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        ReportFormSession session = ReportFormSession.start();
        walkUntil(session, steps, "when");

        session.post(answers("day", "30", "month", "2", "year", "2025", "stillHappening", "no"))
                .then().statusCode(400).body(containsString("The date it happened must be a real date"));
        session.post(answers("day", "3", "stillHappening", "no"))
                .then().statusCode(400).body(containsString("must include a month and year"));
        session.post(answers("day", "3", "month", "4", "year", "25", "stillHappening", "no"))
                .then().statusCode(400).body(containsString("Year must include 4 numbers"));
        session.post(answers("day", "3", "month", "4", "year", "2025", "time", "25:61", "stillHappening", "no"))
                .then().statusCode(400).body(containsString("href=\"#time\""));
    }

    @Test
    void savesAReportWhenEveryStepIsAnsweredAndShowsItsReference() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();

        Response check = session.walkToCheck(steps);
        check.then().statusCode(200)
                .body(containsString("Check your answers before sending your report"))
                .body(containsString(description))
                .body(containsString("You chose to stay anonymous"))
                .body(not(containsString("recaptcha/api.js")))
                .body(not(containsString("g-recaptcha")));
        Response confirmation = session.press("send");

        confirmation.then().statusCode(200)
                .body(containsString("Report sent"))
                .body(containsString("Rowdy or inconsiderate behaviour"));
        String reference = referenceOn(confirmation);
        assertTrue(reference.matches(ReportApiTest.REFERENCE), reference);
        assertTrue(ReportFormSession.accessCodeOn(confirmation).matches(ReportApiTest.ACCESS_CODE));

        Row report = db.report(reference);
        assertEquals(description, report.string("description"));
        assertEquals("WEB", report.string("channel"));
        assertEquals("ROWDY", report.string("category_code"));
        assertTrue(report.bool("anonymous"));
        assertEquals("WITNESS", report.string("reporter_role"));
        assertNull(report.get("reporter_name"));
        assertEquals("21:30:00", report.string("occurred_time"));
        assertEquals("SOME", report.string("impact"));
        assertEquals("COUNCIL_ASB", db.queueItem(reference).string("queue_code"));
        assertEquals("AGE_35_TO_44", db.equality(reference).orElseThrow().string("age_band"));
        assertTrue(db.eventKinds(reference).contains("RECEIVED"));
    }

    @Test
    void savesAReportWithContactDetailsAndSaysWhenWeWillBeInTouch() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        steps.put("about", answers("role", "VICTIM", "contactChoice", "CONTACT"));
        steps.put("details", answers("name", "Alex Doe", "email", "alex@example.org", "preferredContact", "EMAIL"));
        steps.get("impact").put("targeted", List.of("yes"));
        steps.get("impact").put("targetedBecause", List.of("RACE", "RELIGION"));
        ReportFormSession session = ReportFormSession.start();

        session.walkToCheck(steps).then().body(containsString("Race or ethnicity, Religion or belief"));
        Response confirmation = session.press("send");

        confirmation.then().statusCode(200).body(containsString("We aim to contact you by"));
        Row report = db.report(referenceOn(confirmation));
        assertFalse(report.bool("anonymous"));
        assertEquals("Alex Doe", report.string("reporter_name"));
        assertEquals("alex@example.org", report.string("reporter_email"));
        assertEquals("RACE,RELIGION", report.string("targeted_because"));
        assertEquals("HATE_INCIDENTS", db.queueItem(report.string("reference")).string("queue_code"));
    }

    @Test
    void savesOneReportWhenTheFinalFormIsSentTwice() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        Response sent = session.send(Map.of(), true, true);
        Response first = session.follow(sent);
        Response again = session.postTo("/report/check", Map.of(), true, true);
        Response second = session.follow(again);

        sent.then().statusCode(303).header("Location", endsWith("/report/confirmation"));
        again.then().statusCode(303).header("Location", endsWith("/report/confirmation"));
        first.then().statusCode(200);
        second.then().statusCode(200);
        assertEquals(referenceOn(first), referenceOn(second));
        assertEquals(ReportFormSession.accessCodeOn(first), ReportFormSession.accessCodeOn(second));
        assertEquals(1, db.countReportsWithDescription(description));
    }

    @Test
    void escapesMarkupInAnswersOnTheCheckPage() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = "<script>alert('owned')</script> \"quoted\" & <b>bold</b> " + ReportRequests.unique();
        steps.get("what").put("description", List.of(description));
        steps.get("where").put("locationDescription", List.of("<img src=x onerror=alert(1)> " + ReportRequests.unique()));
        ReportFormSession session = ReportFormSession.start();

        Response check = session.walkToCheck(steps);

        check.then().statusCode(200)
                .body(containsString("&lt;script&gt;alert("))
                .body(not(containsString("<script>alert(")))
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<img src=x")))
                .body(not(containsString("<b>bold</b>")));
        Response confirmation = session.press("send");
        assertEquals(description, db.report(referenceOn(confirmation)).string("description"), "stored as typed");
    }

    @Test
    void keepsUnicodeAndLineBreaksTypedInTheForm() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = "Zażółć gęślą jaźń 😡🔊\r\nnext line – «ok» " + ReportRequests.unique();
        steps.get("what").put("description", List.of(description));
        ReportFormSession session = ReportFormSession.start();

        Response confirmation = session.walkAndSend(steps);

        String stored = db.report(referenceOn(confirmation)).string("description");
        // Browsers send line breaks in a textarea as CRLF; the text is kept as sent.
        assertEquals(description, stored);
    }

    @Test
    void sendsSomeoneInDangerToCall999AndLetsThemContinueAfterwards() {
        ReportFormSession session = ReportFormSession.start();

        Response emergency = session.post(answers("danger", "yes"));

        emergency.then().statusCode(200)
                .body(containsString("Call 999 now"))
                .body(containsString("Continue with my report"));
        assertEquals("emergency", session.step());
        Response category = session.post(answers());
        category.then().statusCode(200).body(containsString("What kind of behaviour are you reporting?"));
        assertEquals("category", session.step());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!not base64!!!", "e30", "%25%25%25", "x", "0000000000000000000000000000000000000000000",
            "a-very-long-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void startsAFreshDraftFromATamperedOrUnknownCookie(String tampered) {
        ReportFormSession session = ReportFormSession.start();
        session.walkUntil(ReportFormSession.validAnswers(), "impact");
        String issued = session.cookie(ReportFormSession.DRAFT_COOKIE);
        session.setCookie(ReportFormSession.DRAFT_COOKIE, tampered);

        Response impact = session.get("/report/impact");
        Response send = session.postTo("/report/check", Map.of(), true, true);
        Response where = session.postTo("/report/where", answers("locationDescription", "Somewhere"), true, true);
        Response danger = session.postTo("/report/danger", answers("danger", "no"), true, true);

        for (Response response : List.of(impact, send, where, danger)) {
            assertTrue(response.statusCode() < 500, "status " + response.statusCode() + " for cookie " + tampered);
            response.then().body(not(containsString("Exception")));
        }
        impact.then().statusCode(200).body(containsString("Is anyone in danger right now?"))
                .body(containsString("We could not find your earlier answers"));
        send.then().statusCode(303).header("Location", endsWith("/report/danger?restarted=true"));
        where.then().statusCode(303).header("Location", endsWith("/report/danger?restarted=true"));
        danger.then().statusCode(303).header("Location", endsWith("/report/category"));
        String fresh = session.cookie(ReportFormSession.DRAFT_COOKIE);
        assertNotEquals(tampered, fresh, "a cookie the portal did not issue is never adopted");
        assertNotEquals(issued, fresh);
    }

    @Test
    void answersAnUnknownPageWithNotFound() {
        ReportFormSession session = ReportFormSession.start();

        Response unknownPage = session.get("/report/nowhere");
        Response unknownChange = session.get("/report/nowhere?change=true");
        Response unknownPost = session.postTo("/report/nowhere", answers("anything", "x"), true, true);

        assertEquals(404, unknownPage.statusCode());
        assertEquals(404, unknownChange.statusCode());
        assertEquals(404, unknownPost.statusCode());
    }

    @Test
    void changesAnAnswerFromTheCheckPageAndReturnsThere() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);
        String newPlace = "Bus shelter on Castle Road, " + ReportRequests.unique();

        Response where = session.press("change:where");
        where.then().statusCode(200).body(containsString("Where did it happen?"));
        assertEquals("where", session.step());

        Response check = session.post(answers("locationDescription", newPlace, "town", "Bedford", "wardCode", "E36001578"));
        check.then().statusCode(200)
                .body(containsString("Check your answers before sending your report"))
                .body(containsString(newPlace))
                .body(containsString("Castle ward"));
        assertEquals("check", session.step());

        Response confirmation = session.press("send");
        Row report = db.report(referenceOn(confirmation));
        assertEquals(newPlace, report.string("location_description"));
        assertEquals("E36001578", report.string("ward_code"));
    }

    @Test
    void goesBackToTheCheckPageFromAChangedAnswer() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        session.press("change:when");
        assertEquals("when", session.step());
        session.press("back").then().statusCode(200);

        assertEquals("check", session.step());
    }

    @Test
    void goesBackOneQuestion() {
        ReportFormSession session = ReportFormSession.start();
        session.post(answers("danger", "no"));
        session.post(answers("category", "NOISE"));
        assertEquals("where", session.step());

        session.press("back").then().statusCode(200).body(containsString("value=\"NOISE\" checked"));

        assertEquals("category", session.step());
    }

    @Test
    void anonymousResidentIsNeverAskedForContactDetails() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        ReportFormSession session = ReportFormSession.start();
        for (String step : List.of("danger", "category", "where", "when", "what", "evidence", "about", "impact")) {
            session.post(steps.get(step));
        }
        assertEquals("equality", session.step());

        session.press("back");

        // Back passes over the contact details, which come after the questions about the impact.
        assertEquals("impact", session.step());
        session.get("/report/details");
        assertEquals("equality", session.step(), "the contact details page is not shown");
        Response posted = session.postTo("/report/details", answers("name", "Not Asked"), true, true);
        posted.then().statusCode(303).header("Location", endsWith("/report/equality"));
        session.walkToCheck(steps).then().body(not(containsString("Not Asked")));
    }

    @Test
    void residentWhoGivesContactDetailsIsAskedForThemOnTheirOwnPage() {
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(ReportFormSession.validAnswers());

        session.press("change:about");
        session.post(answers("role", "VICTIM", "contactChoice", "CONTACT"));
        assertEquals("details", session.step());
        session.post(answers("name", "", "email", ""))
                .then().statusCode(400).body(containsString("Enter your name, or choose to stay anonymous"));
        session.post(answers("name", "Robin Field", "phone", "01632 960 002"))
                .then().statusCode(200).body(containsString("Robin Field"));

        assertEquals("check", session.step());
    }

    @Test
    void showsTheServiceErrorsOfAnAnswerThatBecameInvalidOnSend() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);
        // The category is withdrawn while the draft waits: sending re-validates everything.
        db.update("UPDATE journey_draft SET answers = REPLACE(answers, '\"category\":\"ROWDY\"', '\"category\":\"PARKING\"') "
                + "WHERE token_hash = ?", AccessCodes.sha256(session.cookie(ReportFormSession.DRAFT_COOKIE)));

        Response page = session.send(Map.of(), true, true);

        page.then().statusCode(400)
                .body(containsString("What kind of behaviour are you reporting?"))
                .body(containsString("href=\"#category\""))
                .body(containsString("action=\"/report/category?change=true\""));
        assertEquals(0, db.countReportsWithDescription(description));
    }

    @Test
    void rendersReferencesInTheReadableAlphabet() {
        Response confirmation = ReportFormSession.start().walkAndSend(ReportFormSession.validAnswers());

        confirmation.then().body(matchesPattern("(?s).*<strong id=\"reference\">" + ReportApiTest.REFERENCE + "</strong>.*"));
    }

    private static void walkUntil(ReportFormSession session, Map<String, Map<String, List<String>>> steps, String step) {
        while (!step.equals(session.step())) {
            String at = session.step();
            Response response = session.post(steps.get(at));
            assertEquals(200, response.statusCode(), "step " + at);
        }
    }
}
