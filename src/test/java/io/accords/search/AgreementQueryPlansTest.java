package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accords.security.Classification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.junit.jupiter.api.Test;

/**
 * Hibernate keeps a query's translation to SQL only when none of its parameters may hold a list (an {@code in :p}, or
 * a list bound to one); otherwise it translates the query anew on every request, which was a sixth of a filtered
 * list's CPU. Every filter a list takes, at every clearance, builds a page and a count whose translation is kept.
 */
@QuarkusTest
class AgreementQueryPlansTest {

    /** One value for each filter whose condition has a parameter (text search aside: it ranks in its own query). */
    private static final List<Map<String, List<String>>> FILTERS = List.of(
            Map.of(),
            Map.of("sector", List.of("NAVAL")),
            Map.of("sector", List.of("NAVAL", "AEROSPACE")),
            Map.of("mode", List.of("LICENSED_PRODUCTION")),
            Map.of("type", List.of("MOU")),
            Map.of("type", List.of("MOU", "CONTRACT")),
            Map.of("status", List.of("SIGNED")),
            Map.of("status", List.of("SIGNED", "IN_FORCE")),
            Map.of("country", List.of("KR")),
            Map.of("country", List.of("KR", "PE")),
            Map.of("system", List.of("KF-21")),
            Map.of("signedFrom", List.of("2024"), "signedTo", List.of("2025-06")),
            Map.of("activeOn", List.of("2025-01-01")),
            Map.of("expiresWithinDays", List.of("30")),
            Map.of("parent", List.of("0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78")),
            Map.of("occasion", List.of("0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78")),
            Map.of("sector", List.of("NAVAL"), "status", List.of("SIGNED"), "country", List.of("KR")));

    @Inject
    AgreementSearch search;

    @Test
    void everyFiltersPageAndCountKeepTheirTranslationToSql() {
        List<String> translatedEveryTime = new ArrayList<>();
        for (Classification clearance : Classification.values()) {
            for (Map<String, List<String>> given : FILTERS) {
                AgreementFilter filter = AgreementFilter.parse(given);
                String shape = clearance + " " + given;
                QuarkusTransaction.requiringNew().run(() -> {
                    if (!kept(
                            search.pageQuery(filter, clearance, AgreementSearchService.SORT.parse(List.of()), 0, 20))) {
                        translatedEveryTime.add("page " + shape);
                    }
                    if (!kept(search.countQuery(filter, clearance, 10_000))) {
                        translatedEveryTime.add("count " + shape);
                    }
                });
            }
        }
        assertEquals(List.of(), translatedEveryTime, "Hibernate would translate these queries on every request");
    }

    private static boolean kept(TypedQuery<?> query) {
        return QueryInterpretationCache.createInterpretationsKey(query.unwrap(InterpretationsKeySource.class)) != null;
    }
}
