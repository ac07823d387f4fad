package org.asbportal.web;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Lets a scheduled job run on one replica at a time: each run first takes the job's lease
 * ({@code job_lease}, V022) for the job's interval, and a replica that finds it held skips its run.
 * The lease is taken by a single UPDATE committed on its own, outside any transaction of the caller.
 * On one database server its row lock makes a second taker find the lease held. On a Galera cluster,
 * where each replica may write through another node and row locks are not shared, both UPDATEs may
 * succeed on their nodes, but only the first commit is certified; the other is refused as a deadlock,
 * and that replica skips its run. If the holder dies, the lease runs out and another replica runs the
 * job at its next turn. Called outside a transaction (a connection taken inside one would join it).
 */
@ApplicationScoped
public class JobLease {

    private static final Logger LOG = Logger.getLogger(JobLease.class);
    /** The part of the interval a lease lasts: a little less, so the next turn of any replica finds it free. */
    private static final double SHARE_OF_INTERVAL = 0.9;

    static final String TAKE = "UPDATE job_lease SET holder = ?, held_until = ?, last_run_at = ? WHERE name = ? AND held_until <= ?";
    static final String CREATE = "INSERT IGNORE INTO job_lease (name, holder, held_until) VALUES (?, '', '1970-01-01 00:00:00')";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final String holder;

    public JobLease(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.holder = host() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Runs {@code work} if this replica takes the lease of {@code job} for most of {@code every} (the
     * job's interval as the scheduler reads it, e.g. {@code 1h}); returns whether it ran. A database
     * that cannot be reached means no run, as it would for the job itself.
     */
    public boolean runOnce(String job, String every, Runnable work) {
        if (!take(job, lease(every), holder)) {
            LOG.debugf("Job %s skipped: another replica holds its lease", job);
            return false;
        }
        work.run();
        return true;
    }

    /** Whether {@code holder} took the lease of {@code job} for {@code hold}, from now. */
    boolean take(String job, Duration hold, String holder) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (update(connection, job, hold, holder, now) == 1) {
                return true;
            }
            try (PreparedStatement create = connection.prepareStatement(CREATE)) {
                create.setString(1, job);
                if (create.executeUpdate() == 0) {
                    return false; // the lease exists and is held
                }
            }
            return update(connection, job, hold, holder, now) == 1;
        } catch (SQLException e) {
            // A deadlock here is another replica's lease certified first (Galera), or the database is away.
            LOG.infof("Job %s not run: its lease could not be taken (%s)", job, DatabaseFailures.reason(e));
            return false;
        }
    }

    private static int update(Connection connection, String job, Duration hold, String holder, Instant now) throws SQLException {
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setString(1, holder);
            take.setObject(2, utc(now.plus(hold)));
            take.setObject(3, utc(now));
            take.setString(4, job);
            take.setObject(5, utc(now));
            return take.executeUpdate();
        }
    }

    /** As the portal stores every time: UTC, whatever the JVM's zone. */
    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Most of the interval {@code every}; a minute when it cannot be read. */
    static Duration lease(String every) {
        try {
            Duration interval = DurationConverter.parseDuration(every);
            if (interval != null && !interval.isNegative() && !interval.isZero()) {
                return Duration.ofMillis((long) (interval.toMillis() * SHARE_OF_INTERVAL));
            }
        } catch (RuntimeException e) {
            // "off" and other words: the job does not run on a schedule, so any lease will do.
        }
        return Duration.ofMinutes(1);
    }

    private static String host() {
        String pod = System.getenv("HOSTNAME");
        if (pod != null && !pod.isBlank()) {
            return pod.length() > 60 ? pod.substring(0, 60) : pod;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "replica";
        }
    }
}
