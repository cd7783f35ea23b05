package io.accords.search;

import io.accords.config.AccordsConfig;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Plans each of the service's PostgreSQL queries for its own values, on a database read from memory or SSD: every new
 * connection gets {@code plan_cache_mode = force_custom_plan} and {@code random_page_cost} from
 * {@code accords.postgresql.random-page-cost} (1.1 unless set).
 *
 * <p>A list's filters match a few hundred agreements or a hundred thousand, and its page size is a bound parameter, so
 * the generic plan PostgreSQL switches a prepared statement to after five runs fits neither. With the server's
 * defaults a list filtered by sector, country and signing year sorted every match (43 ms at 1,000,000 agreements)
 * where walking the date index in its order finds the page in 10 ms; both settings together took the list from
 * 58–59 ms to 32–36 ms at the median (bench/RESULTS.md). The price: every statement, a get by id as much as a list, is
 * planned at each run; at 10,000 agreements on 2 cores gets and lists served 8–33 % fewer requests. Confining custom
 * plans to the list's own queries is the open step (issue 30).
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
            statement.execute("set plan_cache_mode = force_custom_plan");
            statement.execute(randomPageCost);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL refused the planner settings: " + e.getMessage(), e);
        }
    }
}
