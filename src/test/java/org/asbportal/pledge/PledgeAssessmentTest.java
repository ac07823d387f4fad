package org.asbportal.pledge;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.asbportal.pledge.PledgeContacts.Browser;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PledgeAssessmentTest {

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.fixAt(TestDates.NOW);
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void savingASectionGoesToTheNextAndTheAnswersAreThereAfterSigningInAgainOnAnotherDevice() {
        Browser laptop = PledgeContacts.registered("Resume Council");
        long id = laptop.startAssessment();
        long first = Answering.questionIds(laptop, id).get(0);
        Response saved = laptop.post("/pledge/assessments/" + id + "/sections/promote",
                Answering.sectionForm(first, "PARTLY", "Our Community Trigger page", "https://www.example.gov.uk/trigger", "Needs work"));
        assertEquals(303, saved.statusCode(), saved.asString());
        assertTrue(saved.header("Location").endsWith("/pledge/assessments/" + id + "/sections/legal"));

        Browser phone = new Browser();
        phone.post("/pledge/sign-in", "email", laptop.email);
        phone.signInWith(PledgeContacts.latestToken(laptop.email));
        phone.get("/pledge/assessments/" + id + "/sections/promote").then().statusCode(200)
                .body(containsString("value=\"PARTLY\" checked"))
                .body(containsString("Our Community Trigger page"))
                .body(containsString("value=\"https://www.example.gov.uk/trigger\""))
                .body(containsString("Needs work"));
        phone.get("/pledge/assessments/" + id).then().body(containsString("In progress"));
    }

    @Test
    void aPostAfterTheSessionEndedShowsAClearMessageKeepsEveryTypedAnswerAndSavesOnceSignedInAgain() {
        Browser browser = PledgeContacts.registered("Timeout Council");
        long id = browser.startAssessment();
        long question = Answering.questionIds(browser, id).get(1);
        QuarkusTransaction.requiringNew().run(() -> PledgeSession.update("expiresAt = ?1 where contact.email = ?2",
                clock.instant().minusSeconds(1), browser.email));
        Map<String, Object> typed = Answering.sectionForm(question, "NO", "We have no outreach yet", "", "Ask housing officers");

        Response late = browser.post("/pledge/assessments/" + id + "/sections/promote", typed);
        assertEquals(401, late.statusCode());
        String page = late.asString();
        assertTrue(page.contains("You have been signed out, so these answers have not been saved yet."), page);
        assertTrue(page.contains("value=\"NO\" checked"));
        assertTrue(page.contains("We have no outreach yet"));
        assertTrue(page.contains("Ask housing officers"));
        assertTrue(page.contains("href=\"/pledge/sign-in\""));

        browser.post("/pledge/sign-in", "email", browser.email);
        browser.signInWith(PledgeContacts.latestToken(browser.email));
        assertEquals(303, browser.post("/pledge/assessments/" + id + "/sections/promote", typed).statusCode());
        browser.api().when().get("/api/v1/pledge/assessments/" + id + "/answers").then()
                .body("answers.find { it.questionId == " + question + " }.answer", equalTo("NO"))
                .body("answers.find { it.questionId == " + question + " }.note", equalTo("Ask housing officers"));
    }

    @Test
    void anActionPostedAfterTheSessionEndedIsKeptOnThePageReadyToSendAgain() {
        Browser browser = PledgeContacts.registered("Late Planner Council");
        long id = browser.startAssessment();
        Answering.answerAll(browser, id, "NO");
        long question = Answering.questionIds(browser, id).get(0);
        browser.post("/pledge/sign-out");
        Response late = browser.post("/pledge/assessments/" + id + "/actions", "questionId", String.valueOf(question),
                "description", "Train the contact centre", "owner", "Training lead", "targetDate-day", "1",
                "targetDate-month", "9", "targetDate-year", String.valueOf(TestDates.today().getYear() + 1));
        assertEquals(401, late.statusCode());
        String page = late.asString();
        assertTrue(page.contains("You have been signed out"), page);
        assertTrue(page.contains("<input type=\"hidden\" name=\"description\" value=\"Train the contact centre\">"));
        assertTrue(page.contains("action=\"/pledge/assessments/" + id + "/actions\""));

        browser.post("/pledge/sign-in", "email", browser.email);
        browser.signInWith(PledgeContacts.latestToken(browser.email));
        assertEquals(303, browser.post("/pledge/assessments/" + id + "/actions", "questionId", String.valueOf(question),
                "description", "Train the contact centre", "owner", "Training lead", "targetDate-day", "1",
                "targetDate-month", "9", "targetDate-year", String.valueOf(TestDates.today().getYear() + 1)).statusCode());
        browser.get("/pledge/assessments/" + id + "/results").then().body(containsString("Train the contact centre"));
    }

    @Test
    void aBadLinkOrAnOverlongNoteIsRefusedWithTheMessageByTheFieldAndNothingSaved() {
        Browser browser = PledgeContacts.registered("Validating Council");
        long id = browser.startAssessment();
        long question = Answering.questionIds(browser, id).get(0);
        Response response = browser.post("/pledge/assessments/" + id + "/sections/promote",
                Answering.sectionForm(question, "YES", "Kept evidence", "javascript:alert(1)", "x".repeat(2001)));
        assertEquals(400, response.statusCode());
        String page = response.asString();
        assertTrue(page.contains("href=\"#link-" + question + "\""), page);
        assertTrue(page.contains("Enter a web address starting with https://"));
        assertTrue(page.contains("The note must be 2,000 characters or fewer"));
        assertTrue(page.contains("Kept evidence"));
        browser.api().when().get("/api/v1/pledge/assessments/" + id + "/answers").then()
                .body("answers.find { it.questionId == " + question + " }.answer", equalTo(null));
    }

    @Test
    void anUnknownAnswerOverJsonIsAProblemWithTheField() {
        Browser browser = PledgeContacts.registered("Json Council");
        long id = browser.startAssessment();
        long question = Answering.questionIds(browser, id).get(0);
        browser.api().body(Map.of("answers", List.of(Map.of("questionId", question, "answer", "MAYBE"))))
                .when().put("/api/v1/pledge/assessments/" + id + "/answers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("answer-" + question));
        browser.api().body(Map.of("answers", List.of(Map.of("questionId", 999999, "answer", "YES"))))
                .when().put("/api/v1/pledge/assessments/" + id + "/answers")
                .then().statusCode(400);
        browser.api().body("{\"answers\": [null]}").when().put("/api/v1/pledge/assessments/" + id + "/answers")
                .then().statusCode(400).contentType("application/problem+json");
        browser.api().body("{\"answers\": \"all yes\"}").when().put("/api/v1/pledge/assessments/" + id + "/answers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void resultsShowScoresWithTheRuleAndEveryGapAsASuggestedAction() {
        Browser browser = PledgeContacts.registered("Results Council");
        long id = browser.startAssessment();
        Answering.answerAll(browser, id, "PARTLY");
        browser.get("/pledge/assessments/" + id + "/results").then().statusCode(200)
                .body(containsString("Overall: 50%"))
                .body(containsString("govuk-tag--yellow\">Amber"))
                .body(containsString("Green is 80% or more, amber 50% to 79%, red below 50%"))
                .body(containsString("Publish a plain-English Community Trigger page"))
                .body(containsString("Rewrite the procedure in plain English"));
    }

    @Test
    void theActionPlanTakesAGapAnOwnerAndARealFutureDate() {
        Browser browser = PledgeContacts.registered("Planning Council");
        long id = browser.startAssessment();
        Answering.answerAll(browser, id, "NO");
        long question = Answering.questionIds(browser, id).get(0);
        Response invalid = browser.post("/pledge/assessments/" + id + "/actions", "questionId", "", "description", "",
                "owner", " ", "targetDate-day", "31", "targetDate-month", "2", "targetDate-year", "2030");
        assertEquals(400, invalid.statusCode());
        String page = invalid.asString();
        assertTrue(page.contains("Select the gap this action closes"), page);
        assertTrue(page.contains("Enter who owns this action"));
        assertTrue(page.contains("The target date must be a real date"));
        LocalDate past = TestDates.today().minusDays(2);
        Response pastDate = browser.post("/pledge/assessments/" + id + "/actions", "questionId", String.valueOf(question),
                "owner", "ASB team", "targetDate-day", String.valueOf(past.getDayOfMonth()),
                "targetDate-month", String.valueOf(past.getMonthValue()), "targetDate-year", String.valueOf(past.getYear()));
        assertTrue(pastDate.asString().contains("The target date must be today or in the future"));

        Response added = browser.post("/pledge/assessments/" + id + "/actions", "questionId", String.valueOf(question),
                "description", "", "owner", "ASB team lead", "targetDate-day", "31", "targetDate-month", "3",
                "targetDate-year", String.valueOf(TestDates.today().getYear() + 1));
        assertEquals(303, added.statusCode(), added.asString());
        browser.get("/pledge/assessments/" + id + "/results").then()
                .body(containsString("ASB team lead"))
                .body(containsString("31 Mar " + (TestDates.today().getYear() + 1)));
    }

    @Test
    void submittingNeedsEveryAnswerAndASignatureThenLocksTheAssessmentAndShowsThePrintableReport() {
        Browser browser = PledgeContacts.registered("Signing Council");
        long id = browser.startAssessment();
        Response early = browser.post("/pledge/assessments/" + id + "/submit", "signedName", "", "signedRole", "");
        assertEquals(400, early.statusCode());
        String page = early.asString();
        assertTrue(page.contains("questions not yet answered before you submit"), page);
        assertTrue(page.contains("Enter the name of the person signing"));
        assertTrue(page.contains("Confirm that you sign the PLEDGE"));

        Answering.answerAll(browser, id, "YES");
        Answering.submit(browser, id);
        browser.get("/pledge/assessments/" + id + "/report").then().statusCode(200)
                .body(containsString("Assessment submitted"))
                .body(containsString("Sam Signer, Head of Community Safety"))
                .body(containsString("/css/pledge.css"))
                .body(containsString("Evidence for question"))
                .body(containsString("100%"));
        long question = Answering.questionIds(browser, id).get(0);
        Response change = browser.post("/pledge/assessments/" + id + "/sections/promote",
                Answering.sectionForm(question, "NO", "", "", ""));
        assertEquals(400, change.statusCode());
        browser.api().when().get("/api/v1/pledge/assessments/" + id + "/report").then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("score.percent", equalTo(100))
                .body("signature.name", equalTo("Sam Signer"));
        new Browser().get("/pledge/signed").then().body(containsString("Signing Council"));
    }

    @Test
    void theApiSubmitsWithASignature() {
        Browser browser = PledgeContacts.registered("Api Council");
        long id = browser.startAssessment();
        browser.api().body(Map.of()).when().post("/api/v1/pledge/assessments/" + id + "/submit")
                .then().statusCode(400).body("errors.field", hasItem("signedName"));
        Answering.answerAll(browser, id, "NOT_APPLICABLE");
        browser.api().body(Map.of("signedName", "Ana Api", "signedRole", "Director", "confirm", true))
                .when().post("/api/v1/pledge/assessments/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("score.rag", equalTo("NOT_SCORED"));
        new Browser().get("/pledge/signed").then().body(org.hamcrest.Matchers.not(containsString("Api Council")));
    }
}
