package io.accords.search;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * The PostgreSQL functions {@link PostgresSearch} names in HQL, typed so that a match can stand as a predicate:
 * {@code text_matches(vector, query)} renders {@code vector @@ to_tsquery('simple', query)}, which the GIN index on the
 * vector serves, {@code text_rank(vector, query)} renders {@code ts_rank}, and {@code keys_overlap(keys, 'a,b')}
 * renders {@code keys && string_to_array('a,b', ',')}, which the GIN index on the keys serves: plain keys sought as
 * one literal ({@link SearchDialect#hasAnyKey}). {@code keys_counted('a,b', 'PUBLIC,RESTRICTED', n)} counts, as a scalar
 * subquery, the agreements of those classifications holding any of the keys, reading at most {@code n} of each key's
 * rows of the key table ({@code key_counted} for one key, with no need to tell agreements apart): the bounded count
 * of a filter of one key condition ({@link AgreementSearch}), written into the page's own query.
 * Registered on every database (the dialect is not known yet when functions are contributed); only PostgreSQL's
 * queries name them.
 */
@PersistenceUnitExtension
class PostgresTextFunctions implements FunctionContributor {

    static final String MATCHES = "text_matches";
    static final String RANK = "text_rank";
    static final String KEYS_OVERLAP = "keys_overlap";
    static final String KEY_COUNTED = "key_counted";
    static final String KEYS_COUNTED = "keys_counted";

    /** Each key's first rows in the key table among the classifications, as the rows {@code x(id)}. */
    private static final String KEY_ROWS = " from unnest(string_to_array(?1, ',')) as q(key) cross join lateral"
            + " (select k.agreement_id as id from agreement_key k where k.key = q.key"
            + " and k.classification = any(string_to_array(?2, ',')) limit ?3) x";

    @Override
    public void contributeFunctions(FunctionContributions contributions) {
        var types = contributions.getTypeConfiguration().getBasicTypeRegistry();
        contributions
                .getFunctionRegistry()
                .registerPattern(
                        MATCHES, "(?1 @@ to_tsquery('simple', ?2))", types.resolve(StandardBasicTypes.BOOLEAN));
        contributions
                .getFunctionRegistry()
                .registerPattern(
                        RANK, "ts_rank(?1, to_tsquery('simple', ?2))", types.resolve(StandardBasicTypes.DOUBLE));
        contributions
                .getFunctionRegistry()
                .registerPattern(
                        KEYS_OVERLAP,
                        "(?1 && string_to_array(?2, ',')::varchar[])",
                        types.resolve(StandardBasicTypes.BOOLEAN));
        contributions
                .getFunctionRegistry()
                .registerPattern(
                        KEY_COUNTED, "(select count(*)" + KEY_ROWS + ")", types.resolve(StandardBasicTypes.LONG));
        contributions
                .getFunctionRegistry()
                .registerPattern(
                        KEYS_COUNTED,
                        "(select count(distinct x.id)" + KEY_ROWS + ")",
                        types.resolve(StandardBasicTypes.LONG));
    }
}
