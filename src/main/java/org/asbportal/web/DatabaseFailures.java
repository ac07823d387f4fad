package org.asbportal.web;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.hibernate.exception.JDBCConnectionException;

/** Tells a database that cannot be reached from other failures, so callers can degrade gracefully. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLTransientConnectionException
                    || (cause.getMessage() != null && (cause.getMessage().contains("acquisition timeout")
                            || cause.getMessage().startsWith("Unable to acquire JDBC Connection")))) {
                return true;
            }
        }
        return false;
    }
}
