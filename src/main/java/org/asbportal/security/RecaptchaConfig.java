package org.asbportal.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Google reCAPTCHA settings for the public report forms ({@code asb.recaptcha.*}).
 * <p>
 * reCAPTCHA is switched off until a secret is configured, so development and most tests run
 * without it. Set {@code ASB_RECAPTCHA_SECRET} and {@code ASB_RECAPTCHA_SITE_KEY} in production.
 */
@ConfigMapping(prefix = "asb.recaptcha")
public interface RecaptchaConfig {

    /**
     * Secret key shared between the portal and Google, sent with every verification request.
     * Verification is enabled only when this is set to a non-blank value.
     */
    Optional<String> secret();

    /**
     * Public site key rendered into the reCAPTCHA widget on the report forms.
     */
    Optional<String> siteKey();

    /**
     * Google's siteverify endpoint. Only changed to point at a stub in tests.
     */
    @WithDefault("https://www.google.com/recaptcha/api/siteverify")
    URI verifyUrl();

    /**
     * Lowest acceptable score, from 0.0 (very likely a bot) to 1.0 (very likely a person), for
     * reCAPTCHA v3 responses (those carrying a score). v2 responses have no score and are not
     * affected.
     */
    @WithDefault("0.5")
    double minScore();

    /**
     * Hostnames the token must have been issued on, e.g. {@code report.example.gov.uk}. When set,
     * a response whose hostname is not one of them is rejected; when unset, any hostname is
     * accepted.
     */
    Optional<List<String>> expectedHostnames();

    /**
     * Connect timeout and read timeout for each call to the siteverify endpoint. Kept short so
     * residents are not kept waiting when Google is slow: a report is then accepted unverified.
     */
    @WithDefault("3S")
    Duration timeout();
}
