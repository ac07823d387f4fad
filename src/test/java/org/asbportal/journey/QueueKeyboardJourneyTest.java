package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.time.Instant;

import jakarta.inject.Inject;

import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import java.util.concurrent.TimeUnit;

import org.asbportal.security.DemoAccounts;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The queue's keyboard shortcuts: j moves to the next case, c claims it, / goes to the search box, and
 * a key typed into a box stays in it. Every page is checked with axe on arrival.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class QueueKeyboardJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestClock clock;

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @Test
    void anOfficerMovesToACaseAndClaimsItWithTheKeyboard() {
        // Later than any case other tests leave in the queue, so this one is the newest unassigned.
        clock.fixAt(Instant.parse("2090-01-02T10:00:00Z"));
        Case reported = Cases.reportInto("COUNCIL_ASB");
        Tab officer = new Tab(browser.open(true), true);
        officer.page.navigate(base + "login");
        officer.arrive("Sign in");
        officer.page.getByLabel("Username").fill("caseworker");
        officer.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        officer.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        officer.arrive("My queues");
        officer.page.navigate(base + "staff/queues/COUNCIL_ASB?sort=newest&assigned=unassigned");
        officer.arrive("Council ASB team");

        officer.page.keyboard().press("/");
        assertThat(officer.page.locator("#q")).isFocused();
        officer.page.keyboard().press("j");
        assertThat(officer.page.locator("#q")).hasValue("j");

        officer.page.locator("h1").click();
        officer.page.keyboard().press("j");
        assertThat(officer.page.locator("[data-queue-link]").first()).isFocused();
        assertThat(officer.page.locator("[data-queue-link]").first()).hasText(reported.reference());
        officer.page.keyboard().press("c");
        officer.arrive("Council ASB team");
        assertThat(officer.page.locator("#notice")).hasText("1 case claimed");
        officer.assertNoBrowserErrors();
    }
}
