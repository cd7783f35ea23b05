package io.accords.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.api.PrefilledOperations.Operation;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * Hibernate keeps each query's plan in a bounded cache keyed by its SQL and result mapping. A native query read into a
 * basic type ({@code createNativeQuery(sql, Long.class)}) gets a result mapping equal to no other, so each run of it
 * added a plan that no later run found, all of them under the same SQL's hash: past a few hundred requests each
 * further one compared its SQL with every plan kept so far, three quarters of a filtered list's CPU on PostgreSQL.
 * Every read of the document, asked again, adds no plan, and the cache stays below its bound.
 */
@QuarkusTest
class QueryPlanCacheTest {

    @Inject
    SessionFactory sessionFactory;

    @ConfigProperty(name = "quarkus.hibernate-orm.query.query-plan-cache-max-size", defaultValue = "2048")
    int bound;

    @Test
    void everyReadAskedAgainAddsNoQueryPlan() throws Exception {
        List<Operation> reads = PrefilledOperations.operations().stream()
                .filter(operation -> operation.method().equals("get"))
                .toList();
        // Twice first, so that what runs on a timer beside the requests (import and change relays) has run too.
        readAll(reads);
        readAll(reads);
        int kept = plans();
        for (int round = 0; round < 3; round++) {
            readAll(reads);
        }
        assertEquals(kept, plans(), "query plans after three more rounds of " + reads.size() + " reads");
        assertTrue(kept < bound, kept + " plans kept, the cache's bound is " + bound);
    }

    private static void readAll(List<Operation> reads) {
        for (Operation read : reads) {
            int status = PrefilledOperations.send(read).statusCode();
            assertTrue(status >= 200 && status < 300, read.id() + " answered " + status);
        }
    }

    private int plans() {
        return sessionFactory
                .unwrap(SessionFactoryImplementor.class)
                .getQueryEngine()
                .getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
