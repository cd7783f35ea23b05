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
 * one literal ({@link SearchDialect#hasAnyKey}).
 * Registered on every database (the dialect is not known yet when functions are contributed); only PostgreSQL's
 * queries name them.
 */
@PersistenceUnitExtension
class PostgresTextFunctions implements FunctionContributor {

    static final String MATCHES = "text_matches";
    static final String RANK = "text_rank";
    static final String KEYS_OVERLAP = "keys_overlap";

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
    }
}
