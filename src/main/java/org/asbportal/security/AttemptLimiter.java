package org.asbportal.security;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Counts attempts per bucket in fixed windows held in the database, so every replica enforces the
 * same limits: failed access-code checks (a client, a reference), staff sign-in attempts (a client,
 * a client and account) and uses of the per-client limits ({@link ClientLimits}).
 * <p>
 * Every refusal is counted in {@code asb_limit_refusals_total}, tagged by what was limited: the
 * bucket's kind ({@code track_client}, {@code track_reference}, {@code submit_report}, {@code signin}
 * ...), never the client's address, the reference or the account.
 */
@Startup
@ApplicationScoped
public class AttemptLimiter {

    /** How many times a count refused as a deadlock (a Galera certification failure) is tried. */
    private static final int COUNT_ATTEMPTS = 4;

    private final AgroalDataSource dataSource;
    private final AttemptLimitConfig config;
    private final Clock clock;
    private final MeterRegistry meters;

    /**
     * The limits the portal has (its buckets' kinds), published at 0 from the start: Prometheus's
     * {@code increase()} sees a counter's first step only from a value it has already scraped.
     */
    static final List<String> LIMITS = List.of("track_client", "track_reference", "track_lookup", "submit_report",
            "submit_application", "pledge_email", "signin", "resume_link", "code_link", "two_factor", "password_reset");

    public AttemptLimiter(AgroalDataSource dataSource, AttemptLimitConfig config, Clock clock, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
        LIMITS.forEach(this::refusals);
    }

    private Counter refusals(String kind) {
        return Counter.builder("asb.limit.refusals")
                .description("Requests refused by a guessing or per-client limit, by what was limited")
                .tag("limit", kind)
                .register(meters);
    }

    /** Counts a refusal by the kind of bucket: the fixed word before the first colon, never what follows it. */
    private void refused(String bucket) {
        int colon = bucket.indexOf(':');
        String kind = (colon < 0 ? "other" : bucket.substring(0, colon)).replace('-', '_');
        refusals(kind).increment();
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
            for (int attempt = 1;; attempt++) {
                try {
                    return count(bucket, max, window, now, expired, count);
                } catch (SQLException e) {
                    // On a Galera cluster, the same bucket counted at once through another node fails
                    // certification and is refused as a deadlock; the statement saved nothing, so count again.
                    if (attempt >= COUNT_ATTEMPTS || !("40001".equals(e.getSQLState()) || e.getErrorCode() == 1213)) {
                        throw new IllegalStateException("Could not count a use of a per-client limit", e);
                    }
                }
            }
        });
    }

    private Optional<Duration> count(String bucket, int max, Duration window, Instant now, Instant expired, String count)
            throws SQLException {
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
                    refused(bucket);
                    Instant windowEnd = row.getTimestamp(2).toInstant().plus(window);
                    return Optional.of(windowEnd.isAfter(now) ? Duration.between(now, windowEnd) : Duration.ofSeconds(1));
                }
            }
        }
    }

    /** Counts a failure against each bucket. */
    public void failed(String... buckets) {
        failed(config.window(), buckets);
    }

    /**
     * Counts an attempt against each bucket before it is made, and says whether every bucket had room
     * for it: none had used up its limit in the current window, and none went over it with this
     * attempt (read back after the count, so attempts made at the same moment cannot all slip under
     * it). An attempt refused here is not counted, and one that turns out well is taken back with
     * {@link #forgive}, so only attempts made and failed stay counted. Limits are given bucket by bucket, in the order of the buckets.
     */
    public boolean claim(Duration window, List<String> buckets, List<Integer> limits) {
        Instant now = clock.instant();
        for (int i = 0; i < buckets.size(); i++) {
            if (spent(buckets.get(i), limits.get(i), window, now) != null) {
                refused(buckets.get(i));
                return false;
            }
        }
        String[] counted = buckets.toArray(String[]::new);
        failed(window, counted);
        for (int i = 0; i < buckets.size(); i++) {
            if (spent(buckets.get(i), limits.get(i) + 1, window, now) != null) {
                // Refused, so never made: only attempts made and failed stay counted.
                forgive(counted);
                refused(buckets.get(i));
                return false;
            }
        }
        return true;
    }

    /** Takes back an attempt counted by {@link #claim} that turned out well. */
    public void forgive(String... buckets) {
        String sql = "UPDATE attempt_counter SET failures = GREATEST(failures - 1, 0) WHERE bucket = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String bucket : buckets) {
                statement.setString(1, bucket);
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take back a counted attempt", e);
        }
    }

    /** Counts a failure against each bucket, in windows of the given length. */
    public void failed(Duration window, String... buckets) {
        Instant now = clock.instant();
        Instant expired = now.minus(window);
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
        Duration wait = spent(bucket, limit, config.window(), now);
        if (wait != null) {
            refused(bucket);
            throw new TooManyAttemptsException(wait);
        }
    }

    /** How long until the bucket's window ends when it has used up its limit, or null when it has not. */
    private Duration spent(String bucket, int limit, Duration window, Instant now) {
        String sql = "SELECT window_start, failures FROM attempt_counter WHERE bucket = ?";
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, bucket);
            try (ResultSet row = statement.executeQuery()) {
                if (row.next()) {
                    Instant windowEnd = row.getTimestamp(1).toInstant().plus(window);
                    if (row.getInt(2) >= limit && windowEnd.isAfter(now)) {
                        return Duration.between(now, windowEnd);
                    }
                }
            }
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the access-code check counters", e);
        }
    }
}
