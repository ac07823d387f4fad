package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The pages for coming back later, in a real browser with and without JavaScript, each checked by axe
 * (WCAG 2.2 AA), on a phone 390 px wide: saving a report to come back to, the emailed link opening it
 * on another phone, a link that no longer works, and asking for a new access code.
 */
@QuarkusTest
class ComeBackLaterJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    private static final int PHONE = 390;
    private static final Pattern RESUME = Pattern.compile("/report/resume/[A-Za-z0-9_-]+");

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aResidentSavesTheirReportAndAsksForANewAccessCode(boolean javaScript) {
        Tab tab = new Tab(browser.open(javaScript), javaScript);
        Page page = tab.page;
        page.setViewportSize(PHONE, 844);
        String root = base.toString().replaceAll("/$", "");
        String email = "later-" + System.nanoTime() + "@example.org";

        page.navigate(root + "/report/danger");
        tab.arrive("Is anyone in danger right now?");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save and come back later")).click();
        tab.arrive("Save your answers and come back later");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the link")).click();
        tab.arrive("Error: Save your answers and come back later");
        assertThat(page.locator(".govuk-error-summary")).containsText("Enter your email address");
        page.getByLabel("Email address").fill(email);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send me the link")).click();
        tab.arrive("We have sent you a link");
        assertThat(page.locator("#expires")).not().isEmpty();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Carry on answering now")).click();
        tab.arrive("Is anyone in danger right now?");
        tab.assertFits(PHONE);

        // On another phone, with no cookie: the emailed link opens the saved answers.
        Tab other = new Tab(browser.open(javaScript), javaScript);
        other.page.setViewportSize(PHONE, 844);
        other.page.navigate(root + resumePath(email));
        other.arrive("Is anyone in danger right now?");
        other.assertFits(PHONE);
        assertThat(other.page.context().cookies().stream().map(cookie -> cookie.name).toList()).contains("asb-report-draft");

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

    /** The address in the link emailed to {@code email}, from the outbox. */
    private String resumePath(String email) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT body_text FROM outbox_message "
                        + "WHERE recipient = ? AND kind = 'JOURNEY_RESUME' ORDER BY id DESC LIMIT 1")) {
            select.setString(1, email);
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "a link emailed to " + email);
                Matcher link = RESUME.matcher(rows.getString(1));
                assertTrue(link.find(), "the email holds the link");
                return link.group();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
