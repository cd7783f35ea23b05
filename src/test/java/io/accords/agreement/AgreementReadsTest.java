package io.accords.agreement;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.getAgreement;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.security.Classification;
import io.accords.support.Api;
import io.accords.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A get by id reads the agreement's stored document: one SQL statement, two for a caller not cleared for everything;
 * a list page reads its agreements' documents in the query that finds them. The document follows every change that
 * shows in it.
 */
@QuarkusTest
class AgreementReadsTest {

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    EntityManager entityManager;

    @Inject
    AgreementReadModel readModel;

    @Inject
    AgreementViews views;

    @Inject
    AgreementRepository repository;

    @Inject
    ObjectMapper json;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String POSTGRESQL = "postgresql";

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private long statements() {
        return entityManagerFactory.unwrap(SessionFactory.class).getStatistics().getPrepareStatementCount();
    }

    /**
     * The statements one request takes: the fewest over three of them, since the counter is the whole service's and
     * its background work (import leases, callers' rights) adds to it now and then, never takes from it.
     */
    private long statementsOf(Runnable request) {
        long fewest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statements();
            request.run();
            fewest = Math.min(fewest, statements() - before);
        }
        return fewest;
    }

    @Test
    void aGetByIdTakesOneStatementOrTwoBelowTheHighestClearance() {
        String parent = createAgreement(agreement(createParty("KR")));
        Map<String, Object> body =
                with(agreement(createParty("KR"), createParty("PE"), createParty("FR")), "parentId", parent);
        body = with(body, "tags", List.of("a", "b"));
        String id = createAgreement(with(body, "systems", List.of("KF-21", "KUH-1")));

        assertEquals(
                1,
                statementsOf(() -> getAgreement(id).statusCode(200).body("parties.size()", equalTo(3))),
                "statements for a get by a caller cleared for everything");
        assertEquals(
                2,
                statementsOf(() -> given().header(Tokens.bearer("reader", "PUBLIC"))
                        .when()
                        .get("/api/v1/agreements/" + id)
                        .then()
                        .statusCode(200)
                        .body("parentId", equalTo(parent))),
                "statements for a get by a caller below the highest clearance");
    }

    @Test
    void aTextSearchPageReadsItsPartiesNamesInOneStatementHoweverManyTheyAre() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            createAgreement(with(
                    with(agreement(createParty("KR"), createParty("PE"), createParty("FR")), "systems", List.of(word)),
                    "title",
                    "Searched " + word));
        }
        long plain = statementsOf(() -> given().queryParam("system", word)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(3)));
        assertEquals(
                plain + 2,
                statementsOf(() -> given().queryParam("q", word)
                        .when()
                        .get("/api/v1/agreements")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(3))
                        .body("items.snippet.field", everyItem(equalTo("title")))),
                "a page with q is ranked and counted in two statements, where the page of a plain filter carries its count,"
                        + " and reads the names, acronyms and aliases of its nine parties in one more");
    }

    @Test
    void aListPageAndItsCountTakeOneStatementOrTwoBelowTheHighestClearance() {
        String system = unique("LIST").replace(' ', '-');
        String parent = createAgreement(agreement(createParty("KR")));
        for (int i = 0; i < 3; i++) {
            createAgreement(with(
                    with(agreement(createParty("KR"), createParty("PE")), "parentId", parent),
                    "systems",
                    List.of(system)));
        }
        assertEquals(
                1,
                statementsOf(() -> given().queryParam("system", system)
                        .when()
                        .get("/api/v1/agreements")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(3))
                        .body("items[0].parties.size()", equalTo(2))),
                "the page with its bounded count, for a caller cleared for everything");
        assertEquals(
                2,
                statementsOf(() -> given().header(Tokens.bearer("reader", "PUBLIC"))
                        .queryParam("system", system)
                        .when()
                        .get("/api/v1/agreements")
                        .then()
                        .statusCode(200)
                        .body("items.size()", equalTo(3))
                        .body("items.parentId", everyItem(equalTo(parent)))),
                "and one for what the page links to, below the highest clearance");
    }

    @Test
    void aListWritesOutTheDocumentsOfAgreementsTheCallerSeesWholeExactlyAsAGetAnswersThem() throws Exception {
        String system = unique("ASSTORED").replace(' ', '-');
        String confidential = createParty(with(party(unique("Closed Works"), "KR"), "classification", "CONFIDENTIAL"));
        String open =
                createAgreement(with(agreement(createParty("KR"), createParty("PE")), "systems", List.of(system)));
        String naming = createAgreement(with(agreement(createParty("PE"), confidential), "systems", List.of(system)));
        String earlier = createAgreement(with(agreement(createParty("FR")), "systems", List.of(system)));
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update agreement set document_format = 0 where id = :id")
                        .setParameter("id", UUID.fromString(earlier))
                        .executeUpdate());
        List<String> ids = List.of(open, naming, earlier);

        assertEquals(
                1,
                asStored(ids, Classification.PUBLIC),
                "the one naming a hidden party and the one of an earlier shape are read, the other written out");
        assertEquals(2, asStored(ids, Classification.CONFIDENTIAL), "all but the one of an earlier shape");
        for (String id : List.of(open, naming)) {
            StoredAgreement row = QuarkusTransaction.requiringNew()
                    .call(() -> repository.stored(UUID.fromString(id)).orElseThrow());
            assertEquals(
                    JSON.readTree(json.writeValueAsString(readModel.read(row).orElseThrow())),
                    JSON.readTree(readModel.asStored(row).orElseThrow().asUnquotedUTF8()),
                    "as stored, the document with its version and times, as Jackson writes the view read from it");
        }
        for (String clearance : List.of("PUBLIC", "CONFIDENTIAL")) {
            io.restassured.http.Header bearer = Tokens.bearer("reader", clearance);
            JsonNode items = JSON.readTree(given().header(bearer)
                            .queryParam("system", system)
                            .when()
                            .get("/api/v1/agreements")
                            .then()
                            .statusCode(200)
                            .extract()
                            .asString())
                    .get("items");
            assertEquals(3, items.size(), clearance);
            String lines = Api.export(bearer, "ndjson", Map.of("system", system));
            List<JsonNode> exported = new java.util.ArrayList<>();
            for (String line : lines.split("\n")) {
                exported.add(JSON.readTree(line));
            }
            assertEquals(3, exported.size(), clearance + " export");
            for (JsonNode line : exported) {
                assertTrue(
                        java.util.stream.StreamSupport.stream(items.spliterator(), false)
                                .anyMatch(line::equals),
                        clearance + " the export's line is the list's item: " + line);
            }
            assertEquals(
                    clearance.equals("CONFIDENTIAL"),
                    items.toString().contains(confidential),
                    "the confidential party shows only to a caller cleared for it");
            for (JsonNode item : items) {
                String got = given().header(bearer)
                        .when()
                        .get("/api/v1/agreements/" + item.get("id").asText())
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                assertEquals(JSON.readTree(got), item, clearance + " " + item.get("id"));
            }
        }
    }

    private long asStored(List<String> ids, Classification clearance) {
        return QuarkusTransaction.requiringNew()
                .call(() -> views.ofStored(
                                ids.stream()
                                        .map(id -> repository
                                                .stored(UUID.fromString(id))
                                                .orElseThrow())
                                        .toList(),
                                clearance)
                        .asStored());
    }

    @Test
    void amountsAreReadBackExactlyAtTheirScale() {
        String id = createAgreement(with(
                agreement(createParty("KR")),
                "value",
                Map.of("amount", new java.math.BigDecimal("12345678901234567.8"), "currency", "USD")));
        String body = getAgreement(id).statusCode(200).extract().asString();
        assertTrue(body.contains("\"amount\":12345678901234567.80"), body);
    }

    @Test
    void theStoredAgreementFollowsItsChangesAndItsPartysRename() {
        String partyName = unique("Renamed Works");
        String party = createParty(party(unique("Old Works"), "KR"));
        String id = createAgreement(agreement(party));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("name", partyName, "country", "PE"))
                .when()
                .patch("/api/v1/parties/" + party)
                .then()
                .statusCode(200);
        // The party's change refreshes the agreement's stored form, but is no change of the agreement: same version.
        getAgreement(id).statusCode(200).header("ETag", "\"0\"").body("parties[0].party.name", equalTo(partyName));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("title", "A new title"))
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200);
        getAgreement(id)
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("title", equalTo("A new title"))
                .body("parties[0].party.name", equalTo(partyName))
                .body("countries", contains("PE"));
    }

    @Test
    void aChangeOfItsTagsAloneIsANewVersionWithANewLastChangeThatTheHistoryKeepsAsAnswered() {
        String id = createAgreement(agreement(createParty("KR")));
        String created = getAgreement(id).statusCode(200).extract().path("updatedAt");
        String answered = given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body(Map.of("tags", List.of("retagged")))
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .extract()
                .path("updatedAt");
        assertTrue(Instant.parse(answered).isAfter(Instant.parse(created)), answered);
        getAgreement(id).statusCode(200).header("ETag", "\"1\"").body("updatedAt", equalTo(answered));
        given().when()
                .get("/api/v1/agreements/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items[0].version", equalTo(1))
                .body("items[0].record.updatedAt", equalTo(answered))
                .body("items[1].record.updatedAt", equalTo(created));
    }

    @Test
    void anAgreementStoredWithoutItsDocumentIsReadWholeUntilTheStartUpFillWritesIt() {
        String id = createAgreement(agreement(createParty("KR"), createParty("PE")));
        String before = getAgreement(id).statusCode(200).extract().asString();
        QuarkusTransaction.requiringNew()
                .run(() -> entityManager
                        .createNativeQuery("update agreement set document = null where id = :id")
                        .setParameter("id", UUID.fromString(id))
                        .executeUpdate());
        assertEquals(before, getAgreement(id).statusCode(200).extract().asString(), "read whole without a document");

        readModel.backfill(null);
        String document = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select document from agreement where id = :id")
                .setParameter("id", UUID.fromString(id))
                .getSingleResult());
        assertNotNull(document, "the start-up fill writes the missing document");
        assertEquals(before, getAgreement(id).statusCode(200).extract().asString(), "the same from the document");
        assertEquals(1, statementsOf(() -> getAgreement(id).statusCode(200)), "read from the document");
    }

    @Test
    void onH2TheStartUpFillWritesTheWordsOfAnAgreementStoredWithoutThemAndARareWordFindsIt() {
        Assumptions.assumeFalse(POSTGRESQL.equals(dbKind), "PostgreSQL keeps no word table");
        String word = "zq" + UUID.randomUUID().toString().substring(0, 8);
        String id = createAgreement(with(agreement(createParty("KR"), createParty("PE")), "title", "Kept " + word));
        String before = getAgreement(id).statusCode(200).extract().asString();
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("delete from agreement_word where agreement_id = :id")
                    .setParameter("id", UUID.fromString(id))
                    .executeUpdate();
            entityManager
                    .createNativeQuery("update agreement set words_kept = false where id = :id")
                    .setParameter("id", UUID.fromString(id))
                    .executeUpdate();
        });

        readModel.backfill(null);

        given().queryParam("q", word)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(id)));
        assertEquals(before, getAgreement(id).statusCode(200).extract().asString(), "neither version nor times moved");
    }

    @Test
    void theStartLooksForAgreementsWithoutTheirReadModelThroughAnIndexNotTheTable() {
        String plan = QuarkusTransaction.requiringNew().call(() -> {
            if (POSTGRESQL.equals(dbKind)) {
                // A small test table may be cheaper to scan: forbid it, so the plan shows whether an index can answer.
                entityManager
                        .createNativeQuery("set local enable_seqscan = off")
                        .executeUpdate();
            }
            List<?> lines = entityManager
                    .createNativeQuery("explain " + AgreementRepository.withoutReadModel(dbKind))
                    .getResultList();
            return lines.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining("\n"));
        });
        assertTrue(plan.toLowerCase(java.util.Locale.ROOT).contains("agreement_read_model_missing_idx"), plan);
    }
}
