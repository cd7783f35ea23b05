package io.accords.http.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures are the database's (503, retry) rather than the service's (500). */
class PersistenceProblemsTest {

    @Test
    void recognisesAnUnreachableDatabaseHoweverItIsWrapped() {
        assertTrue(PersistenceProblems.databaseUnreachable(
                new PersistenceException(new SQLException("refused", "08001"))));
        assertTrue(
                PersistenceProblems.databaseUnreachable(new RuntimeException(new SQLTransientConnectionException())));
        assertTrue(PersistenceProblems.databaseUnreachable(
                new PersistenceException(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(PersistenceProblems.databaseUnreachable(new RuntimeException(new ConnectException("refused"))));
        // What the connection pool (Agroal) throws when no connection is free within the acquisition timeout, as
        // Hibernate wraps it.
        assertTrue(PersistenceProblems.databaseUnreachable(new org.hibernate.exception.GenericJDBCException(
                "Unable to acquire JDBC Connection", new SQLException("Sorry, acquisition timeout!"))));
        // What PostgreSQL answers on open sessions while it stops, and while it starts again.
        assertTrue(PersistenceProblems.databaseUnreachable(new PersistenceException(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(PersistenceProblems.databaseUnreachable(
                new PersistenceException(new SQLException("the database system is starting up", "57P03"))));
        assertTrue(PersistenceProblems.databaseUnreachable(
                new PersistenceException(new SQLException("too many clients already", "53300"))));
        assertFalse(PersistenceProblems.databaseUnreachable(
                new PersistenceException(new SQLException("canceling statement due to user request", "57014"))));
        assertFalse(
                PersistenceProblems.databaseUnreachable(new PersistenceException(new SQLException("bad", "42601"))));
        assertFalse(PersistenceProblems.databaseUnreachable(new IllegalStateException("a bug")));
    }

    @Test
    void reportsOnlyKeyAndReferenceViolationsAsConflicts() {
        assertTrue(PersistenceProblems.concurrentWrite(new PersistenceException(violation("23505"))));
        assertTrue(PersistenceProblems.concurrentWrite(new PersistenceException(violation("23503"))));
        // What H2 answered once its CHECK constraints broke: a fault of the service, not a write to retry.
        assertFalse(PersistenceProblems.concurrentWrite(new PersistenceException(violation("23514"))));
        assertFalse(PersistenceProblems.concurrentWrite(new PersistenceException(violation("23502"))));
        assertFalse(PersistenceProblems.concurrentWrite(new IllegalStateException("a bug")));
    }

    private static org.hibernate.exception.ConstraintViolationException violation(String state) {
        return new org.hibernate.exception.ConstraintViolationException(
                "refused", new SQLException("refused", state), "some_constraint");
    }

    @Test
    void recognisesTextTheDatabaseCannotStoreAmongCausesAndSuppressed() {
        RuntimeException rolledBack = new RuntimeException("rollback");
        rolledBack.addSuppressed(new org.hibernate.exception.DataException(
                "could not execute statement", new SQLException("invalid byte sequence for encoding", "22021")));
        assertTrue(PersistenceProblems.unstorableText(rolledBack));
        assertTrue(PersistenceProblems.unstorableText(new PersistenceException(new SQLException("bad", "22021"))));
        assertFalse(PersistenceProblems.unstorableText(new PersistenceException(new SQLException("bad", "22001"))));
        assertFalse(PersistenceProblems.unstorableText(new IllegalStateException("a bug")));
    }

    @Test
    void recognisesATimedOutTransaction() {
        assertTrue(PersistenceProblems.timedOut(new RuntimeException(new RollbackException("not active"))));
        assertTrue(PersistenceProblems.timedOut(new jakarta.persistence.QueryTimeoutException("slow")));
        assertFalse(PersistenceProblems.timedOut(new IllegalStateException("a bug")));
    }

    @Test
    void recognisesAWriteHeldUpByAnotherHoweverItIsWrapped() {
        // PostgreSQL: a deadlock broken, a lock not granted in time, a serialization failure; H2: its lock timeout.
        for (String state : new String[] {"40P01", "55P03", "40001", "HYT00"}) {
            assertTrue(
                    PersistenceProblems.lockConflict(new PersistenceException(new SQLException("held", state))), state);
        }
        assertTrue(PersistenceProblems.lockConflict(
                new RuntimeException(new jakarta.persistence.LockTimeoutException("Timeout trying to lock table"))));
        assertTrue(PersistenceProblems.lockConflict(new org.hibernate.exception.LockAcquisitionException(
                "deadlock detected", new SQLException("deadlock detected"))));
        assertFalse(PersistenceProblems.lockConflict(new PersistenceException(new SQLException("taken", "23505"))));
        assertFalse(PersistenceProblems.lockConflict(new PersistenceException(new SQLException("slow", "57014"))));
        assertFalse(PersistenceProblems.lockConflict(new IllegalStateException("a bug")));
    }
}
