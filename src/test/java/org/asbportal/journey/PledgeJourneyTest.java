package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.asbportal.notify.MailProfile;
import org.asbportal.notify.OutboxSender;
import org.asbportal.notify.Victims;
import org.asbportal.pledge.PledgeContacts;
import org.asbportal.web.TestClock;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An organisation takes the PLEDGE self-assessment in the browser: registers, follows the sign-in
 * link from the email, answers every section, plans an action for a gap, signs and submits, and
 * reads the printable report. Every page is checked with axe.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class PledgeJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    /** The portal's clock, fixed at {@link TestDates#NOW} (Wednesday 11 March 2026, 10:30 in London) for every test here. */
    @Inject
    TestClock clock;

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        clock.fixAt(TestDates.NOW);
        Victims.discardBacklog();
    }

    @AfterEach
    void systemTime() {
        clock.useSystemTime();
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void anOrganisationRegistersAnswersPlansSignsAndGetsItsReport(boolean javaScript) throws Exception {
        String email = "pledge-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String organisation = "Journey Borough Council " + (javaScript ? "A" : "B");
        Tab tab = new Tab(browser.open(javaScript), javaScript);
        Page page = tab.page;

        page.navigate(url("pledge"));
        tab.arrive("The ASB Help PLEDGE self-assessment");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register your organisation")).click();
        tab.arrive("Register your organisation");
        page.getByLabel("Name of your organisation").fill(organisation);
        page.getByLabel("Council", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Your full name").fill("Jo Journey");
        page.getByLabel("Your work email address").fill(email);
        button(page, "Register").click();
        tab.arrive("Check your email");

        PledgeContacts.deliver(sender);
        List<MimeMessage> mails = Victims.received(mailServer, email);
        assertEquals(1, mails.size());
        page.navigate(local(linkIn(Victims.part(mails.get(0), "text/plain"))));
        tab.arrive("Sign in to the PLEDGE self-assessment");
        button(page, "Continue to your self-assessment").click();
        tab.arrive("Your PLEDGE self-assessments");
        button(page, "Start your assessment").click();
        String reference = page.locator("h1").textContent().replace("Self-assessment ", "").strip();
        tab.arrive("Self-assessment " + reference);

        page.locator(".govuk-task-list__link").first().click();
        for (int section = 1; section <= 7; section++) {
            String title = page.locator("h1").textContent().strip();
            tab.arrive(title);
            Locator yes = page.locator("input.govuk-radios__input[value='YES']");
            for (int i = 0; i < yes.count(); i++) {
                yes.nth(i).check();
            }
            if (section == 1) {
                page.locator("input.govuk-radios__input[value='NO']").first().check();
                page.locator("textarea[name^='evidence-']").first().fill("We have no page about the Community Trigger yet");
            }
            button(page, "Save and continue").click();
        }
        tab.arrive("Self-assessment " + reference);
        assertThat(page.locator(".govuk-task-list")).not().containsText("Not started");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Scores, gaps and action plan")).click();
        tab.arrive("Scores and action plan");
        assertThat(page.locator("main")).containsText("Publish a plain-English Community Trigger page");
        page.getByLabel("Which gap it closes").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.getByLabel("Owner").fill("Community Safety Manager");
        String year = String.valueOf(TestDates.today().getYear() + 1);
        page.getByLabel("Day").fill("30");
        page.getByLabel("Month").fill("6");
        page.getByLabel("Year").fill(year);
        button(page, "Add to the action plan").click();
        tab.arrive("Scores and action plan");
        assertThat(page.locator("#action-plan + table, table").last()).containsText("Community Safety Manager");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign the PLEDGE and submit")).click();
        tab.arrive("Sign the PLEDGE and submit");
        page.getByLabel("Full name of the person signing").fill("Jo Journey");
        page.getByLabel("Their role").fill("Head of Community Safety");
        page.locator("#confirm").check();
        button(page, "Sign and submit").click();
        tab.arrive("PLEDGE self-assessment report " + reference);
        Locator main = page.locator("main");
        assertThat(main).containsText("Assessment submitted");
        assertThat(main).containsText("Jo Journey, Head of Community Safety");
        assertThat(main).containsText("We have no page about the Community Trigger yet");
        assertThat(main).containsText("Community Safety Manager");
        assertThat(main).containsText("30 Jun " + year);

        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator(".govuk-header")).isHidden();
        assertThat(page.locator(".govuk-panel")).isHidden();
        assertThat(page.locator("h1")).isVisible();
        tab.assertNoBrowserErrors();
    }

    private static String linkIn(String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("https?://\\S+/pledge/verify\\?token=[A-Za-z0-9_-]+").matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("No link in " + text);
        }
        return matcher.group();
    }

    /** The emailed link, on the portal under test (emails name the configured public address). */
    private String local(String link) {
        URI uri = URI.create(link);
        return base.toString() + uri.getRawPath().substring(1) + "?" + uri.getRawQuery();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
