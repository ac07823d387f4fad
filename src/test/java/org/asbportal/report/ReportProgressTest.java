package org.asbportal.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** Each question of the report says how far through the resident is; the count follows their answers. */
@QuarkusTest
class ReportProgressTest {

    private static String caption(ReportFormSession session) {
        return Jsoup.parse(session.last().asString()).select(".govuk-caption-l").text();
    }

    @Test
    void everyQuestionSaysWhereItIsInTheReport() {
        ReportFormSession session = ReportFormSession.start();
        assertThat(caption(session)).matches("Report anti-social behaviour: question 1 of \\d+");

        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        session.walkUntil(steps, "where");
        assertThat(caption(session)).matches("Report anti-social behaviour: question 3 of \\d+");
        session.walkUntil(steps, "consent");
        int total = Integer.parseInt(caption(session).replaceAll(".* of ", ""));
        assertThat(total).as("danger, kind, where, when, what, evidence, impact, about you, equality, consent").isEqualTo(10);
        assertThat(caption(session)).as("the last question").isEqualTo("Report anti-social behaviour: question 10 of 10");

        session.walkToCheck(steps);
        assertThat(caption(session)).doesNotContain("question");
    }

    @Test
    void givingContactDetailsAddsTheirQuestionToTheCount() {
        Map<String, Map<String, List<String>>> anonymous = ReportFormSession.validAnswers();
        ReportFormSession stayingAnonymous = ReportFormSession.start();
        stayingAnonymous.walkUntil(anonymous, "consent");

        Map<String, Map<String, List<String>>> withContact = ReportFormSession.validAnswers();
        withContact.put("about", ReportFormSession.answers("role", "VICTIM", "contactChoice", "CONTACT"));
        withContact.put("details", ReportFormSession.answers("name", "Sam Resident", "email", "sam@example.org", "phone", ""));
        ReportFormSession giving = ReportFormSession.start();
        giving.walkUntil(withContact, "consent");

        int anonymousTotal = Integer.parseInt(caption(stayingAnonymous).replaceAll(".* of ", ""));
        assertThat(caption(giving)).endsWith(" of " + (anonymousTotal + 1));
    }
}
