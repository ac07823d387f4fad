package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.asbportal.notify.MailProfile;
import org.asbportal.notify.OutboxSender;
import org.asbportal.notify.Victims;
import org.asbportal.notify.Victims.Created;
import org.asbportal.report.ReportRequests;
import org.asbportal.security.DemoAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.icegreen.greenmail.util.GreenMail;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

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

    @BeforeEach
    void onlyThisTestsEmailsWaiting() {
        Victims.discardBacklog();
    }

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

        Tab officer = new Tab(browser.open(javaScript), javaScript);
        officer.page.navigate(url("login"));
        officer.arrive("Sign in");
        officer.page.getByLabel("Username").fill("triage");
        officer.page.getByLabel("Password").fill(DemoAccounts.PASSWORD);
        button(officer.page, "Sign in").click();
        officer.arrive("My queues");
        officer.page.navigate(url("staff/cases/" + report.reference()));
        officer.arrive("Case " + report.reference());
        button(officer.page, "Claim this case").click();
        officer.arrive("Case " + report.reference());
        officer.page.getByLabel("Add an update or note").fill(update);
        officer.page.getByLabel("The victim too (public update)").check();
        button(officer.page, "Add").click();
        officer.arrive("Case " + report.reference());
        assertThat(officer.page.locator("main")).containsText(update);

        Tab victim = new Tab(browser.open(javaScript), javaScript);
        victim.page.navigate(url("track"));
        victim.arrive("Check your report");
        victim.page.getByLabel("Reference").fill(report.reference());
        victim.page.getByLabel("Access code").fill(report.accessCode());
        button(victim.page, "Check report").click();
        victim.arrive("Your report " + report.reference());
        assertThat(victim.page.locator("main")).containsText(update);
        assertThat(victim.page.locator("main")).containsText("An officer is now working on your report.");

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
        officer.assertNoBrowserErrors();
        victim.assertNoBrowserErrors();
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
