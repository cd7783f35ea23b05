package io.accords.database;

import io.accords.config.AccordsConfig;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plans the service's PostgreSQL queries for a database read from memory or SSD: every new connection gets
 * {@code random_page_cost} from {@code accords.postgresql.random-page-cost} (1.1 unless set; the server's default, 4,
 * prices a random read as a spinning disk's).
 *
 * <p>With the default a list filtered by sector, country and signing year at 1,000,000 agreements sorted every match
 * (43 ms) where walking the date index in its order finds the page in 10 ms. Together with custom plans for the
 * search's own queries ({@link CustomPlans}) the list went from 58–59 ms to 32–36 ms at the
 * median; either alone left 57–59 ms (bench/RESULTS.md).
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
class PostgresPlannerCosts implements AgroalPoolInterceptor {

    private final String randomPageCost;

    PostgresPlannerCosts(AccordsConfig config) {
        // A validated decimal (AccordsConfig), so the statement holds a number and nothing else.
        this.randomPageCost =
                "set random_page_cost = " + config.postgresql().randomPageCost().toPlainString();
    }

    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(randomPageCost);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused the planner cost: " + e.getMessage(), e);
        }
    }
}
