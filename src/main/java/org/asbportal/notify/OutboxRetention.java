package org.asbportal.notify;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

import org.asbportal.web.JobLease;
import org.jboss.logging.Logger;

/**
 * Removes emails from the outbox once they are no longer needed, so victims' addresses and the
 * text sent to them are not kept for ever: sent emails after {@code asb.notify.keep-sent}, emails
 * given up on after {@code asb.notify.keep-failed}. What the victim was told stays in the case's
 * timeline; only the copy made for sending goes.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);

    private final NotifyConfig config;
    private final Clock clock;
    private final JobLease lease;

    public OutboxRetention(NotifyConfig config, Clock clock, JobLease lease) {
        this.clock = clock;
        this.config = config;
        this.lease = lease;
    }

    /** Every {@code asb.notify.purge-every}, on one replica at a time. */
    @Scheduled(every = "${asb.notify.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        lease.runOnce("outbox-retention", config.purgeEvery(), () -> purge(clock.instant()));
    }

    /** Removes what has been kept long enough at {@code now}; returns how many emails went. */
    public long purge(Instant now) {
        long removed = QuarkusTransaction.requiringNew().call(() ->
                OutboxMessage.delete("status = ?1 and sentAt < ?2", OutboxStatus.SENT, now.minus(config.keepSent()))
                        + OutboxMessage.delete("status = ?1 and createdAt < ?2", OutboxStatus.FAILED,
                                now.minus(config.keepFailed())));
        if (removed > 0) {
            LOG.infof("Removed %d emails from the outbox past their retention", removed);
        }
        return removed;
    }
}
