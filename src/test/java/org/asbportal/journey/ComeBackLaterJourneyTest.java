package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages for coming back later, in a real browser with and without JavaScript, each checked by axe
 * (WCAG 2.2 AA): saving a report to come back to, a link that no longer works, and asking for a new
 * access code.
 */
@QuarkusTest
class ComeBackLaterJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aResidentSavesTheirReportAndAsksForANewAccessCode(boolean javaScript) {
        Tab tab = new Tab(browser.open(javaScript), javaScript);
        Page page = tab.page;
        String root = base.toString().replaceAll("/$", "");

        page.navigate(root + "/report/danger");
        tab.arrive("Is anyone in danger right now?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        tab.arrive("Save your answers and come back later");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the link")).click();
        tab.arrive("Error: Save your answers and come back later");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter your email address");
        page.getByLabel("Email address").fill("later-" + System.nanoTime() + "@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the link")).click();
        tab.arrive("We have sent you a link");
        assertThat(page.locator("#expires")).not().isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carry on answering now")).click();
        tab.arrive("Is anyone in danger right now?");

        page.navigate(root + "/report/resume/no-such-link");
        tab.arrive("This link has expired or does not work");

        page.navigate(root + "/track");
        tab.arrive("Check your report");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I have lost my access code")).click();
        tab.arrive("Get a new access code");
        page.getByLabel("Reference").fill("ASB-2222-2222");
        page.getByLabel("Email address").fill("nobody@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me a link")).click();
        tab.arrive("Check your email");

        page.navigate(root + "/track/lost-code/new/no-such-link");
        tab.arrive("This link has expired or has already been used");
        tab.assertNoBrowserErrors();
    }
}
