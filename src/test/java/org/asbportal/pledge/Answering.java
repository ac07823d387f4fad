package org.asbportal.pledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.pledge.PledgeContacts.Browser;

/** Answers assessments over the JSON API and the section pages. */
final class Answering {

    private Answering() {
    }

    /** The question ids of the assessment, in order. */
    static List<Long> questionIds(Browser browser, long assessment) {
        List<Number> ids = browser.api().when().get("/api/v1/pledge/assessments/" + assessment + "/answers")
                .then().statusCode(200).extract().path("answers.questionId");
        return ids.stream().map(Number::longValue).toList();
    }

    /** Gives every question the same answer, with evidence naming the question. */
    static void answerAll(Browser browser, long assessment, String answer) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Long id : questionIds(browser, assessment)) {
            Map<String, Object> one = new HashMap<>();
            one.put("questionId", id);
            one.put("answer", answer);
            one.put("evidence", "Evidence for question " + id);
            answers.add(one);
        }
        browser.api().body(Map.of("answers", answers)).when().put("/api/v1/pledge/assessments/" + assessment + "/answers")
                .then().statusCode(200);
    }

    static void submit(Browser browser, long assessment) {
        Response submitted = browser.post("/pledge/assessments/" + assessment + "/submit", "signedName", "Sam Signer",
                "signedRole", "Head of Community Safety", "confirm", "yes", "listPublicly", "yes");
        assertEquals(303, submitted.statusCode(), submitted.asString());
    }

    /** The form fields of a section page posting one answer for a question. */
    static Map<String, Object> sectionForm(long questionId, String answer, String evidence, String link, String note) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("question", String.valueOf(questionId));
        form.put("answer-" + questionId, answer);
        form.put("evidence-" + questionId, evidence);
        form.put("link-" + questionId, link);
        form.put("note-" + questionId, note);
        return form;
    }
}
