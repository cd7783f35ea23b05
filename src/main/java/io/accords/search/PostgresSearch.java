package io.accords.search;

import io.accords.agreement.AgreementReadModel;
import io.accords.agreement.SearchKeys;
import io.accords.security.Classification;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Search on PostgreSQL: full-text search with the query as a {@code tsquery} ({@link TextQuery#asTsQuery()}) against
 * the GIN-indexed {@code tsvector} of the caller's clearance, ranked by {@code ts_rank}; filter keys by array overlap.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
class PostgresSearch implements SearchDialect {

    /**
     * {@code search_keys && array[...]}, which the GIN index on the keys serves: plain keys as one literal the database
     * splits ({@code keys_overlap}, {@link PostgresTextFunctions}), so that Hibernate keeps the query's translation;
     * others as an array parameter.
     */
    @Override
    public void hasAnyKey(String parameter, List<String> keys, AgreementCriteria criteria) {
        if (SearchDialect.plain(keys)) {
            criteria.condition(PostgresTextFunctions.KEYS_OVERLAP + "(a.searchKeys, '" + String.join(",", keys) + "')");
        } else {
            criteria.add("array_intersects(a.searchKeys, :" + parameter + ")", parameter, SearchKeys.array(keys));
        }
    }

    /** Kept by the database itself, from {@code search_keys}, by triggers (migration V20_2). */
    @Override
    public boolean keepsKeysOneByOne() {
        return true;
    }

    @Override
    public void match(TextQuery query, Classification clearance, AgreementCriteria criteria) {
        criteria.add(
                PostgresTextFunctions.MATCHES + "(a." + AgreementReadModel.vectorPathFor(clearance) + ", :tsQuery)",
                "tsQuery",
                query.asTsQuery());
    }

    @Override
    public String relevance(TextQuery query, Classification clearance, AgreementCriteria criteria) {
        return PostgresTextFunctions.RANK + "(a." + AgreementReadModel.vectorPathFor(clearance) + ", :tsQuery)";
    }
}
