package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.asbportal.journey.SavedReports.EqualityRow;
import org.asbportal.journey.SavedReports.QueueRow;
import org.asbportal.journey.SavedReports.ReportRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.RequestOptions;
import com.microsoft.playwright.options.SelectOption;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A resident reports anti-social behaviour in a real browser, with and without JavaScript, and the
 * report is saved and queued. Every page on the way is checked with axe against WCAG 2.1 AA.
 */
@QuarkusTest
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ReportJourneyTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    /** Typed into "What happened?": a line break, accents, an emoji and markup that must stay text. */
    private static final String DESCRIPTION = "Music until 3am\nça suffit 🎵 <b>not bold</b>";
    /**
     * What the browser sends, and so what is saved: on submit, browsers normalise every line break in
     * a textarea to CR LF (HTML's rules for form data), whatever was typed. Chromium does: the journey
     * checks the request it sends, then the saved row.
     */
    private static final String DESCRIPTION_AS_SENT = "Music until 3am\r\nça suffit 🎵 <b>not bold</b>";

    private static final Pattern REFERENCE = Pattern.compile("ASB-[2-9A-Z]{4}-[2-9A-Z]{4}");
    private static final Pattern ACCESS_CODE = Pattern.compile("[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}");
    private static final String PARTNERSHIP = Tab.PARTNERSHIP;

    @TestHTTPResource("/")
    URL base;

    @Inject
    AgroalDataSource dataSource;

    private SavedReports saved;

    @BeforeEach
    void connect() {
        saved = new SavedReports(dataSource);
    }

    /** Who is reporting, and how they answer. */
    private record Resident(
            boolean javaScript,
            String category,
            String categoryCode,
            /** A ward chosen from the list, or null to leave "I'm not sure". */
            String ward,
            String wardCode,
            boolean anonymous,
            boolean answersEquality,
            boolean consents,
            /** The question left empty once, to see the error summary. */
            String emptyQuestion,
            String expectedQueueCode,
            String expectedQueueName) {
    }

    /** What the confirmation page showed. */
    private record Sent(String reference, String accessCode, String handledBy) {
    }

    @Test
    void residentWithJavaScriptReportsNoiseGivingContactDetailsAndAWard() {
        Resident resident = new Resident(true, "Noise", "NOISE", "Castle", "E36001578", false, false, true,
                "danger", "ENVIRONMENTAL_HEALTH", "Environmental health");

        reportsEndToEnd(resident);
    }

    @Test
    void residentWithoutJavaScriptReportsGraffitiAnonymouslyNotKnowingTheWard() {
        Resident resident = new Resident(false, "Graffiti or criminal damage", "GRAFFITI_DAMAGE", null, null, true,
                true, false, "description", "COUNCIL_ASB", "Council ASB team");

        reportsEndToEnd(resident);
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void someoneInDangerIsToldToCall999AndCanThenContinueTheirReport(boolean javaScript) {
        long before = saved.countAll();
        Journey journey = new Journey(browser.open(javaScript), javaScript);
        journey.startFromHomePage();

        journey.choose("Is anyone in danger right now?", "Yes");
        journey.pressContinue();

        journey.arrive("Call 999 now");
        assertThat(journey.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call 999 now").setLevel(1)))
                .isVisible();
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue with my report")).click();

        journey.arrive("What kind of behaviour are you reporting?");
        assertThat(journey.page.locator("input[name=category]").first()).isVisible();
        journey.assertNoBrowserErrors();
        assertEquals(before, saved.countAll(), "reports saved");
    }

    @Test
    void sendingTheSameCheckYourAnswersFormTwiceSavesOneReport() {
        Resident resident = new Resident(false, "Fly-tipping or litter", "FLY_TIPPING", "Kingsbrook", "E36001593",
                true, false, true, null, "COUNCIL_ASB", "Council ASB team");
        Journey journey = new Journey(browser.open(false), false);
        journey.answerEveryQuestion(resident);
        // The check-your-answers form exactly as the browser would send it again (refresh, back, double click).
        Map<String, String> checkForm = journey.checkYourAnswersForm();
        long before = saved.countAll();

        Sent first = journey.sendReport();
        APIResponse second = journey.sendAgain(checkForm);

        assertEquals(200, second.status());
        String secondPage = second.text();
        assertEquals(first.reference(), shown(secondPage, "reference"), "the reference the second send shows");
        assertEquals(first.accessCode(), shown(secondPage, "access-code"), "the access code the second send shows");
        assertEquals(1, saved.countWithReference(first.reference()));
        assertEquals(before + 1, saved.countAll(), "reports saved by sending twice");
        ReportRow report = saved.byReference(first.reference()).orElseThrow();
        assertEquals(1, saved.queueItemsOf(report.id()).size());
    }

    @Test
    void goingBackToChangeAnAnswerAfterSendingShowsTheSentReportAndSavesNothingMore() {
        Resident resident = new Resident(false, "Abandoned vehicle", "ABANDONED_VEHICLE", null, null, true, false, true,
                null, "COUNCIL_ASB", "Council ASB team");
        Journey journey = new Journey(browser.open(false), false);
        journey.answerEveryQuestion(resident);
        Map<String, String> checkForm = journey.checkYourAnswersForm();
        long before = saved.countAll();
        Sent first = journey.sendReport();

        // Back in the browser's history to check your answers, the resident tries to change what happened.
        journey.page.goBack();
        journey.arrive("Report sent");
        assertThat(journey.page.locator("#reference")).hasText(first.reference());
        journey.page.navigate(url("report/what?change=true"));
        journey.arrive("Report sent");
        APIResponse changed = journey.page.context().request().post(url("report/what?change=true"),
                RequestOptions.create().setForm(FormData.create().set("csrf-token", checkForm.get("csrf-token"))
                        .set("description", "The van has gone but the mattress is still there")));
        APIResponse sentAgain = journey.sendAgain(checkForm);

        assertEquals(200, changed.status());
        assertEquals(first.reference(), shown(changed.text(), "reference"), "the sent report, not a changed one");
        assertEquals(first.reference(), shown(sentAgain.text(), "reference"));
        assertEquals(before + 1, saved.countAll(), "reports saved: the first only");
        assertEquals(DESCRIPTION_AS_SENT, saved.byReference(first.reference()).orElseThrow().description());
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void startAndContactPagesAreAccessibleAndTheContactPageListsTheDirectory(boolean javaScript) {
        Journey journey = new Journey(browser.open(javaScript), javaScript);
        journey.page.navigate(url(""));
        journey.arrive("Report anti-social behaviour");
        assertThat(journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now"))).isVisible();

        journey.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See who to contact about anti-social behaviour")).click();

        journey.arrive("Who to contact about anti-social behaviour");
        List<String> agencies = saved.agencyNames();
        assertFalse(agencies.isEmpty(), "the test fixtures have a directory");
        Locator directory = journey.page.locator("h2:text-is('Directory') + dl");
        assertEquals(agencies, directory.locator(".govuk-summary-list__key").allTextContents().stream().map(String::strip).toList());
        assertThat(directory).containsText("0800 555 111");
        journey.assertNoBrowserErrors();
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void victimChecksTheReportAndAnOfficerWorksItOnAccessiblePages(boolean javaScript) {
        var report = io.restassured.RestAssured.given().contentType("application/json")
                .body(org.asbportal.report.ReportRequests.valid().with("categoryCode", "FLY_TIPPING").json())
                .when().post("/api/v1/reports").then().statusCode(201).extract();
        String reference = report.path("reference");
        Journey journey = new Journey(browser.open(javaScript), javaScript);

        journey.page.navigate(url("track"));
        journey.arrive("Check your report");
        journey.page.getByLabel("Reference").fill(reference);
        journey.page.getByLabel("Access code").fill(report.path("accessCode"));
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check report")).click();
        journey.arrive("Your report " + reference);
        assertThat(journey.page.locator("main")).containsText("We received your report.");

        journey.page.navigate(url("login"));
        journey.arrive("Sign in");
        journey.page.getByLabel("Username").fill("triage");
        journey.page.getByLabel("Password").fill(org.asbportal.security.DemoAccounts.PASSWORD);
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        journey.arrive("My queues");
        journey.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Council ASB team")).click();
        journey.arrive("Council ASB team");
        journey.page.navigate(url("staff/cases/" + reference));
        journey.arrive("Case " + reference);
        journey.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim this case")).click();
        journey.arrive("Case " + reference);
        assertThat(journey.page.locator("main")).containsText("Tom Triage");
        journey.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meeting lists")).click();
        journey.arrive("Meeting lists");
        journey.page.navigate(url("staff/meetings/vulnerability-hub"));
        journey.arrive("Partnership Vulnerability Hub");
        journey.page.navigate(url("staff/meetings/joint-operations"));
        journey.arrive("Joint Operations Group");
        journey.assertNoBrowserErrors();
    }

    private void reportsEndToEnd(Resident resident) {
        Journey journey = new Journey(browser.open(resident.javaScript()), resident.javaScript());

        journey.answerEveryQuestion(resident);
        journey.checkAnswers(resident);
        Sent sent = journey.sendReport();

        assertTrue(REFERENCE.matcher(sent.reference()).matches(), sent.reference());
        assertTrue(ACCESS_CODE.matcher(sent.accessCode()).matches(), sent.accessCode());
        // The resident is told the partner agency working the report, never the name of an internal queue.
        String agency = saved.organisationOfQueue(resident.expectedQueueCode());
        assertEquals(agency, sent.handledBy());
        if (!agency.equals(resident.expectedQueueName())) {
            assertThat(journey.page.locator("main")).not().containsText(resident.expectedQueueName());
        }
        if (resident.anonymous()) {
            assertThat(journey.page.locator("main")).containsText("You chose to stay anonymous, so we will not contact you.");
        } else {
            assertThat(journey.page.locator("#first-contact")).hasText(Pattern.compile("\\d{4}$"));
        }
        journey.assertNoBrowserErrors();

        assertSaved(resident, sent);
    }

    private void assertSaved(Resident resident, Sent sent) {
        assertEquals(1, saved.countWithReference(sent.reference()));
        ReportRow report = saved.byReference(sent.reference()).orElseThrow();
        assertEquals(DESCRIPTION_AS_SENT, report.description());
        assertEquals(resident.categoryCode(), report.categoryCode());
        assertEquals("Two adults and a red van, AB12 CDE", report.peopleInvolved());
        assertEquals(occurredOn(), report.occurredOn());
        assertEquals(LocalTime.of(23, 15), report.occurredTime(), "typed as 11.15pm, kept in 24-hour form");
        assertFalse(report.stillHappening());
        assertEquals("WEEKLY", report.frequency());
        assertEquals("Outside 12 Mill Lane, by the bus shelter", report.locationDescription());
        assertEquals("Bedford", report.town());
        assertEquals(resident.wardCode(), report.wardCode());
        assertEquals("WEB", report.channel());
        assertEquals("STANDARD", report.riskLevel());
        assertEquals(resident.anonymous(), report.anonymous());
        assertEquals(resident.consents(), report.consentToShare());
        if (resident.anonymous()) {
            assertEquals("WITNESS", report.reporterRole());
            assertNull(report.reporterName());
            assertNull(report.reporterEmail());
            assertNull(report.reporterPhone());
            assertNull(report.preferredContact());
        } else {
            assertEquals("VICTIM", report.reporterRole());
            assertEquals("Zoë O'Brien-Ng", report.reporterName());
            assertEquals("zoe@example.org", report.reporterEmail());
            assertEquals("01632 960 001", report.reporterPhone());
            assertEquals("EMAIL", report.preferredContact());
        }

        List<QueueRow> queueItems = saved.queueItemsOf(report.id());
        assertEquals(List.of(new QueueRow(resident.expectedQueueCode(), resident.expectedQueueName(), "NEW")), queueItems);

        if (resident.answersEquality()) {
            assertEquals(new EqualityRow("AGE_35_TO_44", "PREFER_NOT_TO_SAY", "MIXED", "NO"),
                    saved.equalityOf(report.id()).orElseThrow());
        } else {
            assertTrue(saved.equalityOf(report.id()).isEmpty(), "no equality monitoring row when it was skipped");
        }
    }

    private static LocalDate occurredOn() {
        return LocalDate.now(ZoneId.of("Europe/London")).minusDays(3);
    }

    /** The text of the element with this id in a confirmation page's HTML. */
    private static String shown(String html, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\">([^<]*)<").matcher(html);
        assertTrue(matcher.find(), "no #" + id + " in the page");
        return matcher.group(1).strip();
    }

    /** The first value of a field in an application/x-www-form-urlencoded body. */
    private static String formField(String body, String name) {
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name)) {
                return parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String url(String path) {
        return base.toString() + path;
    }

    private static Page.GetByLabelOptions exact() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    /** One resident's browser tab, going through the report's pages. */
    private final class Journey extends Tab {

        Journey(Page page, boolean javaScript) {
            super(page, javaScript);
        }

        /** The page shows the error summary for an empty required question, linked to its input. */
        void arriveWithError(String title, String inputId, String message) {
            arrive("Error: " + title);
            Locator summary = page.locator(".govuk-error-summary");
            assertThat(summary.getByRole(AriaRole.HEADING)).hasText("There is a problem");
            Locator link = summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(message));
            assertThat(link).hasAttribute("href", "#" + inputId);
            Locator input = page.locator("#" + inputId);
            assertThat(input).hasCount(1);
            assertThat(page.locator("#" + inputId + "-error")).containsText(message);
            if (javaScript) {
                // GOV.UK Frontend moves focus to the summary, and its links to the input.
                assertThat(summary).isFocused();
                link.click();
                assertThat(input).isFocused();
            } else {
                link.click();
                assertTrue(page.url().endsWith("#" + inputId), page.url());
            }
        }

        Locator group(String legend) {
            return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend).setExact(true));
        }

        void choose(String legend, String label) {
            group(legend).getByLabel(label, new Locator.GetByLabelOptions().setExact(true)).check();
        }

        void pressContinue() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        }

        void startFromHomePage() {
            page.navigate(url(""));
            arrive("Report anti-social behaviour");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start now")).click();
            arrive("Is anyone in danger right now?");
        }

        void answerEveryQuestion(Resident resident) {
            startFromHomePage();
            if ("danger".equals(resident.emptyQuestion())) {
                pressContinue();
                arriveWithError("Is anyone in danger right now?", "danger",
                        "Select yes if someone is in danger or a crime is happening now");
            }
            choose("Is anyone in danger right now?", "No");
            pressContinue();

            arrive("What kind of behaviour are you reporting?");
            page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("^" + Browser.literal(resident.category()) + " \\("))).check();
            pressContinue();

            arrive("Where did it happen?");
            page.getByLabel("Street, building or landmark").fill("Outside 12 Mill Lane, by the bus shelter");
            page.getByLabel("Town or village (optional)").fill("Bedford");
            Locator ward = page.getByLabel("Ward (optional)");
            if (resident.ward() != null) {
                ward.selectOption(new SelectOption().setLabel(resident.ward()));
            } else {
                assertThat(ward).hasValue("");
                assertThat(ward.locator("option:checked")).hasText("I'm not sure");
            }
            page.getByText("Add a map point (optional)").click();
            assertThat(page.getByLabel("Latitude")).isVisible();
            Locator useMyLocation = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use my location"));
            if (javaScript) {
                assertThat(useMyLocation).isVisible();
            } else {
                assertThat(page.locator("button[data-geolocate]")).isHidden();
            }
            pressContinue();

            arrive("When did it happen?");
            LocalDate date = occurredOn();
            page.getByLabel("Day", exact()).fill(Integer.toString(date.getDayOfMonth()));
            page.getByLabel("Month", exact()).fill(Integer.toString(date.getMonthValue()));
            page.getByLabel("Year", exact()).fill(Integer.toString(date.getYear()));
            page.getByLabel("Time (optional)").fill("11.15pm");
            choose("Is it still happening?", "No");
            choose("How often does it happen? (optional)", "Most weeks");
            pressContinue();

            arrive("What happened?");
            if (javaScript) {
                // GOV.UK Frontend's character count replaces the static hint with a live one.
                assertThat(page.locator(".govuk-character-count__status")).hasText("You have 4,000 characters remaining");
            }
            if ("description".equals(resident.emptyQuestion())) {
                pressContinue();
                arriveWithError("What happened?", "description", "Describe what happened");
            }
            page.getByLabel("What happened?").fill(DESCRIPTION);
            page.getByLabel("People or vehicles involved (optional)").fill("Two adults and a red van, AB12 CDE");
            choose("Are young people (under 18) involved in the behaviour?", "No");
            Request sent = page.waitForRequest(request -> "POST".equals(request.method()), this::pressContinue);
            assertEquals(DESCRIPTION_AS_SENT, formField(sent.postData(), "description"), "the description as the browser sent it");

            arrive("Add photos, videos, audio or documents (optional)");
            pressContinue();

            arrive("About you");
            if (resident.anonymous()) {
                choose("Are you the victim or a witness?", "A witness");
                choose("Can we contact you about your report?", "No, I want to stay anonymous");
            } else {
                choose("Are you the victim or a witness?", "The victim, or one of them");
                choose("Can we contact you about your report?", "Yes, I will give my contact details");
            }
            pressContinue();

            // Asked after whether they are the victim or a witness.
            arrive("How is it affecting you?");
            choose("Has this happened to you before?", "No");
            choose("Do you think it is aimed at you because of who you are?", "No");
            choose("How much is it affecting your health, sleep, family or work?", "Not at all");
            choose("Do you feel unsafe in your own home?", "No");
            choose("Are children or a vulnerable adult affected?", "No");
            pressContinue();

            if (!resident.anonymous()) {
                arrive("Your contact details");
                page.getByLabel("Full name").fill("Zoë O'Brien-Ng");
                page.getByLabel("Email address").fill("zoe@example.org");
                page.getByLabel("Phone number").fill("01632 960 001");
                choose("How should we contact you? (optional)", "Email");
                pressContinue();
            }

            arrive("Equality monitoring");
            if (resident.answersEquality()) {
                choose("What is your age?", "35 to 44");
                choose("How would you describe your sex or gender?", "Prefer not to say");
                choose("What is your ethnic group?", "Mixed or multiple ethnic groups");
                choose("Do you consider yourself to have a disability?", "No");
            }
            pressContinue();

            arrive("Sharing your report");
            choose("Can we share your report with our partner agencies?", resident.consents() ? "Yes" : "No");
            pressContinue();

            arrive("Check your answers before sending your report");
        }

        void checkAnswers(Resident resident) {
            Locator whatHappened = answer("What happened");
            // Exactly as typed: the HTML parser reads the CR LF sent back as one line break, and the
            // markup is text, escaped by the template, not an element.
            assertEquals(DESCRIPTION, whatHappened.textContent());
            assertThat(whatHappened.locator("b")).hasCount(0);
            assertTrue(whatHappened.innerHTML().contains("&lt;b&gt;not bold&lt;/b&gt;"), whatHappened.innerHTML());
            assertEquals("Outside 12 Mill Lane, by the bus shelter, Bedford"
                    + (resident.ward() == null ? "" : ", " + resident.ward() + " ward"), answer("Where").textContent());
            assertEquals(resident.category(), answer("Kind of behaviour").textContent());
            assertEquals(resident.answersEquality() ? "Answered" : "Not answered", answer("Equality monitoring").textContent());
            if (resident.anonymous()) {
                assertEquals("You chose to stay anonymous", answer("Contact details").textContent());
            } else {
                assertEquals("Zoë O'Brien-Ng", answer("Name").textContent());
                assertEquals("zoe@example.org", answer("Email").textContent());
            }
        }

        /** The answer on the check page to the question {@code question}. */
        Locator answer(String question) {
            Locator row = page.locator(".govuk-summary-list__row").filter(new Locator.FilterOptions()
                    .setHas(page.locator("dt", new Page.LocatorOptions().setHasText(Pattern.compile("^" + Browser.literal(question) + "$")))));
            assertThat(row).hasCount(1);
            return row.locator(".govuk-summary-list__value");
        }

        /** The hidden fields of the check-your-answers form (its CSRF token). */
        Map<String, String> checkYourAnswersForm() {
            Map<String, String> fields = new LinkedHashMap<>();
            for (Locator field : page.locator("form:has(#send) input[type=hidden]").all()) {
                fields.put(field.getAttribute("name"), field.inputValue());
            }
            return fields;
        }

        /** Sends the check-your-answers form again, with this browser's cookies, as a second click or a refresh would. */
        APIResponse sendAgain(Map<String, String> fields) {
            FormData form = FormData.create();
            fields.forEach(form::set);
            return page.context().request().post(url("report/check"), RequestOptions.create().setForm(form));
        }

        Sent sendReport() {
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send report")).click();
            arrive("Report sent");
            assertThat(page.locator(".govuk-panel--confirmation h1")).hasText("Report sent");
            return new Sent(page.locator("#reference").textContent().strip(),
                    page.locator("#access-code").textContent().strip(),
                    page.locator("#handled-by").textContent().strip());
        }
    }
}
