package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Residents use the browser's Back and Forward buttons in the middle of the report and the Community
 * Trigger application, with and without JavaScript: every page comes back from its own address with
 * the answers given, nothing asks to resubmit a form, and nothing typed is lost.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BackAndForwardJourneyTest {

    private static final String EVIDENCE = "Add photos, videos, audio or documents (optional)";

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    private SavedReports saved;

    @BeforeEach
    void connect() {
        saved = new SavedReports(dataSource);
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void aResidentGoesBackAndForwardInTheReportAndLosesNoAnswer(boolean javaScript) {
        String place = "Behind the library, " + ReportRequests.unique();
        String description = "Bins set alight twice this week, " + ReportRequests.unique();
        LocalDate day = LocalDate.now(PARTNERSHIP_ZONE).minusDays(2);
        Steps tab = new Steps(browser.open(javaScript), javaScript);

        tab.page.navigate(url("report"));
        tab.arrive("Is anyone in danger right now?");
        tab.choose("Is anyone in danger right now?", "No");
        tab.pressContinue();
        tab.arrive("What kind of behaviour are you reporting?");
        tab.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(java.util.regex.Pattern.compile("^Noise \\("))).check();
        tab.pressContinue();
        tab.arrive("Where did it happen?");
        tab.page.getByLabel("Street, building or landmark").fill(place);
        tab.pressContinue();
        tab.arrive("When did it happen?");
        tab.date(day);
        tab.choose("Is it still happening?", "Yes");
        tab.pressContinue();
        tab.arrive("What happened?");
        assertTrue(tab.page.url().endsWith("/report/what"), tab.page.url());

        tab.back("When did it happen?", "/report/when");
        assertThat(tab.page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true))).hasValue(String.valueOf(day.getDayOfMonth()));
        tab.back("Where did it happen?", "/report/where");
        assertThat(tab.page.getByLabel("Street, building or landmark")).hasValue(place);
        tab.back("What kind of behaviour are you reporting?", "/report/category");
        assertThat(tab.page.locator("input[name=category][value=NOISE]")).isChecked();
        tab.forward("Where did it happen?", "/report/where");
        assertThat(tab.page.getByLabel("Street, building or landmark")).hasValue(place);
        tab.forward("When did it happen?", "/report/when");
        tab.forward("What happened?", "/report/what");
        tab.page.reload();
        tab.arrive("What happened?");

        tab.page.getByLabel("What happened?").fill(description);
        tab.choose("Are young people (under 18) involved in the behaviour?", "I'm not sure");
        tab.pressContinue();
        tab.arrive(EVIDENCE);
        tab.pressContinue();
        tab.arrive("About you");
        tab.back(EVIDENCE, "/report/evidence");
        tab.back("What happened?", "/report/what");
        assertThat(tab.page.getByLabel("What happened?")).hasValue(description);
        tab.forward(EVIDENCE, "/report/evidence");
        tab.forward("About you", "/report/about");
        tab.choose("Are you the victim or a witness?", "A witness");
        tab.choose("Can we contact you about your report?", "No, I want to stay anonymous");
        tab.pressContinue();
        tab.arrive("How is it affecting you?");
        tab.choose("Has this happened to you before?", "Yes");
        tab.choose("Do you think it is aimed at you because of who you are?", "No");
        tab.choose("How much is it affecting your health, sleep, family or work?", "A little");
        tab.choose("Do you feel unsafe in your own home?", "No");
        tab.choose("Are children or a vulnerable adult affected?", "No");
        tab.pressContinue();
        tab.arrive("Equality monitoring");
        tab.pressContinue();
        tab.arrive("Sharing your report");
        tab.choose("Can we share your report with our partner agencies?", "Yes");
        tab.pressContinue();
        tab.arrive("Check your answers before sending your report");
        Locator summary = tab.page.locator(".govuk-summary-list").first();
        assertThat(summary).containsText(place);
        assertThat(summary).containsText(description);
        assertThat(summary).containsText("Noise");

        long before = saved.countAll();
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
        tab.arrive("Report sent");
        String reference = tab.page.locator("#reference").textContent().strip();
        tab.back("Report sent", "/report/confirmation");
        assertThat(tab.page.locator("#reference")).hasText(reference);
        assertEquals(before + 1, saved.countAll(), "Back after sending sends nothing again");
        SavedReports.ReportRow report = saved.byReference(reference).orElseThrow();
        assertEquals(description, report.description());
        assertEquals(place, report.locationDescription());
        assertEquals(day, report.occurredOn());
        tab.assertNoBrowserErrors();
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void anApplicantGoesBackAndForwardInTheApplicationAndLosesNoAnswer(boolean javaScript) {
        String firstReport = portalReport();
        String secondReport = portalReport();
        String description = "Shouting on the landing, " + ReportRequests.unique();
        Steps tab = new Steps(browser.open(javaScript), javaScript);

        tab.page.navigate(url("community-trigger/apply"));
        tab.arrive("Who is applying?");
        tab.choose("Are you the victim, or applying for them?", "I am the victim");
        tab.choose("Is the victim a person, a business or a community group?", "A person");
        tab.pressContinue();
        tab.arrive("Your contact details");
        tab.page.getByLabel("Full name").fill("Sam Resident");
        tab.page.getByLabel("Email address").fill("sam.resident@example.org");
        tab.pressContinue();
        tab.arrive("The anti-social behaviour and its effect");
        tab.page.getByLabel("What has been happening?").fill(description);
        tab.page.getByLabel("How is it affecting you?").fill("I cannot sleep.");
        tab.pressContinue();
        tab.arrive("Reports made on this website");
        tab.page.getByLabel("Report reference 1").fill(firstReport);
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add another reference")).click();
        tab.arrive("Reports made on this website");
        tab.page.getByLabel("Report reference 2").fill(secondReport);
        tab.pressContinue();
        tab.arrive("Complaints made to other agencies");

        tab.back("Reports made on this website", "/community-trigger/apply/reports");
        assertThat(tab.page.getByLabel("Report reference 1")).hasValue(firstReport);
        assertThat(tab.page.getByLabel("Report reference 2")).hasValue(secondReport);
        tab.back("Reports made on this website", "/community-trigger/apply/reports");
        tab.back("The anti-social behaviour and its effect", "/community-trigger/apply/behaviour");
        assertThat(tab.page.getByLabel("What has been happening?")).hasValue(description);
        tab.forward("Reports made on this website", "/community-trigger/apply/reports");
        tab.forward("Reports made on this website", "/community-trigger/apply/reports");
        assertThat(tab.page.getByLabel("Report reference 2")).hasValue(secondReport);
        tab.forward("Complaints made to other agencies", "/community-trigger/apply/complaints");
        tab.pressContinue();
        String hate = "Is the behaviour aimed at the victim because of who they are?";
        tab.arrive(hate);
        tab.choose(hate, "No");
        tab.pressContinue();
        tab.arrive("What would you like to happen?");
        tab.pressContinue();
        tab.arrive("Check your answers before sending your application");
        Locator summary = tab.page.locator(".govuk-summary-list").first();
        assertThat(summary).containsText(description);
        assertThat(summary).containsText(firstReport);
        assertThat(summary).containsText(secondReport);

        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send application")).click();
        tab.arrive("Application sent");
        assertThat(tab.page.locator("#complaints li")).hasCount(2);
        String reference = tab.page.locator("#reference").textContent().strip();
        tab.back("Application sent", "/community-trigger/apply/confirmation");
        assertThat(tab.page.locator("#reference")).hasText(reference);
        assertEquals(1, countApplications(description), "one application, however the history is walked");
        tab.assertNoBrowserErrors();
    }

    private int countApplications(String description) {
        try (var connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT COUNT(*) FROM trigger_application WHERE description = ?")) {
            statement.setString(1, description);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String portalReport() {
        String body = ReportRequests.valid().with("occurredAt", LocalDate.now(PARTNERSHIP_ZONE).minusDays(3).toString()).json();
        return given().contentType(ContentType.JSON).body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/reports")
                .then().statusCode(201).extract().path("reference");
    }

    private String url(String path) {
        return base.toString() + path;
    }

    /** A browser tab going through a journey's pages and its history. */
    private static final class Steps extends Tab {

        Steps(Page page, boolean javaScript) {
            super(page, javaScript);
        }

        /** The browser's Back button: the page before, fetched again from its own address. */
        void back(String title, String path) {
            arriveFrom(page.goBack(), title, path);
        }

        /** The browser's Forward button. */
        void forward(String title, String path) {
            arriveFrom(page.goForward(), title, path);
        }

        private void arriveFrom(Response response, String title, String path) {
            arrive(title);
            assertTrue(page.url().endsWith(path), page.url());
            if (response != null) {
                assertEquals("GET", response.request().method(), "history never posts a form again");
                assertEquals(200, response.status());
            }
        }

        void choose(String legend, String label) {
            page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true))
                    .getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
        }

        void date(LocalDate date) {
            Page.GetByLabelOptions exact = new Page.GetByLabelOptions().setExact(true);
            page.getByLabel("Day", exact).fill(String.valueOf(date.getDayOfMonth()));
            page.getByLabel("Month", exact).fill(String.valueOf(date.getMonthValue()));
            page.getByLabel("Year", exact).fill(String.valueOf(date.getYear()));
        }

        void pressContinue() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        }
    }
}
