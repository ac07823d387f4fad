package org.asbportal.web;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code asb_database_up}: 1 when this replica reached the database at its last check, 0 when it did
 * not, for the "database down" alert (k8s/monitoring). Checked every {@code asb.metrics.refresh-every}
 * with a connection from the pool, never by a scrape. Readiness says the same to Kubernetes; this
 * says it to Prometheus, which keeps the history.
 */
@Startup
@ApplicationScoped
public class DatabaseMetrics {

    /** Seconds a check waits for the database to answer. */
    private static final int CHECK_TIMEOUT_SECONDS = 2;

    private final AgroalDataSource dataSource;
    private final AtomicInteger up = new AtomicInteger(1);

    public DatabaseMetrics(AgroalDataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        Gauge.builder("asb.database.up", up, AtomicInteger::get)
                .description("1 when the database answered this replica's last check, 0 when it did not")
                .register(meters);
    }

    @Scheduled(every = "${asb.metrics.refresh-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        refresh();
    }

    /** Checks the database now; returns whether it answered. */
    public boolean refresh() {
        boolean answered;
        try (Connection connection = dataSource.getConnection()) {
            answered = connection.isValid(CHECK_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            answered = false;
        }
        up.set(answered ? 1 : 0);
        return answered;
    }
}
