package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import org.asbportal.security.DemoAccounts;
import org.asbportal.security.StaffApi;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An officer finds the case with an action due today on their start page, records a review of it,
 * prepares an Acceptable Behaviour Contract letter, saves it as sent and opens its printable page
 * (which fits a 320 px screen); an administrator opens the letter templates. Every page is checked with axe.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CaseWorkJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void anOfficerSeesWhatIsDueRecordsAReviewAndSendsALetter(boolean javaScript) {
        Case reported = Cases.reportInto("COUNCIL_ASB");
        StaffApi.as("caseworker").body(StaffApi.json("version", 0)).when()
                .post("/api/v1/cases/{reference}/claim", reported.reference()).then().statusCode(200);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        StaffApi.as("caseworker").body(StaffApi.json("type", "WARNING", "description", "Letter to the household",
                "owner", "caseworker", "dueOn", today)).when()
                .post("/api/v1/cases/{reference}/actions", reported.reference()).then().statusCode(201);

        Tab officer = new Tab(browser.open(javaScript), javaScript);
        officer.page.navigate(url("login"));
        officer.arrive("Sign in");
        officer.page.getByLabel("Username").fill("caseworker");
        officer.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(officer.page, "Sign in").click();
        officer.arrive("My queues");
        assertThat(officer.page.locator("#due-today")).hasText("Due today and overdue");

        officer.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reported.reference()).setExact(true)).click();
        officer.arrive("Case " + reported.reference());
        officer.page.getByLabel("Record a review").fill("Spoke to the resident; the dumping has stopped for now.");
        button(officer.page, "Record a review").click();
        officer.arrive("Case " + reported.reference());
        assertThat(officer.page.locator("#notice")).containsText("Review recorded");

        officer.page.getByLabel("Prepare a letter").selectOption("ABC");
        button(officer.page, "Prepare a letter").click();
        officer.arrive("Prepare a letter on case " + reported.reference());
        button(officer.page, "Fill in the letter").click();
        officer.arrive("Error: Prepare a letter on case " + reported.reference());
        officer.page.getByLabel("Name of the person the letter is to").fill("Jo Bloggs");
        officer.page.getByLabel("Their address").fill("2 Mill Lane\nBedford\nMK40 1AA");
        button(officer.page, "Fill in the letter").click();
        officer.arrive("Acceptable Behaviour Contract for case " + reported.reference());
        assertThat(officer.page.getByLabel("The letter")).containsText("Dear Jo Bloggs,");
        button(officer.page, "Save as sent").click();
        officer.arrive("Acceptable Behaviour Contract, case " + reported.reference());
        assertThat(officer.page.locator("#letter-text")).containsText("Dear Jo Bloggs,");
        officer.page.setViewportSize(320, 800);
        officer.assertFits(320);
        officer.assertNoBrowserErrors();

        Tab admin = new Tab(browser.open(javaScript), javaScript);
        admin.page.navigate(url("login"));
        admin.arrive("Sign in");
        admin.page.getByLabel("Username").fill("admin");
        admin.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(admin.page, "Sign in").click();
        admin.arrive("My queues");
        admin.page.navigate(url("admin/letters"));
        admin.arrive("Letter templates");
        admin.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Warning letter")).click();
        admin.arrive("Edit letter template: Warning letter");
        admin.assertNoBrowserErrors();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
