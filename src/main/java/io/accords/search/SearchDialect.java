package io.accords.search;

import io.accords.security.Classification;
import java.util.List;

/**
 * What each database answers in its own way behind the same search: a {@link TextQuery} against the agreement's search
 * words as a caller of some clearance sees them, its relevance, and the read model's filter keys. PostgreSQL uses its
 * full-text search and GIN-indexed arrays ({@link PostgresSearch}); H2, the embedded default, word-prefix LIKE and
 * array functions ({@link PortableSearch}). Both find the same agreements; the order by relevance is each database's
 * own.
 */
interface SearchDialect {

    /** The condition that the agreement's filter keys ({@code a.searchKeys}) hold at least one of these. */
    void hasAnyKey(String parameter, List<String> keys, AgreementCriteria criteria);

    /** Adds to the criteria the condition that the agreement, on alias {@code a}, matches the query. */
    void match(TextQuery query, Classification clearance, AgreementCriteria criteria);

    /**
     * An HQL expression on alias {@code a}, higher for a better match of the query, with its parameters added to the
     * criteria.
     */
    String relevance(TextQuery query, Classification clearance, AgreementCriteria criteria);
}
