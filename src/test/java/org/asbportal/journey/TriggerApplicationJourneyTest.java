package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.asbportal.report.ReportRequests;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static io.restassured.RestAssured.given;

/**
 * Someone applies for a Community Trigger case review in a real browser, with and without
 * JavaScript, from the explanation page to the confirmation, and the application is stored with the
 * answers given. Every page on the way is checked with axe against WCAG 2.1 AA.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TriggerApplicationJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final Pattern REFERENCE = Pattern.compile("CT-[2-9A-Z]{4}-[2-9A-Z]{4}");
    private static final Pattern ACCESS_CODE = Pattern.compile("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    private static final String EXPLANATION = "Ask for a review of anti-social behaviour: the Community Trigger";
    private static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void aFriendAppliesForAVictimCitingTwoReportsAndAComplaintToThePolice(boolean javaScript) throws Exception {
        String firstReport = portalReport(3);
        String secondReport = portalReport(1);
        LocalDate behaviour = LocalDate.now(PARTNERSHIP_ZONE).minusDays(10);
        LocalDate complained = behaviour.plusDays(2);
        String description = "Shouting in the stairwell most nights, " + ReportRequests.unique();
        Journey journey = new Journey(browser.open(javaScript), javaScript);

        journey.page.navigate(url("community-trigger"));
        journey.arrive(EXPLANATION);
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();

        journey.arrive("Who is applying?");
        journey.pressContinue();
        journey.arriveWithError("Who is applying?", "applying", "Select whether you are the victim or applying for the victim");
        journey.choose("Are you the victim, or applying for them?", "I am applying for the victim");
        journey.choose("Is the victim a person, a business or a community group?", "A person");
        journey.pressContinue();

        journey.arrive("The person you are applying for");
        journey.page.getByLabel("Their name").fill("Pat Victim");
        journey.page.getByLabel("How do you know them?").fill("Neighbour and friend");
        journey.pressContinue();
        journey.arriveWithError("The person you are applying for", "consent",
                "You can only apply for someone else with their agreement: confirm they have agreed to you applying for them");
        journey.page.getByLabel("The victim agrees to me applying for them").check();
        journey.pressContinue();

        journey.arrive("Your contact details");
        journey.page.getByLabel("Full name").fill("Robin Friend");
        journey.page.getByLabel("Email address").fill("robin.friend@example.org");
        journey.pressContinue();

        journey.arrive("The anti-social behaviour and its effect");
        journey.page.getByLabel("What has been happening?").fill(description);
        journey.page.getByLabel("How is it affecting the victim?").fill("Pat no longer sleeps and is afraid to go out.");
        journey.pressContinue();

        journey.arrive("Reports made on this website");
        journey.page.getByLabel("Report reference 1").fill(firstReport);
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another reference")).click();
        journey.arrive("Reports made on this website");
        assertThat(journey.page.getByLabel("Report reference 1")).hasValue(firstReport);
        journey.page.getByLabel("Report reference 2").fill(secondReport.toLowerCase());
        journey.pressContinue();

        journey.arrive("Complaints made to other agencies");
        journey.page.getByLabel("Agency you complained to").fill("Bedfordshire Police");
        journey.date("Date you complained", complained.plusYears(1));
        journey.date("Date of the behaviour you complained about", behaviour);
        journey.pressContinue();
        journey.arriveWithError("Complaints made to other agencies", "complaint-1-reported",
                "The date you complained must be today or in the past");
        journey.date("Date you complained", complained);
        journey.pressContinue();

        String hate = "Is the behaviour aimed at the victim because of who they are?";
        journey.arrive(hate);
        journey.choose(hate, "No");
        journey.pressContinue();

        journey.arrive("What would you like to happen?");
        journey.page.getByLabel("In your own words (optional)").fill("For the shouting to stop");
        journey.pressContinue();

        String check = "Check your answers before sending your application";
        journey.arrive(check);
        Locator summary = journey.page.locator(".govuk-summary-list");
        assertThat(summary).containsText("Someone applying for the victim");
        assertThat(summary).containsText("Pat Victim");
        assertThat(summary).containsText(description);
        assertThat(summary).containsText(firstReport);
        assertThat(summary).containsText(secondReport);
        assertThat(summary).containsText("Bedfordshire Police: complained on");
        journey.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change what you would like to happen")).click();
        journey.arrive("What would you like to happen?");
        journey.page.getByLabel("In your own words (optional)").fill("For the shouting to stop at night");
        journey.pressContinue();
        journey.arrive(check);
        assertThat(summary).containsText("For the shouting to stop at night");
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send application")).click();

        journey.arrive("Application sent");
        String reference = journey.page.locator("#reference").innerText().strip();
        String accessCode = journey.page.locator("#access-code").innerText().strip();
        assertTrue(REFERENCE.matcher(reference).matches(), reference);
        assertTrue(ACCESS_CODE.matcher(accessCode).matches(), accessCode);
        assertThat(journey.page.locator("#threshold")).containsText("Your application appears to meet the threshold");
        assertThat(journey.page.locator("#complaints li")).hasCount(3);
        assertThat(journey.page.locator("#steps tbody tr")).hasCount(5);
        journey.assertNoBrowserErrors();

        APIResponse stored = journey.page.request().get(url("api/v1/community-trigger/applications/" + reference),
                RequestOptions.create().setHeader("X-Access-Code", accessCode));
        assertEquals(200, stored.status(), stored.text());
        JsonNode application = new ObjectMapper().readTree(stored.text());
        assertEquals(reference, application.get("reference").asText());
        assertTrue(application.get("thresholdMet").asBoolean());
        assertEquals(3, application.get("qualifyingComplaints").asInt());
        JsonNode complaints = application.get("complaints");
        assertEquals(firstReport, complaints.get(0).get("reference").asText());
        assertEquals(secondReport, complaints.get(1).get("reference").asText());
        assertEquals("Bedfordshire Police", complaints.get(2).get("agency").asText());
        assertEquals(complained.toString(), complaints.get(2).get("reportedOn").asText());
        assertEquals(behaviour.toString(), complaints.get(2).get("behaviourOn").asText());
        Map<String, Object> row = applicationRow(reference);
        assertEquals("Robin Friend", row.get("applicant_name"));
        assertEquals("robin.friend@example.org", row.get("applicant_email"));
        assertEquals("PERSON", row.get("applicant_type"));
        assertEquals("Pat Victim", row.get("on_behalf_of_name"));
        assertEquals("Neighbour and friend", row.get("on_behalf_of_relationship"));
        assertEquals(Boolean.TRUE, row.get("victim_consent"));
        assertEquals(Boolean.FALSE, row.get("hate_motivated"));
        assertEquals(description, row.get("description"));
        assertEquals("For the shouting to stop at night", row.get("outcome_wanted"));
        assertEquals("WEB", row.get("channel"));
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void aVictimFollowingTheirCaseAsksForAReviewWithTheirReportAlreadyListed(boolean javaScript) {
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> report = given()
                .contentType(ContentType.JSON).body(ReportRequests.valid().json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports").then().statusCode(201).extract();
        String reportReference = report.path("reference");
        Journey journey = new Journey(browser.open(javaScript), javaScript);

        journey.page.navigate(url("track"));
        journey.arrive("Check your report");
        journey.page.getByLabel("Reference").fill(reportReference);
        journey.page.getByLabel("Access code").fill(report.path("accessCode"));
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check report")).click();
        journey.arrive("Your report " + reportReference);
        assertThat(journey.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Is the problem still happening?")))
                .isVisible();
        journey.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ask for a case review of report " + reportReference))
                .click();

        journey.arrive("Who is applying?");
        assertThat(journey.page.locator("#prefilled")).containsText(reportReference);
        journey.choose("Are you the victim, or applying for them?", "I am the victim");
        journey.choose("Is the victim a person, a business or a community group?", "A business");
        journey.pressContinue();
        journey.arrive("Your contact details");
        journey.page.getByLabel("Full name").fill("Jo Shopkeeper");
        journey.page.getByLabel("Phone number").fill("01632 960 004");
        journey.pressContinue();
        journey.arrive("The anti-social behaviour and its effect");
        journey.page.getByLabel("What has been happening?").fill("Windows broken again");
        journey.page.getByLabel("How is it affecting you?").fill("Customers stay away");
        journey.pressContinue();
        journey.arrive("Reports made on this website");
        assertThat(journey.page.getByLabel("Report reference 1")).hasValue(reportReference);
        journey.assertNoBrowserErrors();
    }

    private static String portalReport(int daysAgo) {
        // made by the applicant, with the email address they give in the application, so it counts without its access code
        String body = ReportRequests.valid().with("occurredAt", LocalDate.now(PARTNERSHIP_ZONE).minusDays(daysAgo).toString())
                .with("reporter.email", "robin.friend@example.org").json();
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract().path("reference");
    }

    private Map<String, Object> applicationRow(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT applicant_name, applicant_email, applicant_type, on_behalf_of_name, on_behalf_of_relationship, "
                                + "victim_consent, hate_motivated, description, outcome_wanted, channel "
                                + "FROM trigger_application WHERE reference = ?")) {
            statement.setString(1, reference);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next(), "no application " + reference);
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (String column : List.of("applicant_name", "applicant_email", "applicant_type", "on_behalf_of_name",
                        "on_behalf_of_relationship", "description", "outcome_wanted", "channel")) {
                    row.put(column, rows.getString(column));
                }
                row.put("victim_consent", rows.getBoolean("victim_consent"));
                row.put("hate_motivated", rows.getBoolean("hate_motivated"));
                return row;
            }
        }
    }

    private String url(String path) {
        return base.toString() + path;
    }

    /** One applicant's browser tab, going through the application's pages. */
    private static final class Journey extends Tab {

        Journey(Page page, boolean javaScript) {
            super(page, javaScript);
        }

        /** The page shows the error summary for a question, linked to its input. */
        void arriveWithError(String title, String inputId, String message) {
            arrive("Error: " + title);
            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary.getByRole(AriaRole.HEADING)).hasText("There is a problem");
            Locator link = summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(message));
            assertThat(link).hasAttribute("href", "#" + inputId);
            assertThat(page.locator("#" + inputId + "-error")).containsText(message);
            link.click();
            if (javaScript) {
                assertThat(page.locator("#" + inputId)).isFocused();
            } else {
                assertTrue(page.url().endsWith("#" + inputId), page.url());
            }
        }

        void choose(String legend, String label) {
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true))
                    .getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
        }

        void date(String legend, LocalDate date) {
            Locator group = page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
            group.getByLabel("Day").fill(String.valueOf(date.getDayOfMonth()));
            group.getByLabel("Month").fill(String.valueOf(date.getMonthValue()));
            group.getByLabel("Year").fill(String.valueOf(date.getYear()));
        }

        void pressContinue() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        }
    }
}
