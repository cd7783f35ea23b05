package io.accords.history;

import io.accords.database.CustomPlans;
import io.accords.security.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over revisions; there is no query that changes or removes one. */
@ApplicationScoped
public class RevisionRepository implements PanacheRepositoryBase<Revision, Long> {

    private static final String OF_RECORD = "recordType = ?1 and recordId = ?2 and classification in ?3";

    private final CustomPlans plans;

    RevisionRepository(CustomPlans plans) {
        this.plans = plans;
    }

    public List<Revision> of(String recordType, UUID recordId, List<Classification> visible, int pageIndex, int size) {
        return find(
                        OF_RECORD,
                        Sort.descending("version").and("id", Sort.Direction.Descending),
                        recordType,
                        recordId,
                        visible)
                .page(Page.of(pageIndex, size))
                .list();
    }

    public long countOf(String recordType, UUID recordId, List<Classification> visible) {
        return count(OF_RECORD, recordType, recordId, visible);
    }

    /** The record's last revision made at or before the instant, whatever its classification. */
    public Optional<Revision> lastAt(String recordType, UUID recordId, Instant at) {
        return find(
                        "recordType = ?1 and recordId = ?2 and at <= ?3",
                        Sort.descending("at").and("id", Sort.Direction.Descending),
                        recordType,
                        recordId,
                        at)
                .firstResultOptional();
    }

    /** The revision that left the record at this version (not its deletion), if any. */
    public Optional<Revision> version(String recordType, UUID recordId, long version) {
        return find(
                        "recordType = ?1 and recordId = ?2 and version = ?3 and action <> ?4",
                        Sort.descending("id"),
                        recordType,
                        recordId,
                        version,
                        Revision.Action.DELETED)
                .firstResultOptional();
    }

    /** The latest revision before this version that a caller of these classifications may see, if any. */
    public Optional<Revision> before(String recordType, UUID recordId, long version, List<Classification> visible) {
        return find(
                        OF_RECORD + " and version < ?4 and action <> ?5",
                        Sort.descending("version").and("id", Sort.Direction.Descending),
                        recordType,
                        recordId,
                        visible,
                        version,
                        Revision.Action.DELETED)
                .firstResultOptional();
    }

    /**
     * Which of these records of this kind have any revision: planned for its values ({@link CustomPlans}), since a plan
     * made for any values while the table was small searches the index by record type alone as the table grows.
     */
    public List<UUID> recorded(String recordType, Collection<UUID> recordIds) {
        return plans.during(() -> getEntityManager()
                .createQuery(
                        "select distinct r.recordId from Revision r where r.recordType = :type and r.recordId in :ids",
                        UUID.class)
                .setParameter("type", recordType)
                .setParameter("ids", recordIds)
                .getResultList());
    }

    /** Revisions waiting for their place in the change feed, oldest first, with who may see each. */
    public List<PendingChange.Queued> pending(int max) {
        return getEntityManager()
                .createQuery(
                        "select new io.accords.history.PendingChange$Queued(r, p.classification)"
                                + " from PendingChange p, Revision r where r.id = p.revisionId order by r.at, r.id",
                        PendingChange.Queued.class)
                .setMaxResults(max)
                .getResultList();
    }

    /** These revisions have their place in the change feed. */
    public void placed(Collection<Long> revisionIds) {
        getEntityManager()
                .createQuery("delete from PendingChange p where p.revisionId in :ids")
                .setParameter("ids", revisionIds)
                .executeUpdate();
    }

    /** Revisions by id. */
    public List<Revision> byIds(Collection<Long> ids) {
        return list("id in ?1", ids);
    }
}
