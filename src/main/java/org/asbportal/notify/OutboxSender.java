package org.asbportal.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

/**
 * Sends the outbox. Every run takes due PENDING messages one at a time, each in its own
 * transaction: the row is locked with {@code SELECT ... FOR UPDATE SKIP LOCKED}, sent, and marked
 * SENT, or given its next attempt with exponential back-off, or FAILED after the last attempt.
 * <p>
 * With several replicas each runs this job; a row one of them holds is skipped by the others, and
 * once committed it is no longer due, so no email is sent twice by two senders. The lock lasts only
 * as long as one SMTP exchange; if a replica dies mid-send, its lock goes with its connection and the
 * message is tried again (at least once, never lost).
 */
@ApplicationScoped
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class);
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");
    private static final int MAX_ERROR = 200;

    private enum Attempt { SENT, FAILED, NONE_DUE }

    private final Mailer mailer;
    private final NotifyConfig config;

    private final Clock clock;
    private final OutboxMetrics metrics;

    public OutboxSender(Mailer mailer, NotifyConfig config, Clock clock, OutboxMetrics metrics) {
        this.clock = clock;
        this.metrics = metrics;
        this.mailer = mailer;
        this.config = config;
    }

    @Scheduled(every = "${asb.notify.send-every:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        sendDue();
    }

    /** Sends up to one batch of due messages and refreshes {@link OutboxMetrics}; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        for (int i = 0; i < config.batchSize(); i++) {
            Attempt attempt = QuarkusTransaction.requiringNew().call(this::sendNext);
            if (attempt == Attempt.NONE_DUE) {
                break;
            }
            if (attempt == Attempt.SENT) {
                sent++;
            }
        }
        metrics.refresh();
        return sent;
    }

    private Attempt sendNext() {
        Optional<OutboxMessage> next = OutboxMessage.lockNextDue(clock.instant());
        if (next.isEmpty()) {
            return Attempt.NONE_DUE;
        }
        OutboxMessage message = next.get();
        try {
            mailer.send(new Mail()
                    .setFrom(config.from())
                    .addTo(message.recipient)
                    .setSubject(message.subject)
                    .setText(message.bodyText)
                    .setHtml(message.bodyHtml));
        } catch (RuntimeException e) {
            failed(message, e);
            return Attempt.FAILED;
        }
        message.status = OutboxStatus.SENT;
        message.sentAt = clock.instant();
        message.lastError = null;
        return Attempt.SENT;
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
