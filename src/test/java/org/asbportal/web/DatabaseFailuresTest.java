package org.asbportal.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.transaction.RollbackException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;

/**
 * Which failures {@link SerialisationRetry} runs again (those the database rolled back to let another
 * through), and which mean the database is away.
 */
class DatabaseFailuresTest {

    @Test
    void aDeadlockRaisedByAStatementIsASerialisationFailure() {
        assertTrue(DatabaseFailures.isSerialisationFailure(new IllegalStateException(deadlock())));
    }

    @Test
    void aCommitRefusedAsADeadlockIsASerialisationFailure() {
        // How a Galera cluster refuses a write set that failed certification, as the transaction manager
        // reports it: a RollbackException with the driver's exception suppressed in it, not its cause.
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(deadlock());
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertTrue(DatabaseFailures.isSerialisationFailure(new QuarkusTransactionException(rollback)));
    }

    @Test
    void aCommitRefusedForAnotherReasonIsNot() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLNonTransientConnectionException("Socket error", "08000"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertFalse(DatabaseFailures.isSerialisationFailure(new QuarkusTransactionException(rollback)));
        assertFalse(DatabaseFailures.isSerialisationFailure(new RollbackException("no cause at all")));
    }

    /**
     * A Galera node killed while a commit was on its way: the connection breaks at commit, and the
     * transaction manager reports the driver's exception suppressed in its RollbackException. The
     * database is unavailable (503, try again), not a fault of the portal (500).
     */
    @Test
    void aConnectionBrokenAtCommitIsTheDatabaseUnavailable() {
        XAException xa = new XAException("Error trying to transactionCommit local transaction: (conn=27) Socket error");
        xa.initCause(new SQLNonTransientConnectionException("(conn=27) Socket error", "08000"));
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);

        assertTrue(DatabaseFailures.isUnavailable(new QuarkusTransactionException(rollback)));
        assertFalse(DatabaseFailures.isUnavailable(new QuarkusTransactionException(new RollbackException("no cause at all"))));
    }

    private static SQLTransactionRollbackException deadlock() {
        return new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }
}
