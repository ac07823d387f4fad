package org.asbportal.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.asbportal.journey.Browser;
import org.asbportal.journey.Tab;
import org.asbportal.report.ReportRequests;
import org.asbportal.security.DemoAccounts;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An administrator signs in and opens every administration page in a real browser, with and without
 * JavaScript, including a form sent with problems; every page is checked with axe against WCAG 2.1 AA.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class AdminPagesBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void everyAdministrationPageIsAccessible(boolean javaScript) {
        AdminRows db = new AdminRows(dataSource);
        AdminTab tab = new AdminTab(browser.open(javaScript), javaScript);

        tab.page.navigate(url("login"));
        tab.arrive("Sign in");
        tab.page.getByLabel("Username").fill("admin");
        tab.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        tab.arrive("My queues");
        tab.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Administration").setExact(true)).click();
        tab.arrive("Administration");

        tab.follow("Staff accounts", "Staff accounts");
        tab.follow("Create an account", "Create a staff account");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
        tab.arrive("Error: Create a staff account");
        assertThat(tab.page.locator(".govuk-error-summary")).containsText("Enter a username");
        tab.open("admin/accounts/" + db.accountId("councillor"), "Account councillor");
        tab.open("admin/accounts/" + db.accountId("councillor") + "/tokens", "API tokens of councillor");
        tab.page.getByLabel("Noise (NOISE)").check();
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create token")).click();
        tab.arrive("Error: API tokens of councillor");
        assertThat(tab.page.locator(".govuk-error-summary")).containsText("Choose whether the token may send service requests");
        tab.open("admin/organisations", "Organisations");
        tab.follow("Add an organisation", "Add an organisation");
        String code = "BROWSER_" + ReportRequests.unique().toUpperCase() + (javaScript ? "_JS" : "");
        tab.page.getByLabel("Code").fill(code);
        tab.page.getByLabel("Name").fill("Added in a browser");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add organisation")).click();
        tab.arrive("Organisations");
        assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Organisation " + code + " saved");
        tab.open("admin/organisations/" + id(db, "SELECT id FROM organisation WHERE code = 'HOUSING'"), "Rename organisation");
        tab.open("admin/queues", "Queues");
        tab.follow("Add a queue", "Add a queue");
        tab.open("admin/queues/" + id(db, "SELECT id FROM triage_queue WHERE code = 'COUNCIL_ASB'"), "Edit queue COUNCIL_ASB");
        tab.open("admin/response-templates", "Response templates");
        tab.follow("Add a response template", "Add a response template");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add template")).click();
        tab.arrive("Error: Add a response template");
        String title = "Browser template " + ReportRequests.unique() + (javaScript ? " js" : "");
        tab.page.getByLabel("Queue whose officers are offered it").selectOption("COUNCIL_ASB");
        tab.page.getByLabel("Title").fill(title);
        tab.page.getByLabel("Text of the update").fill("Report {reference}: {officer} will call by {next_date}.");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add template")).click();
        tab.arrive("Response templates");
        assertThat(tab.page.locator(".govuk-notification-banner")).containsText("Response template added");
        tab.follow(title, "Edit response template");
        tab.open("admin/routing", "Routing rules");
        tab.follow("Add a rule", "Add a routing rule");
        long rule = id(db, "SELECT id FROM routing_rule WHERE priority = 1000");
        tab.open("admin/routing/" + rule, "Edit routing rule");
        tab.open("admin/routing/" + rule + "/delete", "Delete routing rule");
        tab.open("admin/directory", "Contact directory");
        tab.follow("Add an agency", "Add an agency");
        tab.open("admin/directory/" + id(db, "SELECT id FROM agency WHERE code = 'CRIMESTOPPERS'"), "Edit CRIMESTOPPERS");
        tab.open("admin/targets", "Targets");
        tab.follow("Add a target", "Add a target");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add target")).click();
        tab.arrive("Error: Add a target");
        tab.open("staff/targets", "Targets");
        tab.open("admin/partners", "Partner systems");
        tab.follow("Add a partner system", "Partner system of a queue");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save partner system")).click();
        tab.arrive("Error: Partner system of a queue");
        tab.open("admin/audit", "Audit log");
        tab.page.getByLabel("Username").fill("admin");
        tab.page.getByLabel("Action").fill("ADMIN_CREATE_ORGANISATION");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
        tab.arrive("Audit log");
        assertThat(tab.page.locator("table")).containsText("Created organisation " + code + " (Added in a browser)");
        tab.assertNoBrowserErrors();
    }

    private static long id(AdminRows db, String sql) {
        return db.rows(sql).get(0).number("id");
    }

    private String url(String path) {
        return base.toString() + path;
    }

    /** The administrator's browser tab. */
    private final class AdminTab extends Tab {

        AdminTab(Page page, boolean javaScript) {
            super(page, javaScript);
        }

        void open(String path, String title) {
            page.navigate(url(path));
            arrive(title);
        }

        /** Follows the link (or button-styled link) named {@code name} in the main content. */
        void follow(String name, String title) {
            Locator link = page.locator("main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true));
            link.first().click();
            arrive(title);
        }
    }
}
