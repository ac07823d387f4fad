package org.asbportal.report;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.asbportal.report.ReportFormSession.answers;
import static org.asbportal.report.ReportFormSession.referenceOn;
import static org.asbportal.security.RecaptchaStub.VERIFY_PATH;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.asbportal.report.ReportRequests.Body;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.ApiTokens;
import org.asbportal.security.InjectWireMock;
import org.asbportal.security.RecaptchaProfile;
import org.asbportal.security.RecaptchaStub;
import org.asbportal.triage.TriageRows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Reports with reCAPTCHA switched on, Google's siteverify stood in for by WireMock: a definite "not a
 * person" refuses the report, an outage never loses it.
 */
@QuarkusTest
@TestProfile(RecaptchaProfile.class)
class ReportCaptchaTest {

    private static final String TOKEN = "03AFcWeA-token-from-the-widget";
    private static final String PROBLEM_JSON = "application/problem+json";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ApiTokens tokens;

    ReportRows db;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        db = new ReportRows(dataSource);
    }

    @Test
    void acceptsAReportWhoseTokenGoogleConfirmsAndRoutesItNormally() {
        answer(okJson("{\"success\": true, \"hostname\": \"localhost\"}"));
        Body request = ReportRequests.valid().with("captchaToken", TOKEN);

        Response response = ReportApiTest.submit(request);

        response.then().statusCode(201).body("verified", equalTo(true)).body("queue", equalTo("ENVIRONMENTAL_HEALTH"));
        String reference = response.path("reference");
        Row report = db.report(reference);
        assertEquals("VERIFIED", report.string("captcha_outcome"));
        assertEquals("ENVIRONMENTAL_HEALTH", db.queueItem(reference).string("queue_code"));
        assertFalse(db.eventKinds(reference).contains("UNVERIFIED"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withFormParam("secret", WireMock.equalTo(RecaptchaStub.SECRET))
                .withFormParam("response", WireMock.equalTo(TOKEN)));
    }

    @Test
    void refusesAReportWhoseTokenGoogleDeclinesAndSavesNothing() {
        answer(okJson("{\"success\": false, \"error-codes\": [\"invalid-input-response\"]}"));
        Body request = ReportRequests.valid().with("captchaToken", TOKEN);

        ReportApiTest.submit(request).then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("errors.field", contains("captchaToken"))
                .body("errors[0].message", containsString("not a robot"))
                .body(not(containsString("invalid-input-response")));

        assertEquals(0, db.countReportsWithDescription(request.description()));
    }

    @Test
    void refusesAReportWithoutATokenWithoutAskingGoogle() {
        Body request = ReportRequests.valid();

        ReportApiTest.submit(request).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("errors.field", contains("captchaToken"));

        assertEquals(0, db.countReportsWithDescription(request.description()));
        wireMock.verify(0, postRequestedFor(urlEqualTo(VERIFY_PATH)));
    }

    /** A client with an API key allowed to send Open311 requests is not asked for a robot check; the JSON API still is. */
    @Test
    void anOpen311RequestWithAValidKeyNeedsNoRobotCheck() {
        String description = "Music from the flat below every night, " + ReportRequests.unique();
        Map<String, Object> form = org.asbportal.open311.Open311Test.request("NOISE", description);
        form.put("lat", "52.13612");
        form.put("long", "-0.46718");
        form.put("api_key", tokens.issue("admin", new TriageRows(dataSource).staffId("caseworker"), "Open311 app",
                Duration.ofDays(1), new ApiTokens.Open311Scope(true, Set.of())).secret());

        Response taken = org.asbportal.open311.Open311Test.post("json", form);

        taken.then().statusCode(200);
        String reference = taken.jsonPath().getString("[0].service_request_id");
        assertEquals("NOT_REQUIRED", db.report(reference).string("captcha_outcome"));
        assertEquals("OPEN311", db.report(reference).string("channel"));
        wireMock.verify(0, postRequestedFor(urlEqualTo(VERIFY_PATH)));

        form.put("api_key", "asb_" + "B".repeat(43));
        form.put("description", description + " again");
        org.asbportal.open311.Open311Test.post("json", form).then().statusCode(403);
        assertEquals(0, db.countReportsWithDescription(description + " again"));
    }

    @Test
    void acceptsAReportUnverifiedWhenGoogleAnswersWithAServerError() {
        answer(aResponse().withStatus(500));

        String reference = assertAcceptedUnverified(ReportRequests.valid().with("captchaToken", TOKEN));

        assertTrue(db.events(reference).stream().anyMatch(e -> e.string("kind").equals("UNVERIFIED")
                && e.string("message").contains("http-status-500")));
    }

    @Test
    void acceptsAReportUnverifiedWhenGoogleDoesNotAnswerInTime() {
        answer(okJson("{\"success\": true, \"hostname\": \"localhost\"}").withFixedDelay(3_000));

        long started = System.nanoTime();
        String reference = assertAcceptedUnverified(ReportRequests.valid().with("captchaToken", TOKEN));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertTrue(elapsedMillis < 2_800, "the resident waited " + elapsedMillis + " ms");
        assertTrue(db.events(reference).stream().anyMatch(e -> e.string("kind").equals("UNVERIFIED")
                && e.string("message").contains("timeout")));
    }

    @Test
    void replaysARetriedSubmissionWithoutCheckingItsSpentTokenAgain() {
        answer(okJson("{\"success\": true, \"hostname\": \"localhost\"}"));
        Body request = ReportRequests.valid().with("captchaToken", TOKEN);
        String key = UUID.randomUUID().toString();
        Response first = ReportApiTest.submit(request, key);
        // Google answers a token seen before with timeout-or-duplicate.
        answer(okJson("{\"success\": false, \"error-codes\": [\"timeout-or-duplicate\"]}"));

        Response retry = ReportApiTest.submit(request, key);

        first.then().statusCode(201);
        retry.then().statusCode(201);
        assertEquals((String) first.path("reference"), retry.path("reference"));
        assertEquals(1, db.countReportsWithDescription(request.description()));
    }

    @Test
    void showsTheRobotCheckWidgetOnTheCheckPageWhenASiteKeyIsConfigured() {
        ReportFormSession session = ReportFormSession.start();

        Response check = session.walkToCheck(ReportFormSession.validAnswers());

        check.then().statusCode(200)
                .body(containsString("<script src=\"https://www.google.com/recaptcha/api.js\" async defer></script>"))
                .body(containsString("class=\"g-recaptcha\" data-sitekey=\"" + RecaptchaStub.SITE_KEY + "\""));
    }

    @Test
    void sendsAWebReportWithAConfirmedToken() {
        answer(okJson("{\"success\": true, \"hostname\": \"localhost\"}"));
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        Response confirmation = session.post(answers("g-recaptcha-response", TOKEN));

        confirmation.then().statusCode(200).body(containsString("Report sent"));
        Row report = db.report(referenceOn(confirmation));
        assertEquals("VERIFIED", report.string("captcha_outcome"));
        assertEquals("WEB", report.string("channel"));
    }

    @Test
    void savesAWebReportUnverifiedWhenGoogleFailsAndARefreshSavesNoOther() {
        answer(aResponse().withStatus(500));
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        Response confirmation = session.post(answers("g-recaptcha-response", TOKEN));
        Response refreshed = session.get("/report/confirmation");

        confirmation.then().statusCode(200).body(containsString("Report sent"));
        String reference = referenceOn(confirmation);
        assertEquals(reference, referenceOn(refreshed));
        assertEquals("UNAVAILABLE", db.report(reference).string("captcha_outcome"));
        assertEquals("MANUAL_CHECK", db.queueItem(reference).string("queue_code"));
        assertEquals(1, db.countReportsWithDescription(description));
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH)));
    }

    @Test
    void asksForTheRobotCheckAgainWhenAWebReportIsSentWithoutIt() {
        Map<String, Map<String, List<String>>> steps = ReportFormSession.validAnswers();
        String description = steps.get("what").get("description").get(0);
        ReportFormSession session = ReportFormSession.start();
        session.walkToCheck(steps);

        Response page = session.press("send");

        page.then().statusCode(400)
                .body(containsString("Check your answers before sending your report"))
                .body(containsString("href=\"#captcha\""))
                .body(containsString("<p id=\"captcha-error\" class=\"govuk-error-message\">"));
        assertEquals(0, db.countReportsWithDescription(description));
    }

    private String assertAcceptedUnverified(Body request) {
        Response response = ReportApiTest.submit(request);

        response.then().statusCode(201)
                .body("verified", equalTo(false))
                .body("queue", equalTo("MANUAL_CHECK"));
        String reference = response.path("reference");
        Row report = db.report(reference);
        assertEquals("UNAVAILABLE", report.string("captcha_outcome"));
        assertEquals("MANUAL_CHECK", db.queueItem(reference).string("queue_code"));
        Row unverified = db.events(reference).stream().filter(e -> e.string("kind").equals("UNVERIFIED"))
                .findFirst().orElseThrow(() -> new AssertionError("no UNVERIFIED event"));
        assertFalse(unverified.bool("is_public"), "internal history only");
        assertFalse(unverified.string("message").contains(TOKEN));
        // The resident's timeline shows only that the report was received.
        given().header("X-Access-Code", (String) response.path("accessCode"))
                .when().get("/api/v1/reports/{reference}", reference)
                .then().statusCode(200)
                .body("updates", hasSize(1))
                .body(not(containsString("robot")));
        return reference;
    }

    private void answer(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlEqualTo(VERIFY_PATH)).willReturn(response));
    }
}
