package org.asbportal.security;

import java.util.Objects;

/**
 * Outcome of checking a reCAPTCHA token, with a short technical reason for logs and the audit
 * trail. The reason never contains the token or anything about the resident.
 *
 * @param outcome what the check decided
 * @param reason why, e.g. {@code score-below-threshold} or {@code http-status-503}
 */
public record CaptchaResult(Outcome outcome, String reason) {

    /** What a reCAPTCHA check decided. */
    public enum Outcome {
        /** reCAPTCHA is not configured; nothing was checked. */
        NOT_REQUIRED,
        /** Google confirmed the token and it met every local rule. */
        VERIFIED,
        /** The token is missing, invalid, or failed a local rule: treat the submission as automated. */
        REJECTED,
        /** Google could not be asked or gave no usable answer: accept the submission as unverified. */
        UNAVAILABLE
    }

    public CaptchaResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    public static CaptchaResult notRequired() {
        return new CaptchaResult(Outcome.NOT_REQUIRED, "disabled");
    }

    static CaptchaResult verified(String reason) {
        return new CaptchaResult(Outcome.VERIFIED, reason);
    }

    static CaptchaResult rejected(String reason) {
        return new CaptchaResult(Outcome.REJECTED, reason);
    }

    static CaptchaResult unavailable(String reason) {
        return new CaptchaResult(Outcome.UNAVAILABLE, reason);
    }

    /**
     * Whether the submission may go ahead: everything except {@link Outcome#REJECTED}. A report is
     * never lost because reCAPTCHA is switched off or Google is unreachable.
     */
    public boolean accepted() {
        return outcome != Outcome.REJECTED;
    }

    /** Whether Google positively confirmed the token. */
    public boolean verified() {
        return outcome == Outcome.VERIFIED;
    }
}
