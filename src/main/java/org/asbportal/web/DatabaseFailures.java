package org.asbportal.web;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached from other failures, so callers can degrade gracefully. */
public final class DatabaseFailures {

    /** MariaDB: deadlock found, lock wait timeout, record changed since read (snapshot isolation). */
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int RECORD_CHANGED = 1020;

    private DatabaseFailures() {
    }

    /**
     * Whether the database could not be reached, or the connection broke: also when the break came
     * at commit, where the transaction manager's RollbackException holds the driver's exception as a
     * suppressed one (a Galera node killed mid-commit), not as its cause.
     */
    public static boolean isUnavailable(Throwable failure) {
        return find(failure, cause -> cause instanceof JDBCConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLTransientConnectionException
                || (cause.getMessage() != null && (cause.getMessage().contains("acquisition timeout")
                        || cause.getMessage().startsWith("Unable to acquire JDBC Connection")))) != null;
    }

    /**
     * Whether the database rolled the transaction back to let a concurrent one through (a deadlock, a
     * serialisation failure, a lock wait that timed out): running it again can succeed.
     */
    public static boolean isSerialisationFailure(Throwable failure) {
        return serialisationCause(failure) != null;
    }

    /** The database's words for a serialisation failure, for logs. */
    static String reason(Throwable failure) {
        SQLException cause = serialisationCause(failure);
        return cause == null ? String.valueOf(failure) : cause.getErrorCode() + "/" + cause.getSQLState();
    }

    /**
     * The serialisation failure among the causes of {@code failure} and the exceptions they suppressed:
     * a commit the database refuses (on a Galera cluster, a write set that failed certification is
     * refused at commit as a deadlock) reaches the application as the transaction manager's
     * RollbackException, with the driver's exception suppressed in it rather than as its cause.
     */
    private static SQLException serialisationCause(Throwable failure) {
        return (SQLException) find(failure, cause -> cause instanceof SQLException sql && ("40001".equals(sql.getSQLState())
                || sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                || sql.getErrorCode() == RECORD_CHANGED));
    }

    /** The first of {@code failure}, its causes and the exceptions they suppressed that is {@code wanted}, or null. */
    private static Throwable find(Throwable failure, Predicate<Throwable> wanted) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (failure != null) {
            pending.add(failure);
        }
        while (!pending.isEmpty()) {
            Throwable cause = pending.poll();
            if (!seen.add(cause)) {
                continue;
            }
            if (wanted.test(cause)) {
                return cause;
            }
            if (cause.getCause() != null) {
                pending.add(cause.getCause());
            }
            pending.addAll(Arrays.asList(cause.getSuppressed()));
        }
        return null;
    }
}
