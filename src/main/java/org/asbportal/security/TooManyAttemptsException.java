package org.asbportal.security;

import java.time.Duration;

/** Too many wrong access codes, or a per-client limit reached: the client must wait before trying again. */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;
    private final String reason;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many wrong reference or access code attempts. Wait " + Math.max(1, retryAfter.toMinutes())
                + " minutes and try again, or contact us.");
        this.retryAfter = retryAfter;
        this.reason = null;
    }

    /** A per-client limit was reached: {@code reason} says which, for the resident. */
    public TooManyAttemptsException(String reason, Duration retryAfter) {
        super(reason + ". Wait " + ClientLimits.minutes(retryAfter) + " and try again.");
        this.retryAfter = retryAfter;
        this.reason = reason;
    }

    /** What was reached, in the resident's words, without how long to wait. */
    public String reason() {
        return reason == null ? "Too many wrong reference or access code attempts" : reason;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
