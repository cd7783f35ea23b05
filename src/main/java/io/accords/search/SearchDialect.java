package io.accords.search;

import io.accords.security.Classification;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What each database answers in its own way behind the same search: a {@link TextQuery} against the agreement's search
 * words as a caller of some clearance sees them, its relevance, and the read model's filter keys. PostgreSQL uses its
 * full-text search and GIN-indexed arrays ({@link PostgresSearch}); H2, the embedded default, word-prefix LIKE and
 * array functions ({@link PortableSearch}). Both find the same agreements; the order by relevance is each database's
 * own.
 */
interface SearchDialect {

    /**
     * The condition that the agreement's filter keys ({@code a.searchKeys}) hold at least one of these. Keys of plain
     * characters only ({@link #plain}) are written into the query as literals: Hibernate translates a query anew on
     * every request when one of its parameters stands in a function's arguments, as these would, and keeps the
     * translation of one without. Other keys (a system's name with a space, say) are bound as parameters.
     */
    void hasAnyKey(String parameter, List<String> keys, AgreementCriteria criteria);

    /** Keys that can stand in an HQL string literal as they are: letters, digits and {@code : _ . -}. */
    Pattern PLAIN = Pattern.compile("[A-Za-z0-9:_.-]{1,200}");

    static boolean plain(List<String> keys) {
        return keys.stream().allMatch(key -> PLAIN.matcher(key).matches());
    }

    /** Adds to the criteria the condition that the agreement, on alias {@code a}, matches the query. */
    void match(TextQuery query, Classification clearance, AgreementCriteria criteria);

    /**
     * An HQL expression on alias {@code a}, higher for a better match of the query, with its parameters added to the
     * criteria.
     */
    String relevance(TextQuery query, Classification clearance, AgreementCriteria criteria);

    /**
     * Whether the database also keeps each agreement's keys one per row, in {@code agreement_key} (with the agreement's
     * classification, primary key on key and agreement): then a filter of one key condition is counted, and sampled,
     * through that table's index alone ({@link AgreementSearch}).
     */
    default boolean keepsKeysOneByOne() {
        return false;
    }
}
