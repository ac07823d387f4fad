package org.asbportal.security;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JacksonException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.runtime.Startup;

/**
 * Checks reCAPTCHA tokens from the public report forms with Google's siteverify API.
 * <p>
 * A report from a victim must never be lost to a third party's outage: when Google cannot be
 * reached or gives no usable answer the result is {@link CaptchaResult.Outcome#UNAVAILABLE} and
 * the caller accepts the submission as unverified. Only a definite "this is not a person" answer
 * is {@link CaptchaResult.Outcome#REJECTED}.
 * <p>
 * {@link #verify} makes a blocking HTTP call and must not be called on an I/O thread. Every check made
 * is counted in {@code asb_captcha_checks_total} by outcome: {@code verified}, {@code failed} (Google or
 * a local rule said no) or {@code unavailable}.
 */
@Startup
@ApplicationScoped
public class CaptchaVerifier {

    private static final Logger LOG = Logger.getLogger(CaptchaVerifier.class);

    private final RecaptchaConfig config;
    private final Optional<String> secret;
    /** {@code null} when verification is disabled. */
    private final SiteVerifyClient client;
    private final Counter verified;
    private final Counter failed;
    private final Counter unavailable;

    CaptchaVerifier(RecaptchaConfig config) {
        this(config, new SimpleMeterRegistry());
    }

    @Inject
    CaptchaVerifier(RecaptchaConfig config, MeterRegistry meters) {
        this.config = config;
        this.verified = outcomeCounter(meters, "verified");
        this.failed = outcomeCounter(meters, "failed");
        this.unavailable = outcomeCounter(meters, "unavailable");
        this.secret = config.secret().filter(value -> !value.isBlank());
        if (secret.isPresent() && config.siteKey().filter(value -> !value.isBlank()).isEmpty()) {
            throw new IllegalStateException("asb.recaptcha.site-key (ASB_RECAPTCHA_SITE_KEY) must be set when "
                    + "asb.recaptcha.secret is, or the report form cannot show the robot check and would refuse every report");
        }
        this.client = secret.isPresent() ? buildClient(config) : null;
    }

    private static Counter outcomeCounter(MeterRegistry meters, String outcome) {
        return Counter.builder("asb.captcha.checks")
                .description("Robot checks of submitted forms by outcome")
                .tag("outcome", outcome)
                .register(meters);
    }

    private static SiteVerifyClient buildClient(RecaptchaConfig config) {
        long timeoutMillis = config.timeout().toMillis();
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(config.verifyUrl())
                .connectTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .readTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                .build(SiteVerifyClient.class);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    /** Whether a secret is configured, so forms must show the widget and tokens are checked. */
    public boolean enabled() {
        return client != null;
    }

    /** The public site key for the widget, present only when verification is enabled. */
    public Optional<String> siteKey() {
        return enabled() ? config.siteKey() : Optional.empty();
    }

    /**
     * Checks a token submitted with a form. Never throws: every failure to get an answer from
     * Google is reported as {@link CaptchaResult.Outcome#UNAVAILABLE}.
     *
     * @param token the {@code g-recaptcha-response} value the browser sent
     * @param expectedAction the v3 action the form's page requests tokens for, or {@code null} to
     *        accept any action
     * @param remoteIp the resident's IP address, passed on to Google only; {@code null} to omit it
     */
    public CaptchaResult verify(String token, String expectedAction, String remoteIp) {
        if (!enabled()) {
            return CaptchaResult.notRequired();
        }
        CaptchaResult result = check(token, expectedAction, remoteIp);
        switch (result.outcome()) {
            case VERIFIED -> verified.increment();
            case REJECTED -> failed.increment();
            case UNAVAILABLE -> unavailable.increment();
            case NOT_REQUIRED -> { }
        }
        return result;
    }

    private CaptchaResult check(String token, String expectedAction, String remoteIp) {
        if (token == null || token.isBlank()) {
            return CaptchaResult.rejected("missing-token");
        }
        SiteVerifyResponse response;
        try {
            response = client.verify(secret.orElseThrow(), token.strip(), blankToNull(remoteIp));
        } catch (WebApplicationException | ProcessingException e) {
            return unavailable(describe(e));
        }
        if (response == null || response.success() == null) {
            return unavailable("malformed-response");
        }
        return judge(response, expectedAction);
    }

    private CaptchaResult judge(SiteVerifyResponse response, String expectedAction) {
        if (!response.success()) {
            List<String> codes = response.errorCodes();
            return CaptchaResult.rejected(codes == null || codes.isEmpty()
                    ? "siteverify-failed"
                    : "siteverify-failed: " + String.join(",", codes));
        }
        if (!hostnameExpected(response.hostname())) {
            return CaptchaResult.rejected("hostname-mismatch");
        }
        Double score = response.score();
        if (score == null) {
            return CaptchaResult.verified("v2");
        }
        String action = response.action();
        if (expectedAction != null && action != null && !expectedAction.equals(action)) {
            return CaptchaResult.rejected("action-mismatch");
        }
        if (score < config.minScore()) {
            return CaptchaResult.rejected("score-below-threshold: " + score);
        }
        return CaptchaResult.verified("v3: score " + score);
    }

    private boolean hostnameExpected(String hostname) {
        return config.expectedHostnames()
                .map(expected -> hostname != null && expected.stream().anyMatch(hostname::equalsIgnoreCase))
                .orElse(true);
    }

    /**
     * Why the REST client failed: a body that is not a siteverify JSON object, no HTTP response at
     * all (timeout, connection refused or reset, TLS failure), an HTTP error status, or a response
     * in a media type that cannot be read as JSON, such as a proxy's HTML page.
     */
    private static String describe(RuntimeException failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return "unparseable-response";
            }
            if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                return "timeout";
            }
            if (cause instanceof IOException) {
                return "connection-failed: " + cause.getClass().getSimpleName();
            }
        }
        return failure instanceof WebApplicationException e
                ? "http-status-" + e.getResponse().getStatus()
                : "unparseable-response";
    }

    private static CaptchaResult unavailable(String reason) {
        LOG.warnf("reCAPTCHA verification unavailable (%s); accepting the submission unverified", reason);
        return CaptchaResult.unavailable(reason);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
