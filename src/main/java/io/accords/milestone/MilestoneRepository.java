package io.accords.milestone;

import io.accords.common.PartialDate;
import io.accords.security.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Queries over milestones, and over the agreements' expiries the calendar shows beside them. */
@ApplicationScoped
public class MilestoneRepository implements PanacheRepositoryBase<Milestone, UUID> {

    /** A page of the milestones the filter selects, by due date. */
    List<Milestone> page(MilestoneFilter filter, List<Classification> visible, int first, int size) {
        Map<String, Object> parameters = MilestoneFilter.parameters();
        String where = filter.where(parameters, visible);
        TypedQuery<Milestone> query = getEntityManager()
                .createQuery(
                        "select m from Milestone m join m.agreement a where " + where + " order by m.due.first, m.id",
                        Milestone.class)
                .setFirstResult(first)
                .setMaxResults(size);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    long count(MilestoneFilter filter, List<Classification> visible) {
        Map<String, Object> parameters = MilestoneFilter.parameters();
        String where = filter.where(parameters, visible);
        TypedQuery<Long> query = getEntityManager()
                .createQuery("select count(m) from Milestone m join m.agreement a where " + where, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** An agreement's expiry, as the calendar shows it. */
    record Expiry(UUID agreementId, String title, PartialDate expires, long version, Instant updatedAt) {}

    /** Up to {@code limit} agreements expiring in the filter's window, soonest first. */
    List<Expiry> expiries(MilestoneFilter filter, List<Classification> visible, int limit) {
        Map<String, Object> parameters = MilestoneFilter.parameters();
        String where = filter.expiring(parameters, visible);
        TypedQuery<Expiry> query = getEntityManager()
                .createQuery(
                        "select a.id, a.title, a.expires, a.version, a.updatedAt from Agreement a where " + where
                                + " order by a.expires.first, a.id",
                        Expiry.class)
                .setMaxResults(limit);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }
}
