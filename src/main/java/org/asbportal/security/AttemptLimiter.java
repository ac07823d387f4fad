package org.asbportal.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed access-code checks per bucket (a client, a reference) in fixed windows held in the
 * database, so every replica enforces the same limits.
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

    /** Refuses when any bucket has used up its failures in the current window. */
    public void check(String clientBucket, String referenceBucket) {
        Instant now = clock.instant();
        refuseIfSpent(clientBucket, config.maxFailuresPerClient(), now);
        refuseIfSpent(referenceBucket, config.maxFailuresPerReference(), now);
    }

    /** Refuses when the client's bucket has used up its failures in the current window. */
    public void check(String clientBucket) {
        refuseIfSpent(clientBucket, config.maxFailuresPerClient(), clock.instant());
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
