package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests;
import org.asbportal.security.Organisation;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.security.StaffSession;
import org.asbportal.security.Totp;
import org.asbportal.triage.Cases;
import org.asbportal.triage.Cases.Case;
import org.asbportal.triage.TriageQueue;
import org.asbportal.web.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Media;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A triage officer's day in a real browser: they sign in with their password and a code from their
 * authenticator app, search their queues for a place, claim two new cases at once from the queue,
 * send the victim an update started from the queue's response template, prepare a warning letter,
 * save it as sent and print it (only the letter prints), and find the action they set for today
 * among the work due on their start page. Every page is checked with axe.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class OfficersDayJourneyTest {

    static final String PASSWORD = "officer-day-journey-2026";
    private static final Pattern SECRET = Pattern.compile("<code[^>]*id=\"secret\">([a-z2-7 ]+)</code>");

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
    void anOfficerSignsInWithACodeSearchesClaimsUpdatesWritesAndSeesWhatIsDue() {
        // At the start of a 30-second step: the set-up uses this step's code, the sign-in the next one's.
        Instant now = Instant.ofEpochSecond(Totp.step(Instant.now()) * 30);
        clock.fixAt(now);
        String word = "zd" + ReportRequests.unique();
        Case first = report("Sofa and a fridge dumped behind the " + word + " garages, blocking the path");
        Case second = report("More rubbish bags by the " + word + " garages this morning, foxes at them");
        String template = "Visit booked " + ReportRequests.unique();
        StaffSession.signIn("admin").post("/admin/response-templates/new", "queue", "COUNCIL_ASB", "title", template,
                "body", "Thank you for report {reference}. {officer} will visit the place by {next_date}.")
                .then().statusCode(303);
        String username = officer();
        byte[] secret = setUpTwoFactor(username);

        Tab officer = new Tab(browser.open(true), true);
        Page page = officer.page;
        page.navigate(url("login"));
        officer.arrive("Sign in");
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        button(page, "Sign in").click();
        officer.arrive("Enter your code");
        page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(Totp.code(secret, Totp.step(now) + 1));
        button(page, "Continue").click();
        officer.arrive("My queues");

        page.navigate(url("staff/queues/COUNCIL_ASB"));
        officer.arrive("Council ASB team");
        page.getByLabel("Search your queues").fill(word);
        button(page, "Search").click();
        officer.arrive("Search results");
        assertThat(page.locator("table.portal-queue-table tbody")).containsText("Sofa and a fridge dumped");
        assertThat(page.locator("table.portal-queue-table tbody")).containsText("More rubbish bags");

        page.navigate(url("staff/queues/COUNCIL_ASB?sort=newest&assigned=unassigned"));
        officer.arrive("Council ASB team");
        page.getByLabel("Select " + first.reference()).check();
        page.getByLabel("Select " + second.reference()).check();
        page.getByLabel("Claim them").check();
        button(page, "Apply to the selected cases").click();
        officer.arrive("Council ASB team");
        assertThat(page.locator(".govuk-notification-banner")).containsText("2 cases claimed");

        page.navigate(url("staff/cases/" + first.reference()));
        officer.arrive("Case " + first.reference());
        assertThat(page.locator("main")).containsText("You hold this case");
        LocalDate today = LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/London"));
        page.getByText("Add an action").click();
        page.getByLabel("Type of action").selectOption("WARNING");
        page.getByLabel("What will be done").fill("Warning letter to the household at number 4");
        page.getByLabel("Owner").fill(username);
        page.locator("#action-due-day").fill(String.valueOf(today.getDayOfMonth()));
        page.locator("#action-due-month").fill(String.valueOf(today.getMonthValue()));
        page.locator("#action-due-year").fill(String.valueOf(today.getYear()));
        button(page, "Add the action").click();
        officer.arrive("Case " + first.reference());

        page.getByLabel("Use a template").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(template));
        button(page, "Use template").click();
        officer.arrive("Case " + first.reference());
        Locator update = page.getByLabel("Add an update or note");
        assertThat(update).hasValue(Pattern.compile("Thank you for report " + first.reference() + "\\. Dee Day will visit the place by .+\\."));
        assertTrue(page.getByLabel("The victim too (public update)").isChecked(), "a template is a public update");
        update.fill(update.inputValue() + " Please keep a diary of anything new.");
        button(page, "Add").click();
        officer.arrive("Case " + first.reference());
        assertThat(page.locator("#notice")).isVisible();
        assertThat(page.locator(".portal-timeline")).containsText("Please keep a diary of anything new.");

        page.getByLabel("Prepare a letter").selectOption("WARNING");
        button(page, "Prepare a letter").click();
        officer.arrive("Prepare a letter on case " + first.reference());
        page.getByLabel("Name of the person the letter is to").fill("Jo Bloggs");
        page.getByLabel("Their address").fill("4 Mill Lane\nBedford\nMK40 1AA");
        button(page, "Fill in the letter").click();
        officer.arrive("Warning letter for case " + first.reference());
        assertThat(page.getByLabel("The letter")).containsText("Dear Jo Bloggs,");
        button(page, "Save as sent").click();
        officer.arrive("Warning letter, case " + first.reference());
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
        assertThat(page.locator("#letter-text")).isVisible();
        assertThat(page.locator("#letter-text")).containsText("Jo Bloggs");
        assertThat(page.locator(".portal-staff-bar")).isHidden();
        assertThat(page.locator(".govuk-header")).isHidden();
        page.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));

        page.navigate(url("staff"));
        officer.arrive("My queues");
        assertThat(page.locator("#due-today")).hasText("Due today and overdue");
        assertThat(page.locator("main")).containsText(first.reference());
        assertThat(page.locator("main")).containsText("Warning (verbal or written)");
        officer.assertNoBrowserErrors();
    }

    private static Case report(String description) {
        return Cases.report(Cases.requestFor("COUNCIL_ASB").with("description", description), "COUNCIL_ASB");
    }

    /** A triage officer of the council who works the council's queue. */
    private static String officer() {
        String username = "day-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            StaffAccount account = new StaffAccount();
            account.username = username;
            account.setPassword(PASSWORD);
            account.displayName = "Dee Day";
            account.roles = Role.TRIAGE_OFFICER;
            account.organisation = Organisation.findByCode("COUNCIL").orElseThrow();
            account.createdAt = Instant.now();
            account.queueIds.add(TriageQueue.findByCode("COUNCIL_ASB").orElseThrow().id);
            account.persist();
        });
        return username;
    }

    /** Turns on two-factor sign-in as someone with an authenticator app does; returns the app's secret. */
    private byte[] setUpTwoFactor(String username) {
        StaffSession session = StaffSession.signIn(username, PASSWORD);
        Response page = session.get("/staff/two-factor/set-up");
        assertEquals(200, page.statusCode(), page.asString());
        Matcher matcher = SECRET.matcher(page.asString());
        assertTrue(matcher.find(), "the key to type in is on the page");
        byte[] secret = base32(matcher.group(1).replace(" ", ""));
        Response done = session.post("/staff/two-factor/set-up", "code", Totp.code(secret, Totp.step(clock.instant())));
        assertEquals(200, done.statusCode(), done.asString());
        return secret;
    }

    private static byte[] base32(String text) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private String url(String path) {
        return base.toString() + path;
    }
}
