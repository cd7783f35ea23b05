package io.accords.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.history.History;
import io.accords.http.PageParams;
import io.accords.search.AgreementFilter;
import io.accords.search.AgreementSearchService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How the service's PostgreSQL statements are planned: every connection for data read from memory or SSD
 * ({@link PostgresPlannerCosts}); a list's queries with values to bind, facets' queries, and the import's look-up of
 * which ids were ever used, for their own values ({@link CustomPlans}); a list page whose values are all written into
 * it, and every other statement, with the server's default plan cache ({@code auto}). The server's defaults are {@code auto} and 4.
 */
@QuarkusTest
class PostgresPlansTest {

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    EntityManager entityManager;

    @Inject
    AgreementSearchService search;

    @Inject
    CustomPlans plans;

    @Inject
    History history;

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
    void aListWithValuesToBindAndFacetsArePlannedForTheirOwnValuesUntilTheirTransactionEnds() {
        String inList = QuarkusTransaction.requiringNew().call(() -> {
            firstPage(Map.of("status", List.of("SIGNED")));
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

    /**
     * A list whose values are all written into its query (a sector, the page) binds nothing, so the server plans it for
     * those values once and keeps the plan: planning it on every run cost about what running it did.
     */
    @Test
    void aListWhoseValuesAreAllInItsQueryIsPlannedOnceAndKeepsItsPlan() {
        long[] plansOfThePage = QuarkusTransaction.requiringNew().call(() -> {
            for (int run = 0; run < 12; run++) {
                firstPage(Map.of("sector", List.of("NAVAL")));
            }
            assertEquals("auto", setting("plan_cache_mode"));
            return planCounts("%agreement_key k where k.key = q.key%");
        });
        assertTrue(plansOfThePage[0] > 0, "the page was prepared on the server and its plan kept");
        assertEquals(0, plansOfThePage[1], "runs of the page planned anew");
    }

    @Test
    void queriesPlannedForTheirValuesLeaveTheTransactionAsItWas() {
        List<String> modes = QuarkusTransaction.requiringNew().call(() -> {
            String during = plans.during(() -> setting("plan_cache_mode"));
            String after = setting("plan_cache_mode");
            plans.forTheRestOfTheTransaction();
            String duringForced = plans.during(() -> setting("plan_cache_mode"));
            return List.of(during, after, duringForced, setting("plan_cache_mode"));
        });
        assertEquals(List.of("force_custom_plan", "auto", "force_custom_plan", "force_custom_plan"), modes);
        assertEquals("auto", setting("plan_cache_mode"));
    }

    /**
     * The driver prepares a statement on the server from its fifth run, and PostgreSQL may then switch it to a plan made
     * without its values: on a small table it does, and keeps that plan as the table grows (bench/RESULTS.md). The
     * server counts how each prepared statement was planned; the look-up's must all be custom.
     */
    @Test
    void theImportsLookUpOfUsedIdsIsNeverPlannedWithoutItsValues() {
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        long[] plansOfTheLookUp = QuarkusTransaction.requiringNew().call(() -> {
            for (int run = 0; run < 12; run++) {
                assertEquals(0, history.recorded("agreement", ids).size());
            }
            return planCounts("%from revision%record_id in (%");
        });
        assertTrue(plansOfTheLookUp[1] > 0, "the look-up was prepared on the server and planned for its values");
        assertEquals(0, plansOfTheLookUp[0], "runs of the look-up planned without its values");
    }

    private void firstPage(Map<String, List<String>> filter) {
        search.list(AgreementFilter.parse(filter), new PageParams(1, 5, List.of()), false, Optional.empty(), false);
    }

    /** How many runs of the statements prepared on this connection like this were planned without, and for, values. */
    private long[] planCounts(String like) {
        Object[] counts = (Object[]) entityManager
                .createNativeQuery("select coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)"
                        + " from pg_prepared_statements where statement like ?1")
                .setParameter(1, like)
                .getSingleResult();
        return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
    }

    private String setting(String name) {
        return QuarkusTransaction.joiningExisting()
                .call(() -> String.valueOf(
                        entityManager.createNativeQuery("show " + name).getSingleResult()));
    }
}
