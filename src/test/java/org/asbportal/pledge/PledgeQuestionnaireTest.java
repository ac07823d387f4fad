package org.asbportal.pledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.pledge.PledgeContacts.Browser;
import org.asbportal.pledge.QuestionnaireService.QuestionDefinition;
import org.asbportal.pledge.QuestionnaireService.QuestionnaireJson;
import org.asbportal.pledge.QuestionnaireService.SectionDefinition;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PledgeQuestionnaireTest {

    @Inject
    QuestionnaireService questionnaires;

    @Test
    void theQuestionnaireHasASectionPerPrincipleAndTheClapTestCoveringEveryAreaWithASuggestedActionForEachQuestion() {
        given().accept(ContentType.JSON).when().get("/api/v1/pledge/questionnaire").then().statusCode(200)
                .body("version", notNullValue())
                .body("sections.code", hasItems("promote", "legal", "accessible", "develop", "inclusive", "victims", "clap"))
                .body("sections.flatten().questions.flatten().area", hasItems("Threshold and caveats", "Point of contact",
                        "Information on the website", "Channels to apply", "Sharing with relevant bodies", "Independent chair",
                        "Victim attendance and impact statement", "Appeal route", "Published figures", "Staff training",
                        "Directory of contacts", "Template documents", "Reaching vulnerable victims", "Review of the process",
                        "Clear", "Legal", "Accessible", "Promoted"))
                .body("sections.flatten().questions.flatten().suggestedAction", everyItem(notNullValue()))
                .body("sections.flatten().questions.flatten().id", everyItem(notNullValue()));
    }

    @Test
    void publishingANewVersionLeavesASubmittedAssessmentAndItsReportUnchangedAndANewAssessmentUsesItShowingProgress() {
        Browser browser = PledgeContacts.registered("Versioned Council");
        long first = browser.startAssessment();
        Answering.answerAll(browser, first, "PARTLY");
        Answering.submit(browser, first);
        String reportBefore = browser.get("/pledge/assessments/" + first + "/report").asString();
        String jsonBefore = browser.api().when().get("/api/v1/pledge/assessments/" + first + "/report").asString();
        int versionBefore = browser.api().when().get("/api/v1/pledge/assessments/" + first + "/report").path("questionnaireVersion");

        int published = questionnaires.publish("ASB Help PLEDGE self-assessment, revised", revisedCopy(questionnaires.current()));
        assertEquals(versionBefore + 1, published);

        assertEquals(reportBefore, browser.get("/pledge/assessments/" + first + "/report").asString());
        assertEquals(jsonBefore, browser.api().when().get("/api/v1/pledge/assessments/" + first + "/report").asString());
        assertTrue(!reportBefore.contains("Revised:"));

        given().accept(ContentType.JSON).when().get("/api/v1/pledge/questionnaire").then()
                .body("version", equalTo(published))
                .body("sections[0].questions[0].text", containsString("Revised:"));

        long second = browser.startAssessment();
        browser.api().when().get("/api/v1/pledge/assessments/" + second + "/report").then()
                .body("questionnaireVersion", equalTo(published))
                .body("previousId", equalTo((int) first));
        Answering.answerAll(browser, second, "YES");
        browser.get("/pledge/assessments/" + second + "/results").then()
                .body(containsString("Last assessment"))
                .body(containsString("50%: Up 50 points"));
        browser.get("/pledge/assessments/" + second + "/report").then().body(containsString("Revised:"));
        browser.get("/pledge/assessments/" + first + "/report").then().body(not(containsString("Revised:")));
    }

    /** The current version with every question reworded. */
    private static List<SectionDefinition> revisedCopy(QuestionnaireJson current) {
        List<SectionDefinition> sections = new ArrayList<>();
        current.sections().forEach(s -> sections.add(new SectionDefinition(s.code(), s.title(), s.description(),
                s.questions().stream().map(q -> new QuestionDefinition(q.code(), q.area(), "Revised: " + q.text(), q.hint(),
                        q.suggestedAction())).toList())));
        return sections;
    }

    @Test
    void theQuestionnaireIsPublicWithoutSigningIn() {
        given().when().get("/api/v1/pledge/questionnaire").then().statusCode(200).contentType(ContentType.JSON)
                .body("sections.size()", equalTo(7));
    }
}
