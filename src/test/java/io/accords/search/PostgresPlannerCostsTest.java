package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL connections plan each query for its own values (no generic plans) and for data read from
 * memory or SSD ({@link PostgresPlannerCosts}): the server's defaults are {@code auto} and 4.
 */
@QuarkusTest
class PostgresPlannerCostsTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void onPostgreSql() {
        Assumptions.assumeTrue("postgresql".equals(dbKind), "planner settings are PostgreSQL's");
    }

    @Test
    void everyConnectionPlansEachQueryForItsValuesWithTheConfiguredPageCost() {
        assertEquals("force_custom_plan", setting("plan_cache_mode"));
        assertEquals("1.1", setting("random_page_cost"));
        // Set on the connection outside any transaction, so a transaction rolled back does not undo it.
        assertThrows(
                QuarkusTransactionException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    setting("random_page_cost");
                    QuarkusTransaction.setRollbackOnly();
                }));
        assertEquals("1.1", setting("random_page_cost"));
        assertEquals("force_custom_plan", setting("plan_cache_mode"));
    }

    private String setting(String name) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> String.valueOf(
                        entityManager.createNativeQuery("show " + name).getSingleResult()));
    }
}
