package io.accords.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Queries planned for the values they run with, where PostgreSQL would otherwise reuse one plan made for any values.
 *
 * <p>The JDBC driver prepares a statement on the server after five runs, and PostgreSQL then may switch it to a generic
 * plan, made without the values. That is right for a get by id, whose plan never changes, and wrong where the values
 * decide the plan: a list's filters match a few agreements or a hundred thousand; and a generic plan made while a table
 * was nearly empty stays when it has grown (the import's look-up of which ids were ever used searched the revisions'
 * index by record type alone and filtered every revision of that type, 31–78 ms a batch at 10,000 agreements and
 * growing, 1.4 ms planned for its values; bench/RESULTS.md). Both ways set {@code plan_cache_mode =
 * force_custom_plan} for the current transaction only, so every other statement keeps the plan cache. H2 plans every
 * statement anew anyway: there, nothing is set.
 */
@ApplicationScoped
public class CustomPlans {

    private static final String FORCED = "force_custom_plan";

    private final EntityManager entityManager;
    private final boolean postgresql;

    CustomPlans(EntityManager entityManager, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.entityManager = entityManager;
        this.postgresql = "postgresql".equals(dbKind);
    }

    /** Every query for the rest of the current transaction (a list's page with values to bind, its facets). */
    public void forTheRestOfTheTransaction() {
        if (postgresql) {
            work(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set local plan_cache_mode = " + FORCED);
                }
                return null;
            });
        }
    }

    /**
     * The queries run inside {@code queries} only; after them the transaction plans as it did before (a batch's many
     * inserts keep their cached plans: planning each of them costs what a custom plan would save).
     */
    public <T> T during(Supplier<T> queries) {
        if (!postgresql) {
            return queries.get();
        }
        // The setting as it was is read before it is changed: the materialized CTE is evaluated first.
        String was = use(
                "with was as materialized (select current_setting('plan_cache_mode') as mode)"
                        + " select mode, set_config('plan_cache_mode', ?, true) from was",
                FORCED);
        try {
            return queries.get();
        } finally {
            use("select set_config('plan_cache_mode', ?, true)", was);
        }
    }

    private String use(String sql, String mode) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, mode);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    return result.getString(1);
                }
            }
        });
    }

    private interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    /** On the transaction's own connection, without flushing what the session holds (unlike a native query). */
    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::on);
    }
}
