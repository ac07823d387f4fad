package org.asbportal.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.asbportal.security.RecaptchaStub.SECRET;
import static org.asbportal.security.RecaptchaStub.VERIFY_PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.asbportal.security.CaptchaResult.Outcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RecaptchaProfile.class)
class CaptchaVerifierTest {

    private static final String TOKEN = "03AFcWeA-token-from-the-widget";
    private static final String ACTION = "report";
    private static final String REMOTE_IP = "203.0.113.7";

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    CaptchaVerifier verifier;

    @BeforeEach
    void resetStub() {
        wireMock.resetAll();
    }

    @Test
    void isEnabledAndOffersTheSiteKeyWhenASecretIsConfigured() {
        assertTrue(verifier.enabled());
        assertEquals(RecaptchaStub.SITE_KEY, verifier.siteKey().orElseThrow());
    }

    @Test
    void pagesMayLoadTheWidgetFromGoogleWhenItIsOn() {
        String policy = io.restassured.RestAssured.given().accept("text/html").get("/report/danger")
                .header("Content-Security-Policy");

        assertTrue(policy.contains("script-src 'self' https://www.google.com https://www.gstatic.com"), policy);
        assertTrue(policy.contains("frame-src https://www.google.com"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }

    @Test
    void verifiesAV2TokenThatGoogleConfirms() {
        answer(okJson("""
                {"success": true, "challenge_ts": "2025-01-31T10:15:30Z", "hostname": "localhost"}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);

        assertEquals(Outcome.VERIFIED, result.outcome());
        assertTrue(result.accepted());
        assertTrue(result.verified());
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("secret", equalTo(SECRET))
                .withFormParam("response", equalTo(TOKEN))
                .withFormParam("remoteip", equalTo(REMOTE_IP)));
    }

    @Test
    void leavesOutTheRemoteIpWhenItIsNotKnown() {
        answer(okJson("""
                {"success": true, "hostname": "localhost"}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, null);

        assertEquals(Outcome.VERIFIED, result.outcome());
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withFormParam("secret", equalTo(SECRET))
                .withFormParam("response", equalTo(TOKEN))
                .withoutFormParam("remoteip"));
    }

    @Test
    void verifiesAV3TokenWithAGoodScore() {
        answer(okJson("""
                {"success": true, "score": 0.9, "action": "report", "hostname": "localhost",
                 "challenge_ts": "2025-01-31T10:15:30Z"}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);

        assertEquals(Outcome.VERIFIED, result.outcome());
        assertEquals("v3: score 0.9", result.reason());
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withFormParam("secret", equalTo(SECRET))
                .withFormParam("response", equalTo(TOKEN))
                .withFormParam("remoteip", equalTo(REMOTE_IP)));
    }

    @Test
    void verifiesAV3TokenScoringExactlyTheMinimum() {
        answer(okJson("""
                {"success": true, "score": 0.5, "action": "report", "hostname": "localhost"}"""));

        assertEquals(Outcome.VERIFIED, verifier.verify(TOKEN, ACTION, REMOTE_IP).outcome());
    }

    @Test
    void rejectsAV3TokenWithALowScore() {
        answer(okJson("""
                {"success": true, "score": 0.1, "action": "report", "hostname": "localhost"}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("score-below-threshold: 0.1", result.reason());
        assertFalse(result.accepted());
        assertFalse(result.verified());
    }

    @Test
    void rejectsAV3TokenIssuedForAnotherAction() {
        answer(okJson("""
                {"success": true, "score": 0.9, "action": "login", "hostname": "localhost"}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("action-mismatch", result.reason());
    }

    @Test
    void acceptsAnyActionWhenNoneIsExpected() {
        answer(okJson("""
                {"success": true, "score": 0.9, "action": "login", "hostname": "localhost"}"""));

        assertEquals(Outcome.VERIFIED, verifier.verify(TOKEN, null, REMOTE_IP).outcome());
    }

    @Test
    void rejectsATokenIssuedOnAnotherHostname() {
        answer(okJson("""
                {"success": true, "score": 0.9, "action": "report", "hostname": "attacker.example"}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("hostname-mismatch", result.reason());
    }

    @Test
    void rejectsATokenGoogleDeclinesWithItsErrorCodes() {
        answer(okJson("""
                {"success": false, "error-codes": ["invalid-input-response", "timeout-or-duplicate"]}"""));

        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);

        assertEquals(Outcome.REJECTED, result.outcome());
        assertEquals("siteverify-failed: invalid-input-response,timeout-or-duplicate", result.reason());
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withFormParam("secret", equalTo(SECRET))
                .withFormParam("response", equalTo(TOKEN)));
    }

    @Test
    void rejectsAMissingTokenWithoutAskingGoogle() {
        answer(okJson("""
                {"success": true, "hostname": "localhost"}"""));

        assertEquals(new CaptchaResult(Outcome.REJECTED, "missing-token"), verifier.verify(null, ACTION, REMOTE_IP));
        assertEquals(new CaptchaResult(Outcome.REJECTED, "missing-token"), verifier.verify("  ", ACTION, REMOTE_IP));
        wireMock.verify(0, postRequestedFor(urlEqualTo(VERIFY_PATH)));
    }

    @Test
    void isUnavailableWhenGoogleAnswersWithAServerError() {
        answer(aResponse().withStatus(500));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "http-status-500");
    }

    @Test
    void isUnavailableWhenGoogleRefusesTheRequest() {
        answer(aResponse().withStatus(429));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "http-status-429");
    }

    @Test
    void isUnavailableWhenGoogleAnswersAfterTheTimeout() {
        answer(okJson("""
                {"success": true, "hostname": "localhost"}""").withFixedDelay(3_000));

        long started = System.nanoTime();
        CaptchaResult result = verifier.verify(TOKEN, ACTION, REMOTE_IP);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertUnavailable(result, "timeout");
        assertTrue(elapsedMillis < 2_500, "gave up after " + elapsedMillis + " ms");
    }

    @Test
    void isUnavailableWhenTheConnectionIsReset() {
        answer(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "connection-failed");
    }

    @Test
    void isUnavailableWhenTheConnectionClosesWithoutAResponse() {
        answer(aResponse().withFault(Fault.EMPTY_RESPONSE));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "connection-failed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<html>Service temporarily unavailable</html>", "[true]", "{\"success\": \"perhaps\"}"})
    void isUnavailableWhenTheBodyIsNotASiteverifyJsonObject(String body) {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "unparseable-response");
    }

    @Test
    void isUnavailableWhenTheBodyIsAnHtmlPage() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html>Please sign in to the network</html>"));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "unparseable-response");
    }

    @Test
    void isUnavailableWhenTheJsonHasNoSuccessField() {
        answer(okJson("""
                {"status": "ok"}"""));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "malformed-response");
    }

    @Test
    void isUnavailableWhenTheBodyIsEmpty() {
        answer(aResponse().withStatus(200).withHeader("Content-Type", "application/json"));

        assertUnavailable(verifier.verify(TOKEN, ACTION, REMOTE_IP), "malformed-response");
    }

    @Test
    void isUnavailableWhenNothingListensAtTheVerifyUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CaptchaVerifier unreachable = new CaptchaVerifier(
                new StubConfig(URI.create("http://127.0.0.1:" + closedPort + VERIFY_PATH)));
        try {
            CaptchaResult result = unreachable.verify(TOKEN, ACTION, REMOTE_IP);

            assertEquals(Outcome.UNAVAILABLE, result.outcome());
            assertTrue(result.reason().startsWith("connection-failed"), result.reason());
        } finally {
            unreachable.close();
        }
    }

    private void answer(ResponseDefinitionBuilder response) {
        wireMock.stubFor(post(urlEqualTo(VERIFY_PATH)).willReturn(response));
    }

    private void assertUnavailable(CaptchaResult result, String reasonPrefix) {
        assertEquals(Outcome.UNAVAILABLE, result.outcome());
        assertTrue(result.reason().startsWith(reasonPrefix), result.reason());
        assertFalse(result.reason().contains(TOKEN));
        assertTrue(result.accepted());
        assertFalse(result.verified());
        wireMock.verify(1, postRequestedFor(urlEqualTo(VERIFY_PATH))
                .withFormParam("secret", equalTo(SECRET))
                .withFormParam("response", equalTo(TOKEN)));
    }

    /** The stub's settings with another verify URL, for a verifier built by hand. */
    private record StubConfig(URI verifyUrl) implements RecaptchaConfig {

        @Override
        public Optional<String> secret() {
            return Optional.of(SECRET);
        }

        @Override
        public Optional<String> siteKey() {
            return Optional.of(RecaptchaStub.SITE_KEY);
        }

        @Override
        public double minScore() {
            return 0.5;
        }

        @Override
        public Optional<List<String>> expectedHostnames() {
            return Optional.of(List.of("localhost"));
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(1);
        }
    }
}
