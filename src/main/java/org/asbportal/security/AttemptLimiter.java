package org.asbportal.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed access-code checks per bucket (a client, a reference), and uses of the per-client
 * limits ({@link ClientLimits}), in fixed windows held in the database, so every replica enforces the
 * same limits.
 */
@ApplicationScoped
public class AttemptLimiter {

    private final AgroalDataSource dataSource;
    private final AttemptLimitConfig config;
    private final Clock clock;

    public AttemptLimiter(AgroalDataSource dataSource, AttemptLimitConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
    }

    /** Refuses when any bucket has used up its failures in the current window; {@code referenceBucket} may be null. */
    public void check(String clientBucket, String referenceBucket) {
        Instant now = clock.instant();
        refuseIfSpent(clientBucket, config.maxFailuresPerClient(), now);
        if (referenceBucket != null) {
            refuseIfSpent(referenceBucket, config.maxFailuresPerReference(), now);
        }
    }

    /**
     * Counts one use of {@code bucket} and says how long to wait when that use is past {@code max} in
     * the bucket's current {@code window}. The count is raised and read back by one statement on one
     * connection ({@code LAST_INSERT_ID(expr)} is per connection), so concurrent uses each see their own
     * number and no more than {@code max} are ever allowed in a window. It runs outside any caller's
     * transaction, so a refused or failed request still counts.
     */
    public Optional<Duration> take(String bucket, int max, Duration window) {
        Instant now = clock.instant();
        Instant expired = now.minus(window);
        String count = "INSERT INTO attempt_counter (bucket, window_start, failures) VALUES (?, ?, LAST_INSERT_ID(1)) "
                + "ON DUPLICATE KEY UPDATE failures = LAST_INSERT_ID(IF(window_start < ?, 1, failures + 1)), "
                + "window_start = IF(window_start < ?, VALUES(window_start), window_start)";
        return QuarkusTransaction.suspendingExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement statement = connection.prepareStatement(count)) {
                    statement.setString(1, bucket);
                    statement.setTimestamp(2, Timestamp.from(now));
                    statement.setTimestamp(3, Timestamp.from(expired));
                    statement.setTimestamp(4, Timestamp.from(expired));
                    statement.executeUpdate();
                }
                try (PreparedStatement read = connection.prepareStatement(
                        "SELECT LAST_INSERT_ID(), window_start FROM attempt_counter WHERE bucket = ?")) {
                    read.setString(1, bucket);
                    try (ResultSet row = read.executeQuery()) {
                        if (!row.next() || row.getLong(1) <= max) {
                            return Optional.<Duration>empty();
                        }
                        Instant windowEnd = row.getTimestamp(2).toInstant().plus(window);
                        return Optional.of(windowEnd.isAfter(now) ? Duration.between(now, windowEnd) : Duration.ofSeconds(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not count a use of a per-client limit", e);
            }
        });
    }

    /** Counts a failure against each bucket. */
    public void failed(String... buckets) {
        Instant now = clock.instant();
        Instant expired = now.minus(config.window());
        String sql = "INSERT INTO attempt_counter (bucket, window_start, failures) VALUES (?, ?, 1) "
                + "ON DUPLICATE KEY UPDATE failures = IF(window_start < ?, 1, failures + 1), "
                + "window_start = IF(window_start < ?, VALUES(window_start), window_start)";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String bucket : buckets) {
                statement.setString(1, bucket);
                statement.setTimestamp(2, Timestamp.from(now));
                statement.setTimestamp(3, Timestamp.from(expired));
                statement.setTimestamp(4, Timestamp.from(expired));
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a failed access-code check", e);
        }
    }

    private void refuseIfSpent(String bucket, int limit, Instant now) {
        String sql = "SELECT window_start, failures FROM attempt_counter WHERE bucket = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, bucket);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    Instant windowEnd = row.getTimestamp(1).toInstant().plus(config.window());
                    if (row.getInt(2) >= limit && windowEnd.isAfter(now)) {
                        throw new TooManyAttemptsException(Duration.between(now, windowEnd));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the access-code check counters", e);
        }
    }
}
