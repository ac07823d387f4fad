package org.asbportal.trigger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.asbportal.security.RecaptchaStub.VERIFY_PATH;
import static org.asbportal.trigger.TriggerFormSession.answers;
import static org.asbportal.trigger.TriggerFormSession.referenceOn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRows;
import org.asbportal.report.ReportRows.Row;
import org.asbportal.security.InjectWireMock;
import org.asbportal.security.RecaptchaProfile;
import org.asbportal.security.RecaptchaStub;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The web application form with reCAPTCHA switched on, Google's siteverify stood in for by WireMock:
 * the token the widget gives is checked when the application is sent, a definite "not a person"
 * refuses it, and an outage never loses it.
 */
@QuarkusTest
@TestProfile(RecaptchaProfile.class)
class TriggerCaptchaTest {

    private static final String TOKEN = "03AFcWeA-token-from-the-widget";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    AgroalDataSource dataSource;

    ReportRows db;

    @BeforeEach
    void reset() {
        wireMock.resetAll();
        db = new ReportRows(dataSource);
    }

    @Test
    void showsTheRobotCheckWidgetOnTheCheckPage() {
        Response check = TriggerFormSession.start().walkToCheck(TriggerFormSession.validAnswers());

        check.then().statusCode(200)
                .body(containsString("<script src=\"https://www.google.com/recaptcha/api.js\" async defer></script>"))
                .body(containsString("class=\"g-recaptcha\" data-sitekey=\"" + RecaptchaStub.SITE_KEY + "\""));
    }

    @Test
    void sendsAnApplicationWhoseTokenGoogleConfirms() {
        answer(okJson("{\"success\": true, \"hostname\": \"localhost\"}"));
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(TriggerFormSession.validAnswers());

        Response confirmation = session.post(answers("g-recaptcha-response", TOKEN));

        confirmation.then().statusCode(200).body(containsString("Application sent"));
        Row application = application(referenceOn(confirmation));
        assertEquals("VERIFIED", application.string("captcha_outcome"));
        assertEquals("WEB", application.string("channel"));
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withFormParam("secret", WireMock.equalTo(RecaptchaStub.SECRET))
                .withFormParam("response", WireMock.equalTo(TOKEN)));
    }

    @Test
    void asksForTheRobotCheckAgainWhenSentWithoutItAndSavesNothing() {
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        Response page = session.press("send");

        page.then().statusCode(400)
                .body(containsString("Check your answers before sending your application"))
                .body(containsString("href=\"#captcha\""))
                .body(containsString("We could not confirm that you are not a robot"))
                .body(containsString("<p id=\"captcha-error\" class=\"govuk-error-message\">"));
        assertEquals(0, countWithDescription(steps.get("behaviour").get("description").get(0)));
        wireMock.verify(0, postRequestedFor(urlEqualTo(VERIFY_PATH)));
    }

    @Test
    void refusesAnApplicationWhoseTokenGoogleDeclines() {
        answer(okJson("{\"success\": false, \"error-codes\": [\"invalid-input-response\"]}"));
        Map<String, Map<String, List<String>>> steps = TriggerFormSession.validAnswers();
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(steps);

        Response page = session.post(answers("g-recaptcha-response", TOKEN));

        page.then().statusCode(400)
                .body(containsString("href=\"#captcha\""))
                .body(not(containsString("invalid-input-response")));
        assertEquals(0, countWithDescription(steps.get("behaviour").get("description").get(0)));
    }

    @Test
    void savesTheApplicationUnverifiedWhenGoogleFails() {
        answer(aResponse().withStatus(500));
        TriggerFormSession session = TriggerFormSession.start();
        session.walkToCheck(TriggerFormSession.validAnswers());

        Response confirmation = session.post(answers("g-recaptcha-response", TOKEN));

        confirmation.then().statusCode(200).body(containsString("Application sent"));
        Row application = application(referenceOn(confirmation));
        assertEquals("UNAVAILABLE", application.string("captcha_outcome"));
        Row unverified = db.rows("SELECT * FROM trigger_event WHERE application_id = ? AND kind = 'UNVERIFIED'",
                application.get("id")).stream().findFirst().orElseThrow(() -> new AssertionError("no UNVERIFIED event"));
        assertFalse(unverified.bool("is_public"), "internal history only");
        assertTrue(unverified.string("message").contains("http-status-500"));
        assertFalse(unverified.string("message").contains(TOKEN));
    }

    private Row application(String reference) {
        List<Row> rows = db.rows("SELECT * FROM trigger_application WHERE reference = ?", reference);
        assertEquals(1, rows.size(), "applications " + reference);
        return rows.get(0);
    }

    private int countWithDescription(String description) {
        return db.count("SELECT COUNT(*) FROM trigger_application WHERE description = ?", description);
    }

    private void answer(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlEqualTo(VERIFY_PATH)).willReturn(response));
    }
}
