package org.asbportal.notify;

/** Where an email in the outbox stands. */
public enum OutboxStatus {

    /** Waiting to be sent, or to be tried again after a failure. */
    PENDING,

    /** Accepted by the mail server. */
    SENT,

    /** Given up on after the configured number of attempts. */
    FAILED
}
