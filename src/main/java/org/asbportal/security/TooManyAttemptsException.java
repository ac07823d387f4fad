package org.asbportal.security;

import java.time.Duration;

/** Too many wrong access codes: the client must wait before trying again. */
public class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super("Too many wrong reference or access code attempts. Wait " + Math.max(1, retryAfter.toMinutes())
                + " minutes and try again, or contact us.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
