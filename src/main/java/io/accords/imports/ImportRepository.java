package io.accords.imports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Import jobs, the parts of the files they read and the rows they refused. */
@ApplicationScoped
public class ImportRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** One stored part of a file: its rows, one per line, and the number of the first. */
    record Part(int seq, int firstRow, int rowCount, String content) {}

    /** A refused row and the problem, as JSON. */
    record Refusal(int row, UUID recordId, String problem) {}

    void addPart(UUID job, int seq, int firstRow, int rowCount, String content) {
        getEntityManager()
                .createNativeQuery("insert into import_part (job_id, seq, first_row, row_count, content)"
                        + " values (:job, :seq, :first, :count, :content)")
                .setParameter("job", job)
                .setParameter("seq", seq)
                .setParameter("first", firstRow)
                .setParameter("count", rowCount)
                .setParameter("content", content)
                .executeUpdate();
    }

    /** The part holding this row (rows are numbered from 1), or null past the end. */
    Part partHolding(UUID job, int row) {
        List<?> found = getEntityManager()
                .createNativeQuery("select seq, first_row, row_count, content from import_part where job_id = :job"
                        + " and first_row <= :row and first_row + row_count > :row")
                .setParameter("job", job)
                .setParameter("row", row)
                .getResultList();
        if (found.isEmpty()) {
            return null;
        }
        Object[] columns = (Object[]) found.get(0);
        return new Part(
                ((Number) columns[0]).intValue(),
                ((Number) columns[1]).intValue(),
                ((Number) columns[2]).intValue(),
                columns[3].toString());
    }

    void addRefusal(UUID job, int row, UUID recordId, String problem, boolean retry) {
        getEntityManager()
                .createNativeQuery("insert into import_refusal (job_id, row_number, record_id, problem, retry)"
                        + " values (:job, :row, :record, :problem, :retry)")
                .setParameter("job", job)
                .setParameter("row", row)
                .setParameter("record", recordId)
                .setParameter("problem", problem)
                .setParameter("retry", retry)
                .executeUpdate();
    }

    /** The refused rows that named an agreement missing then, which may come later in the file. */
    List<Integer> retriable(UUID job) {
        return getEntityManager()
                .createNativeQuery("select row_number from import_refusal where job_id = :job and retry = true"
                        + " order by row_number")
                .setParameter("job", job)
                .getResultList()
                .stream()
                .map(row -> ((Number) row).intValue())
                .toList();
    }

    /** A refused row written on a later try: no longer refused, counted as what it did. */
    void forgiveRefusal(UUID job, int row, int created, int updated, int unchanged) {
        getEntityManager()
                .createNativeQuery("delete from import_refusal where job_id = :job and row_number = :row")
                .setParameter("job", job)
                .setParameter("row", row)
                .executeUpdate();
        update(
                "refused = refused - 1, created = created + ?2, updated = updated + ?3, unchanged = unchanged + ?4"
                        + " where id = ?1",
                job,
                created,
                updated,
                unchanged);
    }

    List<Refusal> refusals(UUID job, int offset, int limit) {
        List<?> rows = getEntityManager()
                .createNativeQuery("select row_number, record_id, problem from import_refusal where job_id = :job"
                        + " order by row_number")
                .setParameter("job", job)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream()
                .map(r -> (Object[]) r)
                .map(c -> new Refusal(((Number) c[0]).intValue(), uuid(c[1]), c[2].toString()))
                .toList();
    }

    /** A UUID column as a native query answers it: a UUID on PostgreSQL, 16 bytes on H2. */
    private static UUID uuid(Object column) {
        if (column instanceof byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        return (UUID) column;
    }

    void clearRefusals(UUID job) {
        getEntityManager()
                .createNativeQuery("delete from import_refusal where job_id = :job")
                .setParameter("job", job)
                .executeUpdate();
    }

    /**
     * Moves a job's progress on from where this worker read it, while the job is still this replica's and running: 0
     * when another worker got there first, the job was cancelled or its lease taken over (the caller's transaction then
     * rolls back, so no row is applied twice).
     */
    int advance(UUID job, String owner, int from, int to, int created, int updated, int unchanged, int refused) {
        return update(
                "rowsDone = ?3, created = created + ?4, updated = updated + ?5, unchanged = unchanged + ?6,"
                        + " refused = refused + ?7 where id = ?1 and rowsDone = ?2 and leaseOwner = ?8 and status = ?9",
                job,
                from,
                to,
                created,
                updated,
                unchanged,
                refused,
                owner,
                ImportStatus.RUNNING);
    }

    /**
     * Up to {@code limit} jobs a worker may take now (waiting or running, with no lease or one run out), fairest
     * first: the caller whose jobs had a turn least recently, then its job that had one least recently, then the oldest.
     */
    List<UUID> claimable(Instant now, int limit) {
        List<?> ids = getEntityManager()
                .createNativeQuery("select j.id from import_job j where j.status in ('QUEUED', 'RUNNING')"
                        + " and (j.lease_until is null or j.lease_until < :now)"
                        + " order by (select max(o.turn_at) from import_job o where o.subject = j.subject) nulls first,"
                        + " j.turn_at nulls first, j.created_at, j.id")
                .setParameter("now", now)
                .setMaxResults(limit)
                .getResultList();
        return ids.stream().map(ImportRepository::uuid).toList();
    }

    /** Takes the job for this replica until {@code until}, unless another holds a lease on it that has not run out. */
    boolean claim(UUID job, String owner, Instant now, Instant until) {
        return update(
                        "leaseOwner = ?2, leaseUntil = ?3, status = ?4, startedAt = coalesce(startedAt, ?5)"
                                + " where id = ?1 and status in ?6 and (leaseUntil is null or leaseUntil < ?5)",
                        job,
                        owner,
                        until,
                        ImportStatus.RUNNING,
                        now,
                        List.of(ImportStatus.QUEUED, ImportStatus.RUNNING))
                == 1;
    }

    /** Renews the leases this replica holds on jobs it runs or files it receives. */
    int renew(String owner, Instant until) {
        return update(
                "leaseUntil = ?2 where leaseOwner = ?1 and status in ?3",
                owner,
                until,
                List.of(ImportStatus.RECEIVING, ImportStatus.RUNNING));
    }

    /** Ends this replica's turn on a job it still holds: the lease goes, and the turn is noted. */
    void release(UUID job, String owner, Instant now) {
        update("leaseOwner = null, leaseUntil = null, turnAt = ?3 where id = ?1 and leaseOwner = ?2", job, owner, now);
    }

    /** Lets go of every job this replica holds (it is stopping): others take them over at once. */
    void releaseAll(String owner) {
        update(
                "leaseOwner = null, leaseUntil = null where leaseOwner = ?1 and status = ?2",
                owner,
                ImportStatus.RUNNING);
    }

    /** Ends a job this replica runs, with its status and why; false when it is no longer this replica's to end. */
    boolean finish(UUID job, String owner, ImportStatus status, String reason, Instant now) {
        return update(
                        "status = ?3, stopReason = ?4, finishedAt = ?5, leaseOwner = null, leaseUntil = null"
                                + " where id = ?1 and leaseOwner = ?2 and status = ?6",
                        job,
                        owner,
                        status,
                        reason,
                        now,
                        ImportStatus.RUNNING)
                == 1;
    }

    /** Cancels a job that is waiting or running; false when it had ended already. */
    boolean cancel(UUID job, String reason, Instant now) {
        return update(
                        "status = ?2, stopReason = ?3, finishedAt = ?4, leaseOwner = null, leaseUntil = null"
                                + " where id = ?1 and status in ?5",
                        job,
                        ImportStatus.CANCELLED,
                        reason,
                        now,
                        List.of(ImportStatus.QUEUED, ImportStatus.RUNNING))
                == 1;
    }

    /** Removes files whose receiving replica stopped before they were whole (their lease ran out). */
    long abandoned(Instant now) {
        return delete("status = ?1 and leaseUntil < ?2", ImportStatus.RECEIVING, now);
    }

    /** A caller's jobs that are received, waiting or running: how many, and the bytes of their files. */
    record Open(long jobs, long bytes) {}

    Open openOf(String subject) {
        Object[] row = (Object[]) getEntityManager()
                .createQuery(
                        "select count(j), coalesce(sum(j.sizeBytes), 0) from ImportJob j where j.subject = :subject"
                                + " and j.status in :open")
                .setParameter("subject", subject)
                .setParameter("open", List.of(ImportStatus.RECEIVING, ImportStatus.QUEUED, ImportStatus.RUNNING))
                .getSingleResult();
        return new Open(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
}
