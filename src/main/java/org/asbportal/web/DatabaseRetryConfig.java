package org.asbportal.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How a transaction the database rolled back to break a deadlock or a lock wait is run again
 * ({@link SerialisationRetry}).
 */
@ConfigMapping(prefix = "asb.database")
public interface DatabaseRetryConfig {

    /** How many times a transaction is run again after a deadlock or lock wait timeout (ASB_DATABASE_RETRIES). */
    @WithDefault("3")
    int retries();

    /**
     * The longest pause before the first retry, doubled for each further one; each pause is a random
     * time up to it, so that the transactions that met do not meet again (ASB_DATABASE_RETRY_BACKOFF).
     */
    @WithDefault("PT0.05S")
    Duration retryBackoff();
}
