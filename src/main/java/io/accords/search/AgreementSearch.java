package io.accords.search;

import io.accords.agreement.Agreement;
import io.accords.http.Total;
import io.accords.security.Classification;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The queries behind agreement search: a filtered page and its total, facet counts, and the keyset walk. */
@ApplicationScoped
public class AgreementSearch {

    private static final Comparator<FacetCount> MOST_FIRST =
            Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);

    private final EntityManager entityManager;

    AgreementSearch(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Agreement> page(AgreementFilter filter, Classification clearance, Sort sort, int pageIndex, int size) {
        AgreementCriteria criteria = new AgreementCriteria(filter, clearance);
        return query(
                        "select a from Agreement a where " + criteria.where() + orderBy(sort),
                        Agreement.class,
                        criteria.parameters())
                .setFirstResult(pageIndex * size)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * The first {@code size} matches after an agreement in the given order: a seek from that agreement's own values,
     * so the database never counts past the pages before. Nulls sort last, as in {@link #page}.
     */
    public List<Agreement> pageAfter(
            AgreementFilter filter, Classification clearance, Sort sort, UUID after, int size) {
        AgreementCriteria criteria = new AgreementCriteria(filter, clearance);
        Map<String, Object> parameters = new HashMap<>(criteria.parameters());
        parameters.put("after", after);
        return query(
                        "select a from Agreement a, Agreement pos where pos.id = :after and "
                                + criteria.where(beyond(sort)) + orderBy(sort),
                        Agreement.class,
                        parameters)
                .setMaxResults(size)
                .getResultList();
    }

    /** Whether the agreement exists and is within the clearance: a cursor may stand on it. */
    public boolean visible(UUID id, Classification clearance) {
        return query(
                                "select count(a) from Agreement a where a.id = :id and a.classification in :visible",
                                Long.class,
                                Map.of("id", id, "visible", clearance.andBelow()))
                        .getSingleResult()
                > 0;
    }

    /**
     * The rows after {@code pos} in the sort: for some key, every earlier key equal and this one beyond; a null is
     * beyond every value (nulls last) and equal only to null.
     */
    private static String beyond(Sort sort) {
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (Sort.Column column : sort.getColumns()) {
            String mine = "a." + column.getName();
            String theirs = "pos." + column.getName();
            String further = mine + (column.getDirection() == Sort.Direction.Descending ? " < " : " > ") + theirs;
            boolean nullable = column.getNullPrecedence() == Sort.NullPrecedence.NULLS_LAST;
            String beyond =
                    nullable ? "(" + theirs + " is not null and (" + further + " or " + mine + " is null))" : further;
            alternatives.add(
                    equalSoFar.isEmpty() ? beyond : "(" + String.join(" and ", equalSoFar) + " and " + beyond + ")");
            equalSoFar.add(
                    nullable
                            ? "(" + mine + " = " + theirs + " or (" + mine + " is null and " + theirs + " is null))"
                            : mine + " = " + theirs);
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    public long count(AgreementFilter filter, Classification clearance) {
        AgreementCriteria criteria = new AgreementCriteria(filter, clearance);
        return query("select count(a) from Agreement a where " + criteria.where(), Long.class, criteria.parameters())
                .getSingleResult();
    }

    /** How many agreements match, counting at most {@code limit + 1} of them: "at least limit" beyond it. */
    public Total countUpTo(AgreementFilter filter, Classification clearance, int limit) {
        AgreementCriteria criteria = new AgreementCriteria(filter, clearance);
        int found = query("select a.id from Agreement a where " + criteria.where(), UUID.class, criteria.parameters())
                .setMaxResults(limit + 1)
                .getResultList()
                .size();
        return Total.countedUpTo(found, limit);
    }

    /** The next agreements after a position (from the first when there is none), in the order of their last change. */
    public List<Agreement> after(
            AgreementFilter filter, Classification clearance, Optional<SyncCursor> position, int size) {
        AgreementCriteria criteria = new AgreementCriteria(filter, clearance);
        Map<String, Object> parameters = new HashMap<>(criteria.parameters());
        String where = criteria.where();
        if (position.isPresent()) {
            where = criteria.where("(a.updatedAt > :cursorAt or (a.updatedAt = :cursorAt and a.id > :cursorId))");
            parameters.put("cursorAt", position.get().updatedAt());
            parameters.put("cursorId", position.get().id());
        }
        return query(
                        "select a from Agreement a where " + where + " order by a.updatedAt, a.id",
                        Agreement.class,
                        parameters)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * Facet counts in four grouped queries: type, status and signature year together (the total is their sum, as
     * every agreement has exactly one type and one status), then sectors, modes and countries.
     */
    public AgreementFacets facets(AgreementFilter filter, Classification clearance) {
        AgreementCriteria criteria = new AgreementCriteria(filter, clearance);
        String where = " where " + criteria.where();
        Map<String, Object> parameters = criteria.parameters();
        Map<String, Long> types = new HashMap<>();
        Map<String, Long> statuses = new HashMap<>();
        Map<String, Long> years = new HashMap<>();
        long total = 0;
        for (Object[] row : query(
                        "select a.type, a.status, extract(year from a.signed.first), count(a)" + " from Agreement a"
                                + where + " group by a.type, a.status, extract(year from a.signed.first)",
                        Object[].class,
                        parameters)
                .getResultList()) {
            long count = ((Number) row[3]).longValue();
            total += count;
            types.merge(String.valueOf(row[0]), count, Long::sum);
            statuses.merge(String.valueOf(row[1]), count, Long::sum);
            if (row[2] != null) {
                years.merge(String.valueOf(row[2]), count, Long::sum);
            }
        }
        return new AgreementFacets(
                total,
                counts("select s, count(a) from Agreement a join a.sectors s" + where + " group by s", parameters),
                counts("select m, count(a) from Agreement a join a.modes m" + where + " group by m", parameters),
                counts(
                        "select pt.country, count(distinct a.id) from Agreement a join a.parties p join p.party pt"
                                + where + (clearance.isHighest() ? "" : " and pt.classification in :visible")
                                + " group by pt.country",
                        parameters),
                sorted(types),
                sorted(statuses),
                sorted(years));
    }

    private List<FacetCount> counts(String hql, Map<String, Object> parameters) {
        return query(hql, Object[].class, parameters)
                .getResultStream()
                .map(row -> new FacetCount(String.valueOf(row[0]), ((Number) row[1]).longValue()))
                .sorted(MOST_FIRST)
                .toList();
    }

    private static List<FacetCount> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new FacetCount(e.getKey(), e.getValue()))
                .sorted(MOST_FIRST)
                .toList();
    }

    private <T> TypedQuery<T> query(String hql, Class<T> type, Map<String, Object> parameters) {
        TypedQuery<T> query = entityManager.createQuery(hql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    /** Renders a sort that {@link io.accords.http.SortOrder} checked against its whitelist. */
    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder(" order by ");
        for (int i = 0; i < sort.getColumns().size(); i++) {
            Sort.Column column = sort.getColumns().get(i);
            order.append(i == 0 ? "" : ", ")
                    .append("a.")
                    .append(column.getName())
                    .append(' ')
                    .append(column.getDirection() == Sort.Direction.Descending ? "desc" : "asc");
            if (column.getNullPrecedence() != null) {
                order.append(
                        column.getNullPrecedence() == Sort.NullPrecedence.NULLS_FIRST ? " nulls first" : " nulls last");
            }
        }
        return order.toString();
    }
}
