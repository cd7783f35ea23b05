package io.accords.imports;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
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
     * Moves a job's progress on from where this worker read it: 0 when another worker got there first (the caller's
     * transaction then rolls back, so no row is applied twice).
     */
    int advance(UUID job, int from, int to, int created, int updated, int unchanged, int refused) {
        return update(
                "rowsDone = ?3, created = created + ?4, updated = updated + ?5, unchanged = unchanged + ?6,"
                        + " refused = refused + ?7 where id = ?1 and rowsDone = ?2",
                job,
                from,
                to,
                created,
                updated,
                unchanged,
                refused);
    }

    /** The jobs a worker has yet to finish, oldest first. */
    List<UUID> unfinished() {
        return find("status in ?1 order by createdAt", List.of(ImportStatus.QUEUED, ImportStatus.RUNNING))
                .project(JobId.class)
                .list()
                .stream()
                .map(JobId::id)
                .toList();
    }

    @io.quarkus.runtime.annotations.RegisterForReflection
    record JobId(UUID id) {}
}
