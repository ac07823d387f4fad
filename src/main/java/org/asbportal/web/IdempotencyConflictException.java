package org.asbportal.web;

/** An idempotency key was sent again with a different request. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException() {
        super("This Idempotency-Key was already used for a different request. Use a new key for a new submission.");
    }
}
