package io.accords.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.security.Classification;
import io.accords.support.Api;
import io.accords.support.RecordedSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.query.sqm.spi.InterpretationsKeySource;
import org.junit.jupiter.api.Assumptions;
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

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

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
                    if (!kept(search.countedPageQuery(
                            filter, clearance, AgreementSearchService.SORT.parse(List.of()), 0, 20, 10_000))) {
                        translatedEveryTime.add("counted page " + shape);
                    }
                    if (!kept(search.countQuery(filter, clearance, 10_000))) {
                        translatedEveryTime.add("count " + shape);
                    }
                });
            }
        }
        assertEquals(List.of(), translatedEveryTime, "Hibernate would translate these queries on every request");
    }

    @Test
    void aRareWordIsFoundThroughTheWordTableWithoutReadingEveryAgreementOnH2() {
        Assumptions.assumeFalse("postgresql".equals(dbKind), "PostgreSQL finds words through its indexed vectors");
        String rare = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String other = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String id = Api.createAgreement(Api.with(
                Api.agreement(Api.createParty("KR"), Api.createParty("PE")), "title", "The " + rare + " accord"));
        String otherId = Api.createAgreement(Api.with(
                Api.agreement(Api.createParty("KR"), Api.createParty("PE")), "title", "The " + other + " accord"));

        List<String> sql = RecordedSql.during(() -> {
            given().queryParam("q", rare.substring(0, 6))
                    .when()
                    .get("/api/v1/agreements")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItem(id));
            return given().queryParam("q", rare + " or " + other)
                    .when()
                    .get("/api/v1/agreements")
                    .then()
                    .statusCode(200)
                    .body("items.id", hasItems(id, otherId));
        });

        List<String> searches =
                sql.stream().filter(statement -> statement.contains(" like ")).toList();
        assertFalse(searches.isEmpty(), "no text search among " + sql);
        for (String search : searches) {
            String plan = QuarkusTransaction.requiringNew()
                    .call(() -> entityManager.unwrap(Session.class).doReturningWork(connection -> {
                        try (PreparedStatement explain = connection.prepareStatement("explain " + search);
                                ResultSet line = explain.executeQuery()) {
                            line.next();
                            return line.getString(1);
                        }
                    }));
            assertTrue(plan.contains("AGREEMENT_WORD"), "the word table narrows the search: " + plan);
            assertFalse(plan.contains("AGREEMENT.tableScan"), "every agreement's words read: " + plan);
        }
    }

    private static boolean kept(TypedQuery<?> query) {
        return QueryInterpretationCache.createInterpretationsKey(query.unwrap(InterpretationsKeySource.class)) != null;
    }
}
