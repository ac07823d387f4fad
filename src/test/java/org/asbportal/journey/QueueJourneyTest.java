package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.DemoAccounts;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A triage officer on a phone (390 px): the queue, sorted, and the search results are cards that never
 * scroll sideways; they find a case by words, claim it and release it back to the queue. Every page is
 * checked with axe.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QueueJourneyTest {

    private static final int PHONE = 390;

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void anOfficerOnAPhoneFindsClaimsAndReleasesACase(boolean javaScript) {
        String word = "zq" + ReportRequests.unique();
        Case reported = Cases.report(Cases.requestFor("COUNCIL_ASB").with("description",
                "Fridge and a sofa dumped by the " + word + " garages, blocking the path for prams and wheelchairs since Monday"),
                "COUNCIL_ASB");
        Tab officer = new Tab(browser.open(javaScript), javaScript);
        officer.page.setViewportSize(PHONE, 800);
        officer.page.navigate(url("login"));
        officer.arrive("Sign in");
        officer.page.getByLabel("Username").fill("triage");
        officer.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(officer.page, "Sign in").click();
        officer.arrive("My queues");

        officer.page.navigate(url("staff/queues/COUNCIL_ASB"));
        officer.arrive("Council ASB team");
        assertNoSidewaysScroll(officer.page, "the queue");
        officer.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Newest first")).click();
        officer.arrive("Council ASB team");
        assertNoSidewaysScroll(officer.page, "the queue, newest first");

        officer.page.getByLabel("Search your queues").fill(word);
        button(officer.page, "Search").click();
        officer.arrive("Search results");
        assertNoSidewaysScroll(officer.page, "the search results");
        assertThat(officer.page.locator("table.portal-queue-table tbody")).containsText("Fridge and a sofa dumped");
        officer.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(reported.reference())).click();
        officer.arrive("Case " + reported.reference());
        button(officer.page, "Claim this case").click();
        officer.arrive("Case " + reported.reference());
        button(officer.page, "Release").click();
        officer.arrive("Case " + reported.reference());
        assertThat(officer.page.locator("#notice")).hasText("The case is back in the queue: nobody holds it now");
        assertThat(button(officer.page, "Claim this case")).isVisible();
        officer.assertNoBrowserErrors();
    }

    private static void assertNoSidewaysScroll(Page page, String what) {
        Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= PHONE, what + " scrolls sideways at " + PHONE + " px: " + scrollWidth + " px wide");
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
