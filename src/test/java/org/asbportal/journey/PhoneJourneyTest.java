package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.asbportal.report.EvidenceFiles;
import org.asbportal.report.ReportRequests;
import org.asbportal.web.TestDates;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole report journey on a phone, 390 px wide, with JavaScript on and off: "Exit this page" and
 * "question N of M" on every question, nothing scrolling sideways, a time typed "9pm", a phone's
 * photo uploaded and stored without its EXIF (where it was taken), a receipt
 * waiting in the outbox straight after sending, and a second report from the same victim told of
 * their right to a case review, linked with both references.
 */
@QuarkusTest
class PhoneJourneyTest {

    private static final int PHONE = 390;
    private static final String EVIDENCE = "Add photos, videos, audio or documents (optional)";
    private static final Pattern PROGRESS = Pattern.compile("Report anti-social behaviour: question (\\d+) of (\\d+)");

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void aVictimReportsTwiceOnAPhone(boolean javaScript) throws SQLException {
        String email = "phone-" + ReportRequests.unique() + "@example.org";

        String first = report(javaScript, email, false);
        assertThat(receiptsTo(email)).containsExactly(first);
        byte[] photo = evidenceOf(first);
        assertThat(photo).startsWith((byte) 0xFF, (byte) 0xD8);
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).as("the photo as stored").doesNotContain("Exif");

        String second = report(javaScript, email, true);
        assertThat(receiptsTo(email)).containsExactly(first, second);
    }

    /** One report from the start page to its confirmation; the second from this victim is offered a case review. */
    private String report(boolean javaScript, String email, boolean second) {
        Page page = browser.open(javaScript);
        page.setViewportSize(PHONE, 844);
        Tab tab = new Tab(page, javaScript);
        page.navigate(base.toString());
        tab.arrive("Report anti-social behaviour");
        tab.assertFits(PHONE);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();

        List<Integer> asked = new ArrayList<>();
        question(tab, "Is anyone in danger right now?", asked);
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        next(tab);

        question(tab, "What kind of behaviour are you reporting?", asked);
        page.locator("input[name=category][value=NOISE]").check();
        next(tab);

        question(tab, "Where did it happen?", asked);
        page.getByLabel("Street, building or landmark").fill("Outside 3 Harpur Street");
        next(tab);

        question(tab, "When did it happen?", asked);
        LocalDate day = TestDates.clockToday().minusDays(2);
        page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill(Integer.toString(day.getDayOfMonth()));
        page.getByLabel("Month", new Page.GetByLabelOptions().setExact(true)).fill(Integer.toString(day.getMonthValue()));
        page.getByLabel("Year", new Page.GetByLabelOptions().setExact(true)).fill(Integer.toString(day.getYear()));
        page.getByLabel("Time (optional)").fill("9pm");
        choose(tab, "Is it still happening?", "No");
        next(tab);

        question(tab, "What happened?", asked);
        page.getByLabel("What happened?").fill("Loud music from the flat below every night until 2am");
        choose(tab, "Are young people (under 18) involved in the behaviour?", "No");
        next(tab);

        evidence(tab, asked, !second);

        question(tab, "About you", asked);
        choose(tab, "Are you the victim or a witness?", "The victim, or one of them");
        choose(tab, "Can we contact you about your report?", "Yes, I will give my contact details");
        next(tab);

        question(tab, "How is it affecting you?", asked);
        choose(tab, "Has this happened to you before?", "Yes");
        choose(tab, "Do you think it is aimed at you because of who you are?", "No");
        choose(tab, "How much is it affecting your health, sleep, family or work?", "A lot");
        choose(tab, "Do you feel unsafe in your own home?", "No");
        choose(tab, "Are children or a vulnerable adult affected?", "No");
        next(tab);

        question(tab, "Your contact details", asked);
        page.getByLabel("Full name").fill("Sam Phone");
        page.getByLabel("Email address").fill(email);
        next(tab);

        question(tab, "Equality monitoring", asked);
        next(tab);

        question(tab, "Sharing your report", asked);
        choose(tab, "Can we share your report with our partner agencies?", "Yes");
        next(tab);

        tab.arrive("Check your answers before sending your report");
        tab.assertFits(PHONE);
        assertThat(page.locator(".govuk-summary-list__row", new Page.LocatorOptions().setHasText("When"))
                .first().locator(".govuk-summary-list__value")).containsText("at 21:00");
        // Every question said where it stood, counting up to the same total.
        for (int i = 0; i < asked.size(); i++) {
            assertThat(asked.get(i)).as("question number on page " + (i + 1)).isEqualTo(i + 1);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();

        tab.arrive("Report sent");
        tab.assertFits(PHONE);
        String reference = page.locator("#reference").textContent().strip();
        Locator caseReview = page.locator("#case-review");
        if (second) {
            assertThat(caseReview).containsText("You have a right to an ASB case review");
            assertThat(caseReview.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Ask for a case review")))
                    .hasAttribute("href", Pattern.compile("report=ASB-.*&report=" + reference + "|report=" + reference + ".*&report=ASB-"));
        } else {
            assertThat(caseReview).hasCount(0);
        }
        tab.assertNoBrowserErrors();
        return reference;
    }

    /** The page for a question: Exit this page, its place among the questions, and nothing wider than the phone. */
    private static void question(Tab tab, String title, List<Integer> asked) {
        tab.arrive(title);
        assertThat(tab.page.locator(".govuk-exit-this-page a, a.govuk-exit-this-page__button").first()).isVisible();
        var progress = PROGRESS.matcher(tab.page.locator(".govuk-caption-l").first().textContent().strip());
        assertThat(progress.matches()).as("the caption of " + title).isTrue();
        asked.add(Integer.parseInt(progress.group(1)));
        tab.assertFits(PHONE);
    }

    /** The optional evidence page: a phone's photo, with where it was taken in its EXIF, uploaded on the first report. */
    private static void evidence(Tab tab, List<Integer> asked, boolean upload) {
        question(tab, EVIDENCE, asked);
        if (upload) {
            tab.page.getByLabel("Upload a file").setInputFiles(new FilePayload("IMG_20260301_2130.jpg", "image/jpeg",
                    EvidenceFiles.jpegWithGps(64, 48, 1)));
            tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload file")).click();
            tab.arrive(EVIDENCE);
            assertThat(tab.page.locator(".govuk-summary-list__key")).hasText("IMG_20260301_2130.jpg");
            tab.assertFits(PHONE);
        }
        next(tab);
    }

    private static void choose(Tab tab, String legend, String label) {
        tab.page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true))
                .getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
    }

    private static void next(Tab tab) {
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
    }


    /** The one file sent with the report {@code reference}, as stored. */
    private byte[] evidenceOf(String reference) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT c.content FROM report_evidence e "
                        + "JOIN report_evidence_content c ON c.evidence_id = e.id JOIN report r ON r.id = e.report_id "
                        + "WHERE r.reference = ?")) {
            select.setString(1, reference);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("a file sent with " + reference).isTrue();
                byte[] content = rows.getBytes(1);
                assertThat(rows.next()).as("one file only").isFalse();
                return content;
            }
        }
    }

    /** The references of the receipts waiting in the outbox for {@code email}, oldest first. */
    private List<String> receiptsTo(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT report_reference FROM outbox_message "
                        + "WHERE recipient = ? AND kind = 'REPORT_RECEIVED' ORDER BY id")) {
            select.setString(1, email);
            List<String> references = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    references.add(rows.getString(1));
                }
            }
            return references;
        }
    }
}
