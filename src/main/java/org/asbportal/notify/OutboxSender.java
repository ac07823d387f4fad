package org.asbportal.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import org.asbportal.web.SerialisationRetry;
import org.jboss.logging.Logger;

/**
 * Sends the outbox. Every run takes due PENDING messages one at a time, in three steps:
 * <ol>
 * <li><b>claim</b>, in a transaction of its own that commits before anything is sent: the next due row
 * (locked with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so senders on one database server skip each
 * other's) is made due again only after {@code asb.notify.claim-for};
 * <li><b>send</b>, with no transaction open and no row locked during the SMTP exchange;
 * <li><b>record</b>: SENT, or the next attempt with exponential back-off, or FAILED after the last one.
 * </ol>
 * With several replicas each runs this job. On one server the row lock keeps two senders off the same
 * message. On a Galera cluster, where each replica may write through a different node, row locks are
 * not shared: two senders may both claim a message, but only the first commit is certified and the other
 * is refused as a deadlock, so only one of them sends it. The refused claim is run again and moves on to
 * the next message ({@link SerialisationRetry}). If a replica dies between claim and record, the message
 * is due again once the claim runs out: sent at least once, never lost.
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX_ERROR = 200;

    /** A message claimed by this sender: what it needs to send it, read in the claim's transaction. */
    record Claimed(long id, String recipient, String subject, String text, String html) {
    }

    private final Mailer mailer;
    private final NotifyConfig config;
    private final Clock clock;
    private final OutboxMetrics metrics;
    private final SerialisationRetry retry;

    public OutboxSender(Mailer mailer, NotifyConfig config, Clock clock, OutboxMetrics metrics, SerialisationRetry retry) {
        this.clock = clock;
        this.metrics = metrics;
        this.mailer = mailer;
        this.config = config;
        this.retry = retry;
    }

    @Scheduled(every = "${asb.notify.send-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        sendDue();
    }

    /** Sends up to one batch of due messages and refreshes {@link OutboxMetrics}; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Optional<Claimed> claimed = retry.inNewTransaction(this::claimNext);
            if (claimed.isEmpty()) {
                break;
            }
            RuntimeException failure = send(claimed.get());
            retry.inNewTransaction(() -> record(claimed.get().id(), failure));
            if (failure == null) {
                sent++;
            }
        }
        metrics.refresh();
        return sent;
    }

    /** The next due message, made not due for {@code claim-for} by a change this transaction commits. */
    private Optional<Claimed> claimNext() {
        return OutboxMessage.lockNextDue(clock.instant()).map(message -> {
            message.nextAttemptAt = clock.instant().plus(config.claimFor());
            return new Claimed(message.id, message.recipient, message.subject, message.bodyText, message.bodyHtml);
        });
    }

    /** Sends the message; the failure, or null when the mail server took it. */
    private RuntimeException send(Claimed message) {
        try {
            mailer.send(new Mail()
                    .setFrom(config.from())
                    .addTo(message.recipient())
                    .setSubject(message.subject())
                    .setText(message.text())
                    .setHtml(message.html()));
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /** What became of the claimed message: sent, or failed (to be tried again or given up on). */
    private Void record(long id, RuntimeException failure) {
        OutboxMessage message = OutboxMessage.findById(id);
        if (message == null || message.status != OutboxStatus.PENDING) {
            return null;
        }
        if (failure == null) {
            message.status = OutboxStatus.SENT;
            message.sentAt = clock.instant();
            message.lastError = null;
        } else {
            failed(message, failure);
        }
        return null;
    }

    private void failed(OutboxMessage message, RuntimeException e) {
        message.attempts++;
        message.lastError = describe(e);
        boolean givenUp = message.attempts >= config.maxAttempts();
        metrics.failed(givenUp);
        if (givenUp) {
            message.status = OutboxStatus.FAILED;
            LOG.errorf("Email %d (%s) not sent after %d attempts, given up: %s",
                    message.id, message.kind, message.attempts, message.lastError);
        } else {
            Duration wait = backoff(message.attempts, config.initialBackoff(), config.maxBackoff());
            message.nextAttemptAt = clock.instant().plus(wait);
            LOG.warnf("Email %d (%s) not sent, attempt %d of %d, next in %s: %s",
                    message.id, message.kind, message.attempts, config.maxAttempts(), wait, message.lastError);
        }
    }

    /** The wait after {@code attempts} failures: {@code initial}, doubled after each further failure, at most {@code max}. */
    static Duration backoff(int attempts, Duration initial, Duration max) {
        Duration wait = initial;
        for (int i = 1; i < attempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) < 0 ? wait : max;
    }

    /** The kind of failure and its message, with any email address taken out, kept short. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        text = ADDRESS.matcher(text).replaceAll("[address]");
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR);
    }
}
