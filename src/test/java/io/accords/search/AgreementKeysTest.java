package io.accords.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.agreement.Sector;
import io.accords.agreement.StoredAgreement;
import io.accords.http.Total;
import io.accords.security.Classification;
import io.accords.support.Api;
import io.accords.support.RecordedSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL keeps each agreement's filter keys one per row as well ({@code agreement_key}, migration V20_2), so that a
 * filter of one key condition is counted and sampled from an index alone. The table follows every write through
 * triggers; these tests hold it to the agreements' own keys, and the counts and samples taken through it to what the
 * agreements themselves give.
 */
@QuarkusTest
class AgreementKeysTest {

    /** Rows of the key table and of the agreements' keys that the other lacks: none while the table follows. */
    private static final String DIFFERENCES = "select count(*) from ("
            + "(select k.key, a.id, a.classification from agreement a, unnest(a.search_keys) as k(key)"
            + " except select key, agreement_id, classification from agreement_key)"
            + " union all (select key, agreement_id, classification from agreement_key"
            + " except select k.key, a.id, a.classification from agreement a, unnest(a.search_keys) as k(key))) d";

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    AgreementSearch search;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void onPostgreSql() {
        Assumptions.assumeTrue("postgresql".equals(dbKind), "only PostgreSQL keeps the keys one by one");
    }

    @Test
    void theKeyTableHoldsEveryAgreementsKeysThroughCreatesChangesAndDeletes() {
        String system = Api.unique("KEYS").replace(' ', '-');
        String restricted =
                Api.createParty(Api.with(Api.party(Api.unique("Keys Party"), "JP"), "classification", "RESTRICTED"));
        String id = Api.createAgreement(Api.with(
                Api.with(Api.agreement(Api.createParty("KR"), restricted), "systems", List.of(system)),
                "classification",
                "RESTRICTED"));
        assertEquals(0, differences(), "after a create");
        assertTrue(keysOf(id).contains("sector:NAVAL RESTRICTED"), keysOf(id).toString());

        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"sectors\": [\"AEROSPACE\"], \"classification\": \"CONFIDENTIAL\"}")
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200);
        assertEquals(0, differences(), "after a change of keys and classification");
        List<String> changed = keysOf(id);
        assertTrue(changed.contains("sector:AEROSPACE CONFIDENTIAL"), changed.toString());
        assertFalse(changed.contains("sector:NAVAL RESTRICTED"), changed.toString());

        given().header("If-Match", "\"1\"")
                .when()
                .delete("/api/v1/agreements/" + id)
                .then()
                .statusCode(204);
        assertEquals(0, differences(), "after a delete");
        assertEquals(List.of(), keysOf(id));
    }

    @Test
    void aFilterOfOneKeyIsCountedAndSampledThroughTheKeyTableAsTheAgreementsThemselvesGiveIt() {
        String system = Api.unique("ONE").replace(' ', '-');
        String other = Api.unique("TWO").replace(' ', '-');
        String party = Api.createParty("KR");
        for (String level : List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL")) {
            Api.createAgreement(
                    Api.with(Api.with(Api.agreement(party), "systems", List.of(system)), "classification", level));
        }
        // One agreement holds both systems: a filter naming both counts it once.
        Api.createAgreement(Api.with(Api.agreement(party), "systems", List.of(system, other)));
        Api.createAgreement(Api.with(Api.agreement(party), "systems", List.of(other)));

        List<Map<String, List<String>>> filters = List.of(
                Map.of("system", List.of(system)),
                Map.of("system", List.of(system, other)),
                Map.of("party", List.of(party)),
                Map.of("sector", List.of("NAVAL")),
                Map.of("sector", List.of("NAVAL", "AEROSPACE")),
                Map.of("country", List.of("KR")));
        List<String> wrong = new ArrayList<>();
        for (Classification clearance : Classification.values()) {
            for (Map<String, List<String>> given : filters) {
                AgreementFilter filter = AgreementFilter.parse(given);
                QuarkusTransaction.requiringNew().run(() -> {
                    long all = search.count(filter, clearance);
                    for (int limit : List.of(1, 2, 3, 4, 10_000)) {
                        Total expected = Total.countedUpTo(Math.min(all, limit + 1L), limit);
                        Total counted = search.countUpTo(filter, clearance, limit);
                        if (!expected.equals(counted)) {
                            wrong.add("count " + clearance + " " + given + " up to " + limit + ": " + counted
                                    + ", the agreements give " + expected);
                        }
                        Total paged = search.countedPage(
                                        filter, clearance, AgreementSearchService.SORT.parse(List.of()), 0, 1, limit)
                                .total();
                        if (!expected.equals(paged)) {
                            wrong.add("page's count " + clearance + " " + given + " up to " + limit + ": " + paged
                                    + ", the agreements give " + expected);
                        }
                    }
                    if (all <= 50) {
                        List<UUID> matches = firstByIdAmong(filter, clearance, 50);
                        for (int size : List.of(1, 2, 3, 50)) {
                            List<UUID> expected = matches.subList(0, Math.min(size, matches.size()));
                            List<UUID> sample = search.sample(filter, clearance, size);
                            if (!expected.equals(sample)) {
                                wrong.add("sample " + clearance + " " + given + " of " + size + ": " + sample
                                        + ", the agreements give " + expected);
                            }
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aListFilteredByOneKeyIsCountedFromTheKeyTableAndOtherFiltersFromTheAgreements() {
        List<String> oneKey = RecordedSql.during(() -> given().queryParam("sector", "NAVAL")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200));
        assertTrue(oneKey.stream().anyMatch(sql -> sql.contains("agreement_key")), oneKey.toString());
        List<String> twoKeys = RecordedSql.during(() -> given().queryParam("sector", "NAVAL")
                .queryParam("country", "KR")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200));
        assertFalse(twoKeys.stream().anyMatch(sql -> sql.contains("agreement_key")), twoKeys.toString());
        List<String> sectors = List.of(Sector.values()).stream()
                .limit(AgreementSearch.MOST_KEY_BRANCHES + 1L)
                .map(Sector::name)
                .toList();
        List<String> manyKeys = RecordedSql.during(() -> given().queryParam("sector", sectors)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200));
        assertFalse(manyKeys.stream().anyMatch(sql -> sql.contains("agreement_key")), manyKeys.toString());
    }

    /** The first matches (of at most {@code size}) in the database's order of ids, found through the agreements. */
    private List<UUID> firstByIdAmong(AgreementFilter filter, Classification clearance, int size) {
        List<UUID> matching =
                search.page(filter, clearance, AgreementSearchService.SORT.parse(List.of()), 0, size).stream()
                        .map(StoredAgreement::id)
                        .toList();
        if (matching.isEmpty()) {
            return List.of();
        }
        return entityManager
                .createQuery("select a.id from Agreement a where a.id in :ids order by a.id", UUID.class)
                .setParameter("ids", matching)
                .setMaxResults(size)
                .getResultList();
    }

    /**
     * An index-only scan skips the rows only on pages VACUUM marked all-visible: migration V20_4 vacuums the filled
     * table, and V20_3 has autovacuum come after 1 % of its rows changed instead of 20 %.
     */
    @Test
    void theKeyTableIsVacuumedByTheMigrationsAndAfterEachHundredthOfItsRowsChanged() {
        String options = QuarkusTransaction.requiringNew()
                .call(() -> String.valueOf(entityManager
                        .createNativeQuery("select array_to_string(reloptions, ',') from pg_class"
                                + " where oid = 'agreement_key'::regclass")
                        .getSingleResult()));
        assertTrue(options.contains("autovacuum_vacuum_insert_scale_factor=0.01"), options);
        assertTrue(options.contains("autovacuum_vacuum_scale_factor=0.01"), options);
        Object vacuumed = QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery("select coalesce(last_vacuum, last_autovacuum) from pg_stat_user_tables"
                                + " where relid = 'agreement_key'::regclass")
                        .getSingleResult());
        assertTrue(vacuumed != null, "the key table was vacuumed after the migrations filled it");
    }

    private long differences() {
        return QuarkusTransaction.requiringNew()
                .call(() ->
                        ((Number) entityManager.createNativeQuery(DIFFERENCES).getSingleResult()).longValue());
    }

    /** The agreement's rows in the key table, as "key classification". */
    private List<String> keysOf(String id) {
        return QuarkusTransaction.requiringNew()
                .call(() -> entityManager
                        .createNativeQuery(
                                "select key || ' ' || classification from agreement_key where agreement_id = ?1")
                        .setParameter(1, UUID.fromString(id))
                        .getResultList()
                        .stream()
                        .map(String::valueOf)
                        .toList());
    }
}
