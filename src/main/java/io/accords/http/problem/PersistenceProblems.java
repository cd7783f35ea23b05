package io.accords.http.problem;

import static io.accords.http.problem.ProblemResponses.anyCause;
import static io.accords.http.problem.ProblemResponses.causedBy;
import static io.accords.http.problem.ProblemResponses.path;
import static io.accords.http.problem.ProblemResponses.respond;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What the database says: a write that raced another (409, or 412 for a stale version), a database that cannot be
 * reached, rows held by another write too long, or a transaction that ran out of time (503, retry); anything else is
 * the service's fault.
 */
public class PersistenceProblems {

    private static final Logger LOG = Logger.getLogger(PersistenceProblems.class);

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return staleRecord(uri);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, UriInfo uri) {
        return staleRecord(uri);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (concurrentWrite(e)) {
            LOG.debugf(e, "Write refused by a database constraint at %s", path(uri));
            return respond(ProblemType.CONFLICT.problem(
                    "The write conflicts with a record written at the same time; read it again and retry", path(uri)));
        }
        if (causedBy(e, StaleStateException.class) || causedBy(e, OptimisticLockException.class)) {
            return staleRecord(uri);
        }
        return HttpProblems.fault(e, uri);
    }

    private Response staleRecord(UriInfo uri) {
        return respond(ProblemType.PRECONDITION_FAILED.problem(
                "The record was changed by someone else while this request ran; read it again and retry", path(uri)));
    }

    /**
     * A connection that could not be made, was lost, or was not free within the pool's acquisition timeout, or a
     * server shutting down, starting up or out of connections: the database is down or overloaded, which a client
     * should retry, not a fault of the service.
     */
    public static boolean databaseUnreachable(Throwable e) {
        return anyCause(
                e,
                t -> t instanceof org.hibernate.exception.JDBCConnectionException
                        || t instanceof java.sql.SQLTransientConnectionException
                        || t instanceof java.sql.SQLNonTransientConnectionException
                        || t instanceof java.net.ConnectException
                        || (t instanceof java.sql.SQLException sql
                                && (unavailableState(sql.getSQLState())
                                        || String.valueOf(sql.getMessage())
                                                .toLowerCase(java.util.Locale.ROOT)
                                                .contains("acquisition timeout"))));
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01-57P03 (the server is shutting down, crashed, or not yet accepting
     * connections: PostgreSQL ends open sessions with these when it stops) and 53300 (too many connections).
     */
    private static boolean unavailableState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"));
    }

    /**
     * A unique key or a reference broken by a write that ran at the same time (SQLSTATE 23505, 23503): the client
     * should read again and retry. Any other refusal by the database (a CHECK, a NOT NULL) means the service sent
     * what it never should, and is reported as the service's fault, never as a conflict.
     */
    public static boolean concurrentWrite(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation) {
                String state = violation.getSQLState();
                return "23505".equals(state) || "23503".equals(state);
            }
        }
        return false;
    }

    /**
     * The write waited too long for rows another transaction held, was chosen to break a deadlock, or could not be
     * serialized with a write that ran at the same time (SQLSTATE 55P03, 40P01, 40001; H2's lock timeout, HYT00):
     * nothing of it was written, and the same write a moment later normally succeeds. Not the caller's fault, and not
     * the service's.
     */
    public static boolean lockConflict(Throwable e) {
        return anyCause(
                e,
                t -> t instanceof org.hibernate.exception.LockAcquisitionException
                        || t instanceof org.hibernate.PessimisticLockException
                        || t instanceof jakarta.persistence.PessimisticLockException
                        || t instanceof jakarta.persistence.LockTimeoutException
                        || (t instanceof java.sql.SQLException sql && LOCK_STATES.contains(sql.getSQLState())));
    }

    private static final java.util.Set<String> LOCK_STATES = java.util.Set.of("55P03", "40P01", "40001", "HYT00");

    /** What is wrong with a text {@link #unstorableText} finds, for the field or row that holds it. */
    public static final String UNSTORABLE_TEXT = "holds a NUL character (\\u0000) in a text, which cannot be stored";

    /**
     * The database refused a text it cannot store (SQLSTATE 22021: PostgreSQL stores no NUL character, U+0000), found
     * among the failure's causes or what was suppressed while it was rolled back: the request's fault, not the service's.
     */
    public static boolean unstorableText(Throwable e) {
        return unstorableText(e, 0);
    }

    private static boolean unstorableText(Throwable e, int depth) {
        if (e == null || depth > 20) {
            return false;
        }
        if (e instanceof java.sql.SQLException sql && "22021".equals(sql.getSQLState())) {
            return true;
        }
        for (Throwable suppressed : e.getSuppressed()) {
            if (unstorableText(suppressed, depth + 1)) {
                return true;
            }
        }
        return unstorableText(e.getCause(), depth + 1);
    }

    /** The transaction outlived its timeout and was rolled back, or a statement hit its query timeout. */
    public static boolean timedOut(Throwable e) {
        return causedBy(e, jakarta.transaction.RollbackException.class)
                || causedBy(e, jakarta.persistence.QueryTimeoutException.class)
                || causedBy(e, org.hibernate.QueryTimeoutException.class);
    }
}
