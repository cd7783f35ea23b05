package io.accords.search;

import io.accords.agreement.AgreementReadModel;
import io.accords.agreement.SearchKeys;
import io.accords.security.Classification;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Statement;
import java.util.List;
import org.hibernate.Session;

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

    /**
     * {@code plan_cache_mode = force_custom_plan} until the transaction ends: the driver prepares a statement on the
     * server after five runs, and PostgreSQL then switches it to a generic plan, in which the page size and the
     * filters' reach are unknown. With it, three filters at 1,000,000 agreements walk the date index to the page
     * instead of sorting every match (bench/RESULTS.md). Only the search's own transactions pay for planning each run.
     */
    @Override
    public void planForTheirValues(EntityManager entityManager) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local plan_cache_mode = force_custom_plan");
            }
        });
    }
}
