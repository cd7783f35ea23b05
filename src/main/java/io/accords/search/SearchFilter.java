package io.accords.search;

import io.accords.http.QueryParameterTable;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One filter on agreements, whole: the query parameters it takes with their documentation, how it reads them (a bad
 * value is a 400 naming the parameter), and the condition it adds to the query. {@link AgreementFilters} lists them.
 *
 * @param parameters what the OpenAPI document shows, and what the operations accept
 * @param reading the value read from the query, or null when the parameters are absent (the filter then does nothing)
 * @param clause adds the condition for a value read
 */
record SearchFilter<T>(
        List<QueryParameterTable.Documented> parameters,
        Function<FilterReader, T> reading,
        BiConsumer<T, AgreementCriteria> clause) {

    /** Adds this filter's condition for a value it read. */
    @SuppressWarnings("unchecked")
    void apply(Object value, AgreementCriteria criteria) {
        clause.accept((T) value, criteria);
    }
}
