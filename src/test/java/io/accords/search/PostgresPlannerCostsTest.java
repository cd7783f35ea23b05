package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.accords.http.PageParams;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The service's PostgreSQL connections plan for data read from memory or SSD ({@link PostgresPlannerCosts}), and a
 * list's or facets' queries for their own values ({@link SearchDialect#planForTheirValues}), while every other
 * statement keeps the server's default plan cache ({@code auto}): the server's defaults are {@code auto} and 4.
 */
@QuarkusTest
class PostgresPlannerCostsTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    EntityManager entityManager;

    @Inject
    AgreementSearchService search;

    @BeforeEach
    void onPostgreSql() {
        Assumptions.assumeTrue("postgresql".equals(dbKind), "planner settings are PostgreSQL's");
    }

    @Test
    void everyConnectionPlansForTheConfiguredPageCostAndKeepsCachedPlans() {
        assertEquals("auto", setting("plan_cache_mode"));
        assertEquals("1.1", setting("random_page_cost"));
        // Set on the connection outside any transaction, so a transaction rolled back does not undo it.
        assertThrows(
                QuarkusTransactionException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    setting("random_page_cost");
                    QuarkusTransaction.setRollbackOnly();
                }));
        assertEquals("1.1", setting("random_page_cost"));
    }

    @Test
    void aListAndFacetsArePlannedForTheirOwnValuesUntilTheirTransactionEnds() {
        String inList = QuarkusTransaction.requiringNew().call(() -> {
            search.list(AgreementFilter.NONE, new PageParams(1, 5, List.of()), false, Optional.empty(), false);
            return setting("plan_cache_mode");
        });
        String inFacets = QuarkusTransaction.requiringNew().call(() -> {
            search.facets(AgreementFilter.NONE);
            return setting("plan_cache_mode");
        });
        assertEquals("force_custom_plan", inList);
        assertEquals("force_custom_plan", inFacets);
        assertEquals("auto", setting("plan_cache_mode"));
    }

    private String setting(String name) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> String.valueOf(
                        entityManager.createNativeQuery("show " + name).getSingleResult()));
    }
}
