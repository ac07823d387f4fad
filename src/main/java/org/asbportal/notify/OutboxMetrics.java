package org.asbportal.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox as operators watch it: how many emails wait to be sent, how long the oldest has
 * waited, and how many attempts failed. The gauges show what the last {@link #refresh} read (the
 * sender refreshes after every run, every {@code asb.notify.send-every}), so a scrape never runs a query.
 */
@Startup
@ApplicationScoped
public class OutboxMetrics {

    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Counter retrying;
    private final Counter givenUp;

    public OutboxMetrics(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        Gauge.builder("asb.outbox.backlog", backlog, AtomicLong::get)
                .description("Emails waiting in the outbox to be sent (PENDING), as of the sender's last run")
                .register(meters);
        Gauge.builder("asb.outbox.oldest.pending.age", oldestAgeSeconds, AtomicLong::get)
                .description("How long the oldest email waiting in the outbox has waited, as of the sender's last run")
                .baseUnit("seconds")
                .register(meters);
        retrying = failures(meters, "retrying");
        givenUp = failures(meters, "given_up");
    }

    private static Counter failures(MeterRegistry meters, String result) {
        return Counter.builder("asb.outbox.send.failures")
                .description("Attempts to send an email that failed: tried again later (retrying) or the last one (given_up)")
                .tag("result", result)
                .register(meters);
    }

    /** Reads the backlog and the age of its oldest email: one count over the status index. */
    public void refresh() {
        Object[] row = QuarkusTransaction.joiningExisting().call(() -> OutboxMessage.getEntityManager()
                .createQuery("select count(m), min(m.createdAt) from OutboxMessage m where m.status = :pending", Object[].class)
                .setParameter("pending", OutboxStatus.PENDING)
                .getSingleResult());
        backlog.set(((Number) row[0]).longValue());
        Instant oldest = (Instant) row[1];
        oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
    }

    void failed(boolean givenUpNow) {
        (givenUpNow ? givenUp : retrying).increment();
    }
}
