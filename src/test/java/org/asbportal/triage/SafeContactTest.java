package org.asbportal.triage;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

import org.asbportal.report.Report;
import org.asbportal.report.ReportFormSession;
import org.asbportal.security.StaffSession;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * A resident who gives contact details says how and when it is safe to contact them; the officer
 * sees it first on the case page, before calling someone who may be overheard.
 */
@QuarkusTest
class SafeContactTest {

    private static Map<String, Map<String, List<String>>> givingContact(Map<String, List<String>> details) {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        steps.put("about", ReportFormSession.answers("role", "VICTIM", "contactChoice", "CONTACT"));
        steps.put("details", details);
        return steps;
    }

    @Test
    void howAndWhenItIsSafeIsCheckedSavedAndShownFirstToTheOfficer() {
        Map<String, List<String>> details = ReportFormSession.answers("name", "Jo Resident", "email", "jo@example.org",
                "phone", "07700 900 982", "safeContactTimes", "Weekdays between 9am and 3pm");
        details.put("safeContact", List.of("EMAIL", "CALL"));
        ReportFormSession session = ReportFormSession.start();

        Response check = session.walkToCheck(givingContact(details));
        Document answers = Jsoup.parse(check.asString());
        assertThat(answers.text()).contains("Safe to contact you by Phone calls, Emails", "When it is safe Weekdays between 9am and 3pm");

        String reference = ReportFormSession.referenceOn(session.press("send"));
        Report saved = QuarkusTransaction.requiringNew().call(() -> Report.<Report>find("reference", reference).firstResult());
        assertThat(saved.safeContact).isEqualTo("CALL,EMAIL");
        assertThat(saved.safeContactTimes).isEqualTo("Weekdays between 9am and 3pm");

        Document casePage = Jsoup.parse(StaffSession.signIn("triage").get("/staff/cases/" + reference).then().statusCode(200)
                .extract().asString());
        assertThat(casePage.select("h1 + #safe-contact").text())
                .contains("safe to contact by Phone calls, Emails", "when: Weekdays between 9am and 3pm");
        // The other answers the resident gave, which the officer needs before acting on the case.
        assertThat(casePage.select("#reporter-role").text()).isEqualTo("The victim");
        assertThat(casePage.select("#consent").text()).startsWith("Yes");
        assertThat(casePage.text()).contains("How often: Most weeks", "Young people involved No");
    }

    @Test
    void anOfficerIsWarnedWhenTheResidentDidNotSayWhenItIsSafe() {
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(givingContact(ReportFormSession.answers("name", "Sam Resident", "email", "sam@example.org",
                "phone", "")));
        String reference = ReportFormSession.referenceOn(session.press("send"));

        Document casePage = Jsoup.parse(StaffSession.signIn("triage").get("/staff/cases/" + reference).then().statusCode(200)
                .extract().asString());
        assertThat(casePage.select("#safe-contact").text()).contains("did not say how or when it is safe");
    }

    @Test
    void anAnonymousReportHasNoContactWarning() {
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(ReportFormSession.validAnswers());
        String reference = ReportFormSession.referenceOn(session.press("send"));

        Document casePage = Jsoup.parse(StaffSession.signIn("triage").get("/staff/cases/" + reference).then().statusCode(200)
                .extract().asString());
        assertThat(casePage.select("#safe-contact")).isEmpty();
    }
}
