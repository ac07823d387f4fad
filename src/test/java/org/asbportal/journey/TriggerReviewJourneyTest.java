package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.asbportal.report.ReportRequests;
import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows;
import org.asbportal.security.DemoAccounts;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A Community Trigger coordinator signs in, finds an application in the queue (a back-dated one
 * tagged overdue), and works it in the browser through to the outcome letter; the public reads the
 * yearly figures. Every page is checked with axe.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TriggerReviewJourneyTest {

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

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void coordinatorWorksAnApplicationThroughToTheOutcomeLetter() {
        LocalDate today = TestDates.today();
        String late = application(today);
        new ReportRows(dataSource).update("UPDATE trigger_step s JOIN trigger_application a ON a.id = s.application_id "
                + "SET s.due_by = ? WHERE a.reference = ? AND s.step = 'ACKNOWLEDGE'", today.minusDays(4), late);
        String reference = application(today);

        Tab coordinator = new Tab(browser.open(true), true);
        coordinator.page.navigate(url("staff/community-trigger"));
        coordinator.arrive("Sign in");
        coordinator.page.getByLabel("Username").fill("coordinator");
        coordinator.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(coordinator.page, "Sign in").click();
        coordinator.arrive("Community Trigger reviews");
        coordinator.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Enter an application taken by phone, on paper or in person")).click();
        coordinator.arrive("Enter an application taken by phone, on paper or in person");
        button(coordinator.page, "Save the application").click();
        coordinator.arrive("Error: Enter an application taken by phone, on paper or in person");
        assertThat(coordinator.page.locator(".govuk-error-summary")).containsText("Select how the application was made");
        coordinator.page.navigate(url("staff/community-trigger"));
        coordinator.arrive("Community Trigger reviews");
        assertThat(row(coordinator.page, late)).containsText("Overdue");
        assertThat(row(coordinator.page, late).locator(".govuk-tag--red")).isVisible();

        coordinator.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reference).setExact(true)).click();
        String title = "Community Trigger application " + reference;
        coordinator.arrive(title);
        assertThat(coordinator.page.locator("main")).containsText("Alex Journey");

        button(coordinator.page, "Acknowledge").click();
        coordinator.arrive(title);
        assertThat(coordinator.page.locator("main")).containsText("Application acknowledged");

        fillDate(coordinator.page, "decision-decidedOn", today);
        button(coordinator.page, "Record the decision").click();
        coordinator.arrive(title);
        assertThat(coordinator.page.locator("#status")).hasText("Review in progress");

        coordinator.page.locator("#agencies-asked").check();
        coordinator.page.locator("#agencies-asked-1").check();
        coordinator.page.locator("#agencies-summary").fill("The council wrote twice; the police visited once.");
        button(coordinator.page, "Record the information").click();
        coordinator.arrive(title);

        // a meeting without its findings is refused, with the error summary linked to the field
        fillDate(coordinator.page, "meeting-heldOn", today);
        coordinator.page.locator("#meeting-chair").fill("Jo Independent");
        coordinator.page.locator("#meeting-chairIndependent").check();
        coordinator.page.locator("#meeting-attending").check();
        coordinator.page.locator("#meeting-victimAttended").check();
        button(coordinator.page, "Record the meeting").click();
        coordinator.arrive("Error: " + title);
        assertThat(coordinator.page.locator(".govuk-error-summary")).containsText("Enter what the meeting found");
        assertThat(coordinator.page.locator(".govuk-error-summary")).not().containsText("chaired");
        assertThat(coordinator.page.locator("#meeting-chair")).hasValue("Jo Independent");
        coordinator.page.locator("#meeting-findings").fill("Warnings were not followed up.");
        button(coordinator.page, "Record the meeting").click();
        coordinator.arrive(title);

        coordinator.page.locator("#recommendation-text").fill("Follow up every warning within a week");
        coordinator.page.locator("#recommendation-ownerAgency").fill("Bedford Borough Council");
        fillDate(coordinator.page, "recommendation-dueOn", today.plusDays(14));
        button(coordinator.page, "Add recommendation").click();
        coordinator.arrive(title);
        assertThat(coordinator.page.locator("#recommendations ~ .govuk-summary-card").first())
                .containsText("Follow up every warning within a week");

        coordinator.page.locator("#outcome-summary").fill("The agencies will follow up warnings and visit you weekly.");
        button(coordinator.page, "Send the outcome letter").click();
        coordinator.arrive(title);
        assertThat(coordinator.page.locator("#status")).hasText("Review complete");

        coordinator.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outcome letter").setExact(true)).click();
        coordinator.arrive("Outcome letter " + reference);
        assertThat(coordinator.page.locator("#letter")).containsText("Dear Alex Journey");
        assertThat(coordinator.page.locator("#letter")).containsText("Follow up every warning within a week");
        coordinator.assertNoBrowserErrors();
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void thePublicReadsTheYearlyFigures(boolean javaScript) {
        Tab resident = new Tab(browser.open(javaScript), javaScript);
        resident.page.navigate(url("community-trigger"));
        resident.arrive("Ask for a review of anti-social behaviour: the Community Trigger");
        resident.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("how many applications we received and how many reviews took place")).click();
        resident.arrive("Community Trigger figures");
        assertThat(resident.page.locator("#figures")).containsText("Applications received");
        resident.assertNoBrowserErrors();
    }

    /**
     * The coordinator names the applicant's single point of contact, reads a report the application
     * cites and asks for the year's data for the Home Office return; the applicant, told the threshold
     * is not met, sees their contact and asks the Police and Crime Commissioner for a review on /track.
     */
    @Test
    void coordinatorNamesTheContactReadsACitedReportAndTheApplicantAsksTheCommissioner() {
        LocalDate today = TestDates.today();
        Map<String, String> saved = applicationWithCode(today);
        String reference = saved.get("reference");

        Tab coordinator = new Tab(browser.open(true), true);
        coordinator.page.navigate(url("staff/community-trigger"));
        coordinator.arrive("Sign in");
        coordinator.page.getByLabel("Username").fill("coordinator");
        coordinator.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(coordinator.page, "Sign in").click();
        coordinator.arrive("Community Trigger reviews");
        coordinator.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Download the year's data for the Home Office return")).click();
        coordinator.arrive("Case-review data for the Home Office return");
        coordinator.page.locator("#year").fill("20x6");
        button(coordinator.page, "Download the CSV").click();
        coordinator.arrive("Error: Case-review data for the Home Office return");
        assertThat(coordinator.page.locator(".govuk-error-summary")).containsText("Enter the year the return starts in");

        String title = "Community Trigger application " + reference;
        coordinator.page.navigate(url("staff/community-trigger/" + reference));
        coordinator.arrive(title);
        coordinator.page.locator("#spoc-name").fill("Sam Contact");
        button(coordinator.page, "Name the single point of contact").click();
        coordinator.arrive("Error: " + title);
        assertThat(coordinator.page.locator(".govuk-error-summary")).containsText("Enter the organisation");
        coordinator.page.locator("#spoc-organisation").fill("Bedford Borough Council");
        coordinator.page.locator("#spoc-phone").fill("01632 960 100");
        button(coordinator.page, "Name the single point of contact").click();
        coordinator.arrive(title);
        assertThat(coordinator.page.locator("#spoc-current")).containsText("Sam Contact, Bedford Borough Council");

        coordinator.page.locator("#complaints ~ table a").first().click();
        coordinator.page.waitForURL(java.util.regex.Pattern.compile(".*/reports/ASB-.*"));
        String report = coordinator.page.url().replaceAll(".*/reports/", "");
        coordinator.arrive("Report " + report + ", cited by application " + reference);
        assertThat(coordinator.page.locator("#report-status")).isVisible();
        coordinator.assertNoBrowserErrors();

        // the threshold is decided not met, so the applicant may ask the Commissioner
        org.asbportal.security.StaffApi.as("coordinator").body(org.asbportal.security.StaffApi.json("version",
                version(reference))).when().post("/api/v1/community-trigger/reviews/" + reference + "/acknowledge")
                .then().statusCode(200);
        org.asbportal.security.StaffApi.as("coordinator").body(org.asbportal.security.StaffApi.json("version",
                version(reference), "decidedOn", today.toString(), "discretionary", false, "reasons", "Not enough complaints."))
                .when().post("/api/v1/community-trigger/reviews/" + reference + "/decision").then().statusCode(200);
        for (boolean javaScript : new boolean[] { true, false }) {
            Tab applicant = new Tab(browser.open(javaScript), javaScript);
            applicant.page.navigate(url("track"));
            applicant.page.locator("#reference").fill(reference);
            applicant.page.locator("#accessCode").fill(saved.get("accessCode"));
            applicant.page.locator("form[action='/track'] button[type=submit]").click();
            applicant.arrive("Your application " + reference);
            assertThat(applicant.page.locator("#spoc")).containsText("Sam Contact, Bedford Borough Council");
            if (!javaScript) {
                continue;
            }
            button(applicant.page, "Ask the Police and Crime Commissioner").click();
            applicant.arrive("Error: Your application " + reference);
            applicant.page.locator("#pcc-reason").fill("My calls to the police were left out.");
            button(applicant.page, "Ask the Police and Crime Commissioner").click();
            applicant.arrive("Your application " + reference);
            assertThat(applicant.page.locator("#pcc-referred")).hasText("Not yet");
            applicant.assertNoBrowserErrors();
        }
    }

    private static int version(String reference) {
        return org.asbportal.security.StaffApi.as("coordinator").when().get("/api/v1/community-trigger/reviews/" + reference)
                .then().statusCode(200).extract().path("version");
    }

    /** An application citing two portal reports (the threshold is not met), saved over the API; its reference and access code. */
    private static Map<String, String> applicationWithCode(LocalDate today) {
        List<String> references = new ArrayList<>();
        List<String> accessCodes = new ArrayList<>();
        for (int daysAgo : new int[] { 8, 2 }) {
            Body report = ReportRequests.valid().with("occurredAt", today.minusDays(daysAgo).toString());
            io.restassured.response.Response saved = given().contentType(ContentType.JSON)
                    .body(report.json().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/reports");
            saved.then().statusCode(201);
            references.add(saved.path("reference"));
            accessCodes.add(saved.path("accessCode"));
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Alex Journey");
        applicant.put("type", "PERSON");
        applicant.put("phone", "01632 960 002");
        Body body = new Body();
        body.put("applicant", applicant);
        body.put("description", "Shouting every night, " + ReportRequests.unique());
        body.put("impact", "I cannot sleep.");
        body.put("hateMotivated", false);
        body.put("reportReferences", references);
        body.put("reportAccessCodes", accessCodes);
        body.put("otherComplaints", List.of());
        io.restassured.response.Response created = given().contentType(ContentType.JSON)
                .body(body.json().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/community-trigger/applications");
        created.then().statusCode(201);
        return Map.of("reference", created.path("reference"), "accessCode", created.path("accessCode"));
    }

    /** An application citing three portal reports, saved over the API; its reference. */
    private static String application(LocalDate today) {
        List<String> references = new ArrayList<>();
        List<String> accessCodes = new ArrayList<>();
        for (int daysAgo : new int[] { 18, 8, 2 }) {
            Body report = ReportRequests.valid().with("occurredAt", today.minusDays(daysAgo).toString());
            io.restassured.response.Response saved = given().contentType(ContentType.JSON)
                    .body(report.json().getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/reports");
            saved.then().statusCode(201);
            references.add(saved.path("reference"));
            accessCodes.add(saved.path("accessCode"));
        }
        Map<String, Object> applicant = new LinkedHashMap<>();
        applicant.put("name", "Alex Journey");
        applicant.put("email", "alex.journey@example.org");
        applicant.put("type", "PERSON");
        Body body = new Body();
        body.put("applicant", applicant);
        body.put("description", "Shouting every night, " + ReportRequests.unique());
        body.put("impact", "I cannot sleep.");
        body.put("hateMotivated", false);
        body.put("reportReferences", references);
        // The applicant shows each report is theirs with its access code, so it counts.
        body.put("reportAccessCodes", accessCodes);
        body.put("otherComplaints", List.of());
        return given().contentType(ContentType.JSON).body(body.json().getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/community-trigger/applications").then().statusCode(201).extract().path("reference");
    }

    private static void fillDate(Page page, String id, LocalDate date) {
        page.locator("#" + id).fill(String.valueOf(date.getDayOfMonth()));
        page.locator("#" + id + "-month").fill(String.valueOf(date.getMonthValue()));
        page.locator("#" + id + "-year").fill(String.valueOf(date.getYear()));
    }

    private static Locator row(Page page, String reference) {
        return page.locator("#applications tr").filter(new Locator.FilterOptions().setHasText(reference));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
