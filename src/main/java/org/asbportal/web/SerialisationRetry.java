package org.asbportal.web;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import org.jboss.logging.Logger;

/**
 * Runs work in a transaction of its own and, when the database rolls it back to break a deadlock
 * (or gives up waiting for a lock), runs it again a few times after a short random pause. The work
 * must have no effect outside the transaction, so that running it again never does anything twice:
 * a transaction rolled back has saved nothing.
 */
@ApplicationScoped
public class SerialisationRetry {

    private static final Logger LOG = Logger.getLogger(SerialisationRetry.class);

    private final DatabaseRetryConfig config;

    public SerialisationRetry(DatabaseRetryConfig config) {
        this.config = config;
    }

    /** The result of {@code work}, run in a new transaction until it commits or has failed too often. */
    public <T> T inNewTransaction(Callable<T> work) {
        for (int attempt = 0;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work);
            } catch (RuntimeException e) {
                if (attempt >= config.retries() || !DatabaseFailures.isSerialisationFailure(e)) {
                    throw e;
                }
                LOG.infof("Transaction rolled back by the database (%s); running it again", DatabaseFailures.reason(e));
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        long most = Math.max(1, config.retryBackoff().toMillis() << Math.min(attempt, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, most + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to run a transaction again", e);
        }
    }
}
