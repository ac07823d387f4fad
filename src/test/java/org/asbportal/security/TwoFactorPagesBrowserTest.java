package org.asbportal.security;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URL;
import java.util.concurrent.TimeUnit;

import org.asbportal.journey.Browser;
import org.asbportal.journey.Tab;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A member of staff opens their sign-in page, the two-factor set-up (with a wrong code) and the
 * forgotten-password pages in a real browser, with and without JavaScript; each is checked with axe.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TwoFactorPagesBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void theSignInPagesAreAccessible(boolean javaScript) {
        String username = TwoFactorSignInTest.newAccount("PARTNERSHIP");
        Tab tab = new Tab(browser.open(javaScript), javaScript);
        Page page = tab.page;

        page.navigate(base + "login");
        tab.arrive("Sign in");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(TwoFactorSignInTest.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        tab.arrive("My queues");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Your sign-in").setExact(true)).click();
        tab.arrive("Your sign-in");
        assertThat(page.locator("table")).containsText("This browser");
        page.locator("main").getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions()
                .setName("Set up two-factor sign-in")).click();
        tab.arrive("Set up two-factor sign-in");
        assertThat(page.locator("svg[role=img]")).isVisible();
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill("000000");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-factor sign-in")).click();
        tab.arrive("Error: Set up two-factor sign-in");
        assertThat(page.locator(".govuk-error-summary")).containsText("The code is not right");

        page.navigate(base + "password/forgotten");
        tab.arrive("Reset your password");
        page.getByLabel("Email address").fill("nobody@council.example");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
        tab.arrive("Reset your password");
        assertThat(page.locator("h1")).hasText("Check your email");
        page.navigate(base + "password/reset?token=expired");
        tab.arrive("Set a new password");
        assertThat(page.locator("h1")).hasText("This link cannot be used");
        tab.assertNoBrowserErrors();
    }
}
