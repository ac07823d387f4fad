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

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A council caseworker restricts a case they hold to the council and the police
 * (after forgetting the reason once), flags an exploitation concern and finds the case on the VAMAP
 * list; an administrator of the partnership then sees only that the case exists and whom to ask.
 * Every page is checked with axe, and the new ones fit a 320 px phone.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RestrictionJourneyTest {

    private static final int NARROW = 320;

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aCaseworkerRestrictsACaseAndAnotherAgencySeesOnlyWhomToAsk(boolean javaScript) {
        Case reported = Cases.reportInto("YOUTH_OUTREACH");
        StaffApi.as("caseworker").body(StaffApi.json("version", 0)).when()
                .post("/api/v1/cases/{reference}/claim", reported.reference()).then().statusCode(200);

        Tab caseworker = signIn("caseworker", javaScript);
        caseworker.page.navigate(url("staff/cases/" + reported.reference()));
        caseworker.arrive("Case " + reported.reference());
        fitsOnANarrowPhone(caseworker);
        caseworker.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Restrict this case to named agencies")).click();
        caseworker.arrive("Restrict case " + reported.reference());
        fitsOnANarrowPhone(caseworker);
        button(caseworker.page, "Restrict the case").click();
        caseworker.arrive("Error: Restrict case " + reported.reference());
        assertThat(caseworker.page.locator(".govuk-error-summary")).containsText("Give the reason for restricting the case");
        caseworker.page.getByLabel("Why is the case restricted?").fill("A member of staff is the victim");
        caseworker.page.getByLabel("Police").check();
        button(caseworker.page, "Restrict the case").click();
        caseworker.arrive("Case " + reported.reference());
        assertThat(caseworker.page.locator("#restriction")).containsText("Police, The council");
        button(caseworker.page, "Flag a concern of criminal exploitation").click();
        caseworker.arrive("Case " + reported.reference());
        assertThat(caseworker.page.locator("#notice")).containsText("Exploitation concern flagged");
        caseworker.page.navigate(url("staff/meetings/vamap"));
        caseworker.arrive("Vulnerable Adolescents Multi Agency Panel");
        fitsOnANarrowPhone(caseworker);
        assertThat(caseworker.page.locator("#vamap-cases")).containsText(reported.reference());
        caseworker.page.navigate(url("staff/safeguarding/" + reported.reference() + "/restriction"));
        caseworker.arrive("Change the restriction of case " + reported.reference());
        caseworker.assertNoBrowserErrors();

        Tab admin = signIn("admin", javaScript);
        admin.page.navigate(url("staff/cases/" + reported.reference()));
        admin.arrive("Case " + reported.reference() + ": restricted");
        fitsOnANarrowPhone(admin);
        assertThat(admin.page.locator("#ask-name")).hasText("Cass Worker");
        admin.assertNoBrowserErrors();
    }

    private Tab signIn(String username, boolean javaScript) {
        Tab tab = new Tab(browser.open(javaScript), javaScript);
        tab.page.navigate(url("login"));
        tab.arrive("Sign in");
        tab.page.getByLabel("Username").fill(username);
        tab.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(tab.page, "Sign in").click();
        tab.arrive("My queues");
        return tab;
    }

    /**
     * The page never scrolls sideways at 320 px. Axe runs at the browser's usual width: at 320 px the
     * shared footer's links fall short of WCAG 2.2's target spacing on every page, a matter for the
     * footer rather than these pages.
     */
    private static void fitsOnANarrowPhone(Tab tab) {
        tab.page.setViewportSize(NARROW, 800);
        tab.assertFits(NARROW);
        tab.page.setViewportSize(1280, 720);
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
