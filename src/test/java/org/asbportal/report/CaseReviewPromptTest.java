package org.asbportal.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * A victim who reports a second time within six months is told of their right to an ASB case review,
 * on the confirmation page and in the receipt, with a link to the application that lists both reports
 * (the 2025 statutory guidance). A first report, or one more than six months after the last, is not.
 */
@QuarkusTest
class CaseReviewPromptTest {

    @Inject
    AgroalDataSource dataSource;

    /** A report sent through the JSON API by the victim with this email address; its reference. */
    private static String earlierReport(String email) {
        return given().contentType(ContentType.JSON).body(ReportRequests.valid().with("reporter.email", email).json())
                .when().post("/api/v1/reports").then().statusCode(201).extract().path("reference");
    }

    /** The same victim's report through the form; the confirmation page. */
    private static Document reportThroughTheForm(String email) {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        steps.put("about", ReportFormSession.answers("role", "VICTIM", "contactChoice", "CONTACT"));
        steps.put("details", ReportFormSession.answers("name", "Chris Victim", "email", email.toUpperCase(), "phone", ""));
        ReportFormSession session = ReportFormSession.start();
        return Jsoup.parse(session.walkAndSend(steps).asString());
    }

    private static String unique() {
        return "prompt-" + ReportRequests.unique() + "@example.org";
    }

    @Test
    void aSecondReportByTheSameVictimTellsThemOfTheCaseReviewWithBothReportsListed() throws SQLException {
        String email = unique();
        String first = earlierReport(email);

        Document confirmation = reportThroughTheForm(email);
        String second = confirmation.select("#reference").text();

        Element prompt = confirmation.selectFirst("#case-review");
        assertThat(prompt).as("the case review prompt").isNotNull();
        assertThat(prompt.text()).contains("You have a right to an ASB case review", first);
        String link = prompt.select("a").attr("href");
        assertThat(link).isEqualTo("/community-trigger/apply?report=" + first + "&report=" + second);
        assertThat(receipt(second)).contains("You have a right to an ASB case review", first,
                "/community-trigger/apply?report=" + first + "&report=" + second);

        // The link starts an application (its draft behind a cookie) and sends the browser to its first page.
        io.restassured.response.Response started = given().accept("text/html").redirects().follow(false).when().get(link);
        assertThat(started.statusCode()).isEqualTo(303);
        String application = given().accept("text/html").cookies(started.cookies()).when().get(started.header("Location"))
                .then().statusCode(200).extract().asString();
        assertThat(Jsoup.parse(application).select("#prefilled").text())
                .isEqualTo("Your reports " + first + " and " + second + " are already listed in your application. "
                        + "You can add other reports and complaints later.");
    }

    @Test
    void aFirstReportHasNoPrompt() throws SQLException {
        String email = unique();
        Document confirmation = reportThroughTheForm(email);

        assertThat(confirmation.select("#case-review")).isEmpty();
        assertThat(receipt(confirmation.select("#reference").text())).doesNotContain("case review");
    }

    @Test
    void aReportMoreThanSixMonthsAfterTheLastHasNoPrompt() throws SQLException {
        String email = unique();
        String first = earlierReport(email);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement age = connection.prepareStatement(
                        "UPDATE report SET submitted_at = submitted_at - INTERVAL 7 MONTH WHERE reference = ?")) {
            age.setString(1, first);
            assertThat(age.executeUpdate()).isEqualTo(1);
        }

        assertThat(reportThroughTheForm(email).select("#case-review")).isEmpty();
    }

    private String receipt(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT body_text FROM outbox_message WHERE report_reference = ? AND kind = 'REPORT_RECEIVED'")) {
            query.setString(1, reference);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a receipt for " + reference).isTrue();
                return row.getString(1);
            }
        }
    }
}
