package org.asbportal.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How victims' emails are sent. */
@ConfigMapping(prefix = "asb.notify")
public interface NotifyConfig {

    /** The sender address of every email; also the mailer's default ({@code quarkus.mailer.from}). */
    @WithDefault("no-reply@example.org")
    String from();

    /** Attempts at sending one email before it is marked FAILED and left alone. */
    @WithDefault("10")
    int maxAttempts();

    /** The wait after the first failed attempt; it doubles after every further failure. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    /** The longest wait between two attempts at the same email. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /**
     * How long a sender's claim on an email lasts: no other sender (another replica) takes it meanwhile.
     * Longer than one SMTP exchange can take; if the replica dies mid-send the email goes out after it.
     */
    @WithDefault("PT5M")
    Duration claimFor();

    /** The most emails one run of the job sends, so a backlog is worked through run by run. */
    @WithDefault("50")
    int batchSize();

    /**
     * How often the job sends what is due, e.g. {@code 10s} or {@code 1m}; {@code off} stops it (the
     * tests run it themselves). Read by the scheduler from {@link OutboxSender}'s annotation.
     */
    @WithDefault("10s")
    String sendEvery();

    /** How long a sent email stays in the outbox (address and text) before it is removed. */
    @WithDefault("P30D")
    Duration keepSent();

    /** How long an email given up on stays, for staff to look into, before it is removed. */
    @WithDefault("P90D")
    Duration keepFailed();

    /** How often emails past their retention are removed; {@code off} stops it (the tests run it themselves). */
    @WithDefault("1h")
    String purgeEvery();
}
