package io.accords.search;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A list counts its matches up to a bound (3 here, 10,000 by default) and says when it stopped there; count=exact
 * counts them all. Facets beyond the bound are counted on a random sample (100 here) and scaled, and say so. Records
 * above the caller's clearance are never counted, bounded, sampled or not.
 */
@QuarkusTest
@TestProfile(BoundedTotalsTest.SmallBound.class)
class BoundedTotalsTest {

    private static final String AGREEMENTS = "/api/v1/agreements";

    public static class SmallBound implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "accords.search.count-limit",
                    "3",
                    "accords.facets.sample-size",
                    "100",
                    "accords.relevance.rank-limit",
                    "100");
        }
    }

    private static String agreements(int count, String system, String classification) {
        String party = createParty("KR");
        for (int i = 0; i < count; i++) {
            createAgreement(with(with(agreement(party), "systems", List.of(system)), "classification", classification));
        }
        return party;
    }

    @Test
    void beyondTheBoundTheTotalSaysAtLeastAndThereIsNoLastLink() {
        String system = unique("BOUND");
        agreements(5, system, "PUBLIC");
        given().queryParam("system", system)
                .queryParam("size", 2)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(2))
                .body("total", equalTo(3))
                .body("totalRelation", equalTo("gte"))
                .header("Link", containsString("rel=\"next\""))
                .header("Link", not(containsString("rel=\"last\"")));
    }

    @Test
    void aTextSearchBeyondTheRankLimitSaysItRankedASample() {
        String word = AgreementSearchApiTest.word();
        // A party whose name has no word starting with a digit, so that only the titles' numbers match "7" below (a
        // party of a random name matched it when its random part began with 7).
        String party = createParty(io.accords.support.Api.party("Ranked " + word, "KR"));
        for (int i = 0; i < 101; i++) {
            createAgreement(with(agreement(party), "title", "Sampled " + word + " " + i));
        }
        given().queryParam("q", word)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(20))
                .body("rankedSample", equalTo(100))
                .body("totalRelation", equalTo("gte"))
                .body("items.snippet.field", everyItem(equalTo("title")));
        // Page 5 is the last of the 100 ranked.
        given().queryParam("q", word)
                .queryParam("page", 5)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(20));
        given().queryParam("q", word + " 7")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("rankedSample")))
                .body("items.size()", equalTo(11))
                .body("items.title", hasItem("Sampled " + word + " 7"));
    }

    @Test
    void agreementsAboveTheCallersClearanceAreNeverRanked() {
        String word = AgreementSearchApiTest.word();
        String party = createParty("KR");
        for (int i = 0; i < 101; i++) {
            createAgreement(with(with(agreement(party), "title", "Hidden " + word), "classification", "CONFIDENTIAL"));
        }
        createAgreement(with(agreement(party), "title", "Seen " + word));
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .queryParam("q", word)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("rankedSample")))
                .body("total", equalTo(1))
                .body("totalRelation", equalTo("eq"))
                .body("items.title", contains("Seen " + word));
    }

    @Test
    void countExactCountsEveryMatch() {
        String system = unique("EXACT");
        agreements(5, system, "PUBLIC");
        given().queryParam("system", system)
                .queryParam("size", 2)
                .queryParam("count", "exact")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(5))
                .body("totalRelation", equalTo("eq"))
                .body("totalPages", equalTo(3))
                .header("Link", containsString("page=3>; rel=\"last\""));
    }

    @Test
    void aPagePastTheLastMatchStillSaysHowManyMatch() {
        // A system without spaces is counted through PostgreSQL's key table, one with a space from the agreements.
        String beyondTheBound = unique("PAST").replace(' ', '-');
        agreements(5, beyondTheBound, "PUBLIC");
        String withinTheBound = unique("PAST");
        agreements(2, withinTheBound, "PUBLIC");
        Map<String, Integer> totals = Map.of(beyondTheBound, 3, withinTheBound, 2, unique("NONE"), 0);
        totals.forEach((system, total) -> given().queryParam("system", system)
                .queryParam("size", 2)
                .queryParam("page", 4)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0))
                .body("total", equalTo(total))
                .body("totalRelation", equalTo(system.equals(beyondTheBound) ? "gte" : "eq")));
    }

    @Test
    void upToTheBoundTheTotalIsExact() {
        String system = unique("UPTO");
        String party = agreements(3, system, "PUBLIC");
        given().queryParam("system", system)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalRelation", equalTo("eq"))
                .header("Link", containsString("rel=\"last\""));
        given().when()
                .get("/api/v1/parties/" + party + "/agreements")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("totalRelation", equalTo("eq"));
    }

    @Test
    void hiddenRecordsAreNeverCounted() {
        String system = unique("HIDDEN");
        agreements(2, system, "PUBLIC");
        agreements(4, system, "CONFIDENTIAL");
        for (String count : List.of("bounded", "exact")) {
            given().header(Tokens.bearer("reader", "PUBLIC"))
                    .queryParam("system", system)
                    .queryParam("count", count)
                    .when()
                    .get(AGREEMENTS)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(2))
                    .body("totalRelation", equalTo("eq"));
        }
    }

    @Test
    void anUnknownCountIsRefusedByName() {
        given().queryParam("count", "approximate")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("count"))
                .body("errors[0].message", equalTo("must be bounded or exact"));
    }

    @Test
    void facetsUpToTheBoundAreExact() {
        String system = unique("FEW");
        agreements(3, system, "PUBLIC");
        given().queryParam("system", system)
                .when()
                .get(AGREEMENTS + "/facets")
                .then()
                .statusCode(200)
                .body("total", equalTo(3))
                .body("approximate", equalTo(false))
                .body("sampleSize", nullValue())
                .body("sectors[0].count", equalTo(3));
    }

    @Test
    void facetsBeyondTheBoundAreSampledScaledAndSaySo() {
        String system = unique("MANY");
        agreements(150, system, "PUBLIC");
        agreements(150, system, "CONFIDENTIAL");
        for (var caller : List.of(
                Map.entry(Tokens.bearer("reader", "PUBLIC"), 150),
                Map.entry(Tokens.bearer("reader", "CONFIDENTIAL"), 300))) {
            var facets = given().header(caller.getKey())
                    .queryParam("system", system)
                    .when()
                    .get(AGREEMENTS + "/facets")
                    .then()
                    .statusCode(200)
                    .body("approximate", equalTo(true))
                    .body("sampleSize", equalTo(100))
                    .extract()
                    .jsonPath();
            long total = facets.getLong("total");
            int matching = caller.getValue();
            // A sample of 100 estimates the total within about 10 %; half of it either way is five times that.
            assertTrue(
                    total > matching / 2 && total < matching * 3 / 2,
                    "estimated " + total + " of " + matching + " visible matches");
            // Every match is NAVAL: the scaled sector count is the estimated total itself.
            assertEquals(total, facets.getLong("sectors[0].count"));
            assertEquals("NAVAL", facets.getString("sectors[0].value"));
        }
    }
}
