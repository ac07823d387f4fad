package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.asbportal.notify.MailProfile;
import org.asbportal.notify.OutboxSender;
import org.asbportal.notify.Victims;
import org.asbportal.notify.Victims.Created;
import org.asbportal.report.ReportRequests;
import org.asbportal.security.DemoAccounts;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * An officer claims a victim's report and posts a public update in the browser; the victim reads
 * it on /track in their own browser and receives it by email. Every page is checked with axe.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CaseUpdateJourneyTest {

    private static final String PARTNERSHIP = "Bedford Borough Community Safety Partnership";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    GreenMail mailServer;

    @Inject
    OutboxSender sender;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void officerPostsAPublicUpdateThatTheVictimSeesOnTrackAndReceivesByEmail(boolean javaScript) throws Exception {
        String email = Victims.uniqueEmail();
        Created report = Victims.report(Victims.flyTipping(email));
        String update = "We have asked the landowner to clear the mattresses by Friday, " + ReportRequests.unique();

        Page officer = watched(browser.open(javaScript));
        officer.navigate(url("login"));
        arrive(officer, "Sign in");
        officer.getByLabel("Username").fill("triage");
        officer.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(officer, "Sign in").click();
        arrive(officer, "My queues");
        officer.navigate(url("staff/cases/" + report.reference()));
        arrive(officer, "Case " + report.reference());
        button(officer, "Claim this case").click();
        arrive(officer, "Case " + report.reference());
        officer.getByLabel("Add an update or note").fill(update);
        officer.getByLabel("The victim too (public update)").check();
        button(officer, "Add").click();
        arrive(officer, "Case " + report.reference());
        assertThat(officer.locator("main")).containsText(update);

        Page victim = watched(browser.open(javaScript));
        victim.navigate(url("track"));
        arrive(victim, "Check your report");
        victim.getByLabel("Reference").fill(report.reference());
        victim.getByLabel("Access code").fill(report.accessCode());
        button(victim, "Check report").click();
        arrive(victim, "Your report " + report.reference());
        assertThat(victim.locator("main")).containsText(update);
        assertThat(victim.locator("main")).containsText("An officer is now working on your report.");

        sender.sendDue();
        List<MimeMessage> mails = Victims.received(mailServer, email);
        assertEquals(2, mails.size(), "one email when an officer took the case, one for the update");
        List<String> texts = new ArrayList<>();
        for (MimeMessage mail : mails) {
            assertEquals("Update on your report " + report.reference(), mail.getSubject());
            texts.add(Victims.part(mail, "text/plain"));
        }
        org.assertj.core.api.Assertions.assertThat(texts)
                .anySatisfy(text -> org.assertj.core.api.Assertions.assertThat(text).contains("An officer is now working on your report."))
                .anySatisfy(text -> org.assertj.core.api.Assertions.assertThat(text).contains(update, report.reference()))
                .allSatisfy(text -> org.assertj.core.api.Assertions.assertThat(text).doesNotContain(report.accessCode()));
        assertEquals(List.of(), errors, "errors in the browser");
    }

    /** Script errors and failed sub-resources: none are expected. */
    private final List<String> errors = new ArrayList<>();

    private Page watched(Page page) {
        page.onPageError(error -> errors.add("script error: " + error));
        page.onResponse(response -> {
            if (response.status() >= 400 && !response.request().isNavigationRequest()) {
                errors.add(response.status() + " for " + response.url());
            }
        });
        return page;
    }

    private static void arrive(Page page, String title) {
        assertThat(page).hasTitle(Pattern.compile("^" + Browser.literal(title) + " – " + Browser.literal(PARTNERSHIP) + "$"));
        page.waitForLoadState(LoadState.LOAD);
        Accessibility.assertNoViolations(page);
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
