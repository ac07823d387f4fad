package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import org.asbportal.security.DemoAccounts;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A councillor signs in, opens their ward's summary, chooses the months to show, mistypes one and
 * corrects it, with and without JavaScript. Every page is checked with axe.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class WardSummaryJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void councillorReadsTheirWardsSummaryForTheMonthsTheyChoose(boolean javaScript) {
        Tab councillor = new Tab(browser.open(javaScript), javaScript);
        councillor.page.navigate(url("login"));
        councillor.arrive("Sign in");
        councillor.page.getByLabel("Username").fill("councillor");
        councillor.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(councillor.page, "Sign in").click();
        councillor.page.waitForLoadState(LoadState.LOAD);

        councillor.page.navigate(url("wards"));
        councillor.arrive("Ward summaries");
        councillor.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Castle").setExact(true)).click();
        councillor.arrive("Castle: ward summary");
        assertThat(councillor.page.locator("svg[role=img] title").first()).hasText("Anti-social behaviour by month in Castle");

        councillor.page.getByLabel("First month").fill("last year");
        button(councillor.page, "Show these months").click();
        councillor.arrive("Castle: ward summary");
        assertThat(councillor.page.locator(".govuk-error-summary")).containsText("Enter a real month");

        councillor.page.getByLabel("First month").fill("2016-09");
        councillor.page.getByLabel("Last month").fill("2016-12");
        button(councillor.page, "Show these months").click();
        councillor.arrive("Castle: ward summary");
        assertThat(councillor.page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Incidents by month")))
                .containsText("2016-11");
        councillor.assertNoBrowserErrors();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
