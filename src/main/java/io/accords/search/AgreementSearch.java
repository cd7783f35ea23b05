package io.accords.search;

import io.accords.agreement.StoredAgreement;
import io.accords.database.CustomPlans;
import io.accords.http.Total;
import io.accords.security.Classification;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Parameter;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;

/** The queries behind agreement search: a filtered page and its total, facet counts, and the keyset walk. */
@ApplicationScoped
public class AgreementSearch {

    /** The sort key ordering by how well an agreement matches the text query, best first. */
    static final String RELEVANCE = "relevance";

    private final EntityManager entityManager;
    private final SearchDialect dialect;
    private final CustomPlans plans;

    AgreementSearch(EntityManager entityManager, SearchDialect dialect, CustomPlans plans) {
        this.entityManager = entityManager;
        this.dialect = dialect;
        this.plans = plans;
    }

    /**
     * Has the rest of the transaction's queries planned for their own values ({@link CustomPlans}): a list's filters
     * match a few agreements or a hundred thousand and its page size is bound, so no single plan fits them all.
     */
    void planForTheirValues() {
        plans.forTheRestOfTheTransaction();
    }

    private AgreementCriteria criteria(AgreementFilter filter, Classification clearance) {
        return new AgreementCriteria(filter, clearance, dialect);
    }

    /**
     * A page of the matches with how many match in all, counted up to {@code limit} as {@link #countUpTo} counts: in
     * the page's own statement (each row carries the count), so a list costs one round trip. A page past the last
     * match has no row to carry it, and is counted on its own.
     *
     * <p>The page's number and size are written into the query. A filter whose values are all written there too (keys
     * of plain characters, the caller's clearance) leaves the statement nothing to bind, so PostgreSQL plans it once for
     * those values and keeps the plan; a filter with values to bind has the transaction's queries planned for them
     * ({@link #planForTheirValues}). Planning the page anew took about as long as running it (0.9 ms at 10,000
     * agreements; bench/RESULTS.md).
     */
    public CountedPage countedPage(
            AgreementFilter filter, Classification clearance, Sort sort, int pageIndex, int size, int limit) {
        AgreementCriteria criteria = criteria(filter, clearance);
        if (!criteria.parameters().isEmpty()) {
            planForTheirValues();
        }
        List<Object[]> rows =
                countedPageQuery(criteria, sort, pageIndex, size, limit).getResultList();
        if (rows.isEmpty()) {
            return new CountedPage(List.of(), pageIndex == 0 ? Total.exactly(0) : countUpTo(criteria, limit));
        }
        return new CountedPage(
                rows.stream().map(row -> (StoredAgreement) row[0]).toList(),
                Total.countedUpTo(((Number) rows.get(0)[1]).longValue(), limit));
    }

    /** The query of {@link #countedPage}, not yet run. */
    TypedQuery<Object[]> countedPageQuery(
            AgreementFilter filter, Classification clearance, Sort sort, int pageIndex, int size, int limit) {
        return countedPageQuery(criteria(filter, clearance), sort, pageIndex, size, limit);
    }

    private TypedQuery<Object[]> countedPageQuery(
            AgreementCriteria criteria, Sort sort, int pageIndex, int size, int limit) {
        return query(
                StoredAgreement.SELECT + ", " + counted(criteria, limit) + " from Agreement a where " + criteria.where()
                        + orderBy(sort, "a", null) + " limit " + size + " offset " + (long) pageIndex * size,
                Object[].class,
                criteria.parameters());
    }

    /** A page of the matches, read without their collections ({@link StoredAgreement}). */
    public List<StoredAgreement> page(
            AgreementFilter filter, Classification clearance, Sort sort, int pageIndex, int size) {
        return pageQuery(filter, clearance, sort, pageIndex, size).getResultList();
    }

    /** The query of {@link #page}, not yet run. */
    TypedQuery<StoredAgreement> pageQuery(
            AgreementFilter filter, Classification clearance, Sort sort, int pageIndex, int size) {
        AgreementCriteria criteria = criteria(filter, clearance);
        return query(
                        StoredAgreement.SELECT + " from Agreement a where " + criteria.where()
                                + orderBy(sort, "a", null),
                        StoredAgreement.class,
                        criteria.parameters())
                .setFirstResult(pageIndex * size)
                .setMaxResults(size);
    }

    /**
     * A page of the relevance order: at most {@code rankLimit} matches, the first the database finds, ranked in the
     * query that finds them (the page's documents are read for its rows only).
     */
    public List<StoredAgreement> ranked(
            AgreementFilter filter, Classification clearance, Sort sort, int rankLimit, int pageIndex, int size) {
        AgreementCriteria criteria = criteria(filter, clearance);
        String relevance = criteria.relevance().orElseThrow(() -> new IllegalStateException("no text query"));
        return query(
                        StoredAgreement.select("x") + " from (select a.id as id, " + relevance
                                + " as rank from Agreement a where " + criteria.where() + ANY_ORDER + " limit "
                                + rankLimit
                                + ") c join Agreement x on x.id = c.id" + orderBy(sort, "x", "c.rank"),
                        StoredAgreement.class,
                        criteria.parameters())
                .setFirstResult(pageIndex * size)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * The values an agreement has in the sort's keys, when it exists within the clearance: where a cursor standing on
     * it continues from. Empty when it was deleted or is hidden from the caller.
     */
    public Optional<Object[]> position(UUID id, Sort sort, Classification clearance) {
        String keys = sort.getColumns().stream().map(c -> "a." + c.getName()).collect(Collectors.joining(", "));
        List<Object> found = entityManager
                .createQuery(
                        "select " + keys + " from Agreement a where a.id = :id and a.classification in "
                                + AgreementCriteria.visibleTo(clearance),
                        Object.class)
                .setParameter("id", id)
                .getResultList();
        return found.stream().findFirst().map(row -> row instanceof Object[] values ? values : new Object[] {row});
    }

    /**
     * The first {@code size} matches after a position in the given order: a seek from the position's values, so the
     * database starts where the page before ended instead of counting past it. Nulls sort last, as in {@link #page}.
     * While the position's first key has a value, the rows with a value there come first, bounded by it (a range the
     * index on that key serves), then those without; once it is null, only rows without one can follow.
     */
    public List<StoredAgreement> pageAfter(
            AgreementFilter filter, Classification clearance, Sort sort, Object[] position, int size) {
        AgreementCriteria criteria = criteria(filter, clearance);
        List<Sort.Column> columns = sort.getColumns();
        String first = "a." + columns.get(0).getName();
        Map<String, Object> parameters = new HashMap<>(criteria.parameters());
        for (int k = 0; k < position.length; k++) {
            if (position[k] != null) {
                parameters.put("pos" + k, position[k]);
            }
        }
        String beyond = beyond(columns, position);
        if (position[0] == null) {
            return seek(criteria.where(first + " is null and " + beyond), sort, parameters, size);
        }
        String bound = first + (columns.get(0).getDirection() == Sort.Direction.Descending ? " <= " : " >= ") + ":pos0";
        List<StoredAgreement> found =
                new ArrayList<>(seek(criteria.where(bound + " and " + beyond), sort, parameters, size));
        if (found.size() < size && columns.get(0).getNullPrecedence() == Sort.NullPrecedence.NULLS_LAST) {
            found.addAll(seek(criteria.where(first + " is null"), sort, criteria.parameters(), size - found.size()));
        }
        return found;
    }

    private List<StoredAgreement> seek(String where, Sort sort, Map<String, Object> parameters, int size) {
        return query(
                        StoredAgreement.SELECT + " from Agreement a where " + where + orderBy(sort, "a", null),
                        StoredAgreement.class,
                        parameters)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * The rows after the position in the sort: for some key, every earlier key equal and this one beyond. A null is
     * beyond every value (nulls last) and equal only to null; nothing is beyond a null.
     */
    private static String beyond(List<Sort.Column> columns, Object[] position) {
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            Sort.Column column = columns.get(k);
            String mine = "a." + column.getName();
            boolean nullsLast = column.getNullPrecedence() == Sort.NullPrecedence.NULLS_LAST;
            if (position[k] != null) {
                String further =
                        mine + (column.getDirection() == Sort.Direction.Descending ? " < " : " > ") + ":pos" + k;
                String after = nullsLast ? "(" + further + " or " + mine + " is null)" : further;
                alternatives.add(
                        equalSoFar.isEmpty() ? after : "(" + String.join(" and ", equalSoFar) + " and " + after + ")");
            }
            equalSoFar.add(position[k] == null ? mine + " is null" : mine + " = :pos" + k);
        }
        return alternatives.isEmpty() ? "1 = 0" : "(" + String.join(" or ", alternatives) + ")";
    }

    /** Which of these agreements match the filter now, as a caller of this clearance finds them. */
    public java.util.Set<java.util.UUID> matching(
            AgreementFilter filter, Classification clearance, java.util.Collection<java.util.UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        AgreementCriteria criteria = criteria(filter, clearance);
        Map<String, Object> parameters = new java.util.HashMap<>(criteria.parameters());
        parameters.put("matchingIds", ids);
        return java.util.Set.copyOf(query(
                        "select a.id from Agreement a where " + criteria.where("a.id in :matchingIds"),
                        java.util.UUID.class,
                        parameters)
                .getResultList());
    }

    public long count(AgreementFilter filter, Classification clearance) {
        AgreementCriteria criteria = criteria(filter, clearance);
        return query("select count(a) from Agreement a where " + criteria.where(), Long.class, criteria.parameters())
                .getSingleResult();
    }

    /** How many agreements match, counting at most {@code limit + 1} of them: "at least limit" beyond it. */
    public Total countUpTo(AgreementFilter filter, Classification clearance, int limit) {
        return countUpTo(criteria(filter, clearance), limit);
    }

    /**
     * HQL requires an order before a limit in a subquery; ordering by a constant satisfies it, and the database drops
     * it (PostgreSQL plans no sort), so the subquery stops at its limit instead of reading every match.
     */
    private static final String ANY_ORDER = " order by abs(0)";

    /**
     * Counted in the database, which stops at the first {@code limit + 1} matches it finds; a filter of one key
     * condition through the key table when the database keeps one ({@link #byKeys}).
     */
    private Total countUpTo(AgreementCriteria criteria, int limit) {
        return Total.countedUpTo(countQuery(criteria, limit).getSingleResult(), limit);
    }

    /**
     * How many match, counting at most {@code limit + 1}, as an HQL expression that stands in a select (its subquery's
     * alias {@code a} is its own): through the key table for a filter of one key condition whose keys can be written
     * into the query ({@link #byKeys}, {@link PostgresTextFunctions#KEYS_COUNTED}), else from the agreements.
     */
    private String counted(AgreementCriteria criteria, int limit) {
        return byKeys(criteria)
                .filter(SearchDialect::plain)
                .map(keys -> (keys.size() == 1 ? PostgresTextFunctions.KEY_COUNTED : PostgresTextFunctions.KEYS_COUNTED)
                        + "('" + String.join(",", keys) + "', '"
                        + criteria.clearance().andBelow().stream()
                                .map(Classification::name)
                                .collect(Collectors.joining(","))
                        + "', " + (limit + 1) + ")")
                .orElse("(select count(*) from (select a.id as id from Agreement a where " + criteria.where()
                        + ANY_ORDER + " limit " + (limit + 1) + ") matches)");
    }

    /**
     * The keys of a filter that is one key condition, when the database keeps the keys one per row: such a filter
     * finds the agreements with a row for any of its keys, of a classification the caller may see, which the key
     * table's primary key lists in the order of their ids, without reading an agreement.
     */
    private Optional<List<String>> byKeys(AgreementCriteria criteria) {
        return dialect.keepsKeysOneByOne()
                ? criteria.onlyKeys().filter(keys -> keys.size() <= MOST_KEY_BRANCHES)
                : Optional.empty();
    }

    /**
     * The most keys counted through the key table: each key reads up to the bound, and the union of their entries is
     * told apart in memory, so a filter naming many values (a dozen parties, say) is counted from the agreements.
     */
    static final int MOST_KEY_BRANCHES = 8;

    /**
     * For each key, the first {@code limit} agreements holding it within the clearance in the order of their ids, as one
     * union: an agreement holding two of the keys comes once, and the union's first {@code limit} ids are the first
     * {@code limit} matches. Keys are bound parameters, the classifications literals of the enum.
     */
    private static String keyBranches(List<String> keys, Classification clearance, int limit) {
        String visible = clearance.isHighest()
                ? ""
                : clearance.andBelow().stream()
                        .map(level -> "'" + level.name() + "'")
                        .collect(Collectors.joining(", ", " and k.classification in (", ")"));
        List<String> branches = new ArrayList<>();
        for (int i = 1; i <= keys.size(); i++) {
            branches.add("(select k.agreement_id as id from agreement_key k where k.key = ?" + i + visible
                    + " order by k.agreement_id limit " + limit + ")");
        }
        return String.join(" union ", branches);
    }

    /**
     * A native query on the key table reading one column, its keys bound in order; it depends on no pending write of
     * this session. The column is read as a named scalar: a native query read into a class
     * ({@code createNativeQuery(sql, type)}) gets a result mapping equal to no other, so Hibernate kept a new plan on
     * every run, all under one hash, and compared each run with all of them (QueryPlanCacheTest).
     */
    private <T> NativeQuery<T> keyQuery(String sql, String column, Class<T> type, List<String> keys) {
        @SuppressWarnings("unchecked") // one scalar column of that type
        NativeQuery<T> query = entityManager.createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addScalar(column, type);
        query.addSynchronizedQuerySpace("agreement_key");
        for (int i = 0; i < keys.size(); i++) {
            query.setParameter(i + 1, keys.get(i));
        }
        return query;
    }

    /** The query of {@link #countUpTo}, not yet run. */
    TypedQuery<Long> countQuery(AgreementFilter filter, Classification clearance, int limit) {
        return countQuery(criteria(filter, clearance), limit);
    }

    private TypedQuery<Long> countQuery(AgreementCriteria criteria, int limit) {
        return query("select " + counted(criteria, limit), Long.class, criteria.parameters());
    }

    /** The next agreements after a position (from the first when there is none), in the order of their last change. */
    public List<StoredAgreement> after(
            AgreementFilter filter, Classification clearance, Optional<SyncCursor> position, int size) {
        AgreementCriteria criteria = criteria(filter, clearance);
        Map<String, Object> parameters = new HashMap<>(criteria.parameters());
        String where = criteria.where();
        if (position.isPresent()) {
            where = criteria.where("(a.updatedAt > :cursorAt or (a.updatedAt = :cursorAt and a.id > :cursorId))");
            parameters.put("cursorAt", position.get().updatedAt());
            parameters.put("cursorId", position.get().id());
        }
        return query(
                        StoredAgreement.SELECT + " from Agreement a where " + where + " order by a.updatedAt, a.id",
                        StoredAgreement.class,
                        parameters)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * Facet counts in four grouped queries: type, status and signature year together (the total is their sum, as
     * every agreement has exactly one type and one status), then sectors, modes and countries. Exact up to
     * {@code limit} matches; beyond, the counts are made on a sample and scaled ({@link #sampledFacets}).
     */
    public AgreementFacets facets(AgreementFilter filter, Classification clearance, int limit, int sampleSize) {
        AgreementCriteria criteria = criteria(filter, clearance);
        if (!countUpTo(criteria, limit).atLeast()) {
            return facetCounts(" where " + criteria.where(), criteria.parameters(), clearance);
        }
        return sampledFacets(criteria, clearance, sampleSize);
    }

    /**
     * Facets from a random sample: the first {@code sampleSize} matches in the order of their ids. Ids are random
     * UUIDs, so those are a uniform sample of the matches, and how far into the id space the sample reached estimates
     * how many match in all (the k-th smallest of n uniform values sits near k / n).
     */
    private AgreementFacets sampledFacets(AgreementCriteria criteria, Classification clearance, int sampleSize) {
        List<UUID> sample = sample(criteria, sampleSize);
        if (sample.size() < sampleSize) {
            // Fewer match than the sample would hold (they changed since they were counted): count them all.
            return facetCounts(" where " + criteria.where(), criteria.parameters(), clearance);
        }
        double reached = idSpaceFraction(sample.get(sample.size() - 1));
        long estimated = Math.max(sample.size(), Math.round(sample.size() / Math.max(reached, 1e-12)));
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("sample", sample);
        return facetCounts(" where a.id in :sample", parameters, clearance).scaledTo(estimated);
    }

    /** The sample {@link #facets} would take of these matches. */
    List<UUID> sample(AgreementFilter filter, Classification clearance, int sampleSize) {
        return sample(criteria(filter, clearance), sampleSize);
    }

    /** The first {@code sampleSize} matches in the order of their ids (through the key table when it serves). */
    private List<UUID> sample(AgreementCriteria criteria, int sampleSize) {
        Optional<List<String>> keys = byKeys(criteria);
        if (keys.isPresent()) {
            String firstOfEach = keyBranches(keys.get(), criteria.clearance(), sampleSize);
            return keyQuery(
                            "select m.id as id from (" + firstOfEach + ") m order by m.id limit " + sampleSize,
                            "id",
                            UUID.class,
                            keys.get())
                    .getResultList();
        }
        return query(
                        "select a.id from Agreement a where " + criteria.where() + " order by a.id",
                        UUID.class,
                        criteria.parameters())
                .setMaxResults(sampleSize)
                .getResultList();
    }

    /** Where an id sits in the space of ids, from 0 to 1, in the database's order (unsigned, most significant first). */
    static double idSpaceFraction(UUID id) {
        long high = id.getMostSignificantBits();
        return (high >= 0 ? high : high + 0x1p64) / 0x1p64;
    }

    /** The exact facet counts over the agreements the condition selects. */
    private AgreementFacets facetCounts(String where, Map<String, Object> parameters, Classification clearance) {
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
        return AgreementFacets.exact(
                total,
                counts("select s, count(a) from Agreement a join a.sectors s" + where + " group by s", parameters),
                counts("select m, count(a) from Agreement a join a.modes m" + where + " group by m", parameters),
                counts(
                        "select pt.country, count(distinct a.id) from Agreement a join a.parties p join p.party pt"
                                + where
                                + (clearance.isHighest()
                                        ? ""
                                        : " and pt.classification in " + AgreementCriteria.visibleTo(clearance))
                                + " group by pt.country",
                        parameters),
                sorted(types),
                sorted(statuses),
                sorted(years),
                counts(
                        "select o.id, count(a) from Agreement a join a.occasion o" + where
                                + (clearance.isHighest()
                                        ? ""
                                        : " and o.classification in " + AgreementCriteria.visibleTo(clearance))
                                + " group by o.id",
                        parameters));
    }

    private List<FacetCount> counts(String hql, Map<String, Object> parameters) {
        return query(hql, Object[].class, parameters)
                .getResultStream()
                .map(row -> new FacetCount(String.valueOf(row[0]), ((Number) row[1]).longValue()))
                .sorted(AgreementFacets.MOST_FIRST)
                .toList();
    }

    private static List<FacetCount> sorted(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> new FacetCount(e.getKey(), e.getValue()))
                .sorted(AgreementFacets.MOST_FIRST)
                .toList();
    }

    /** The query with the parameters it declares (one set of parameters serves several queries). */
    private <T> TypedQuery<T> query(String hql, Class<T> type, Map<String, Object> parameters) {
        TypedQuery<T> query = entityManager.createQuery(hql, type);
        for (Parameter<?> declared : query.getParameters()) {
            if (!parameters.containsKey(declared.getName())) {
                throw new IllegalStateException("No value for :" + declared.getName() + " in " + hql);
            }
            query.setParameter(declared.getName(), parameters.get(declared.getName()));
        }
        return query;
    }

    /**
     * Renders a sort that {@link io.accords.http.SortOrder} checked against its whitelist, on the agreement with this
     * alias; relevance (the expression given, only for a text query) orders best match first.
     */
    private static String orderBy(Sort sort, String alias, String relevance) {
        StringBuilder order = new StringBuilder(" order by ");
        for (int i = 0; i < sort.getColumns().size(); i++) {
            Sort.Column column = sort.getColumns().get(i);
            boolean descending = column.getDirection() == Sort.Direction.Descending;
            order.append(i == 0 ? "" : ", ");
            if (column.getName().equals(RELEVANCE)) {
                if (relevance == null) {
                    throw new IllegalStateException("sort by relevance without a text query");
                }
                order.append(relevance).append(descending ? " asc" : " desc");
                continue;
            }
            order.append(alias).append('.').append(column.getName()).append(' ').append(descending ? "desc" : "asc");
            if (column.getNullPrecedence() != null) {
                order.append(
                        column.getNullPrecedence() == Sort.NullPrecedence.NULLS_FIRST ? " nulls first" : " nulls last");
            }
        }
        return order.toString();
    }
}
