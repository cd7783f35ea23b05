package io.accords.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The agreements reported in the seed articles are in the registry from the first start, exactly as reported. */
@QuarkusTest
class SeedDataTest {

    static final String KAI_SEMAN = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";
    static final String HHI_SIMA = "e0b02e68-d667-510a-8733-20ed4c686e2b";

    @Inject
    SeedLoader loader;

    @Test
    void kaiSemanKf21MouIsSeededAsReported() {
        given().when()
                .get("/api/v1/agreements/{id}", KAI_SEMAN)
                .then()
                .statusCode(200)
                .body("type", equalTo("MOU"))
                .body("status", equalTo("SIGNED"))
                .body("signed", equalTo("2024-11-16"))
                .body("sectors", contains("AEROSPACE"))
                .body("modes", contains("JOINT_PRODUCTION"))
                .body("systems", contains("KF-21"))
                .body("parties.party.name", containsInAnyOrder("Korea Aerospace Industries", "SEMAN"))
                .body("parties.role", everyItem(equalTo("SIGNATORY")))
                .body("countries", contains("KR", "PE"))
                .body("value", nullValue())
                .body("sources[0].publisher", equalTo("AJP"))
                .body("sources[0].url", startsWith("https://"));
    }

    @Test
    void hhiSimaNavalMouIsSeededWithWitnesses() {
        given().when()
                .get("/api/v1/agreements/{id}", HHI_SIMA)
                .then()
                .statusCode(200)
                .body("type", equalTo("MOU"))
                .body("status", equalTo("SIGNED"))
                .body("signed", equalTo("2024-11-16"))
                .body("sectors", contains("NAVAL"))
                .body("modes", contains("CO_DEVELOPMENT"))
                .body(
                        "parties.findAll { it.role == 'SIGNATORY' }.party.name",
                        containsInAnyOrder("Hyundai Heavy Industries", "SIMA"))
                .body("parties.findAll { it.role == 'WITNESS' }.party.country", containsInAnyOrder("KR", "PE"));
    }

    @Test
    void pitchesAndWishesAreProposedAndDatedOnlyAsPreciselyAsReported() {
        // Other tests add agreements: ask for the seed tags' words, then keep those carrying the tags.
        List<Map<String, Object>> seeded = new java.util.ArrayList<>();
        for (String tag : List.of("korea-peru", "korea-chile")) {
            JsonPath found = given().queryParam("size", 100)
                    .queryParam("q", "\"" + tag + "\"")
                    .when()
                    .get("/api/v1/agreements")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            seeded.addAll(found.getList("items.findAll { it.tags.contains('" + tag + "') }"));
        }
        assertEquals(13, seeded.size(), "every agreement, partnership, pitch and project of the three articles");
        Map<String, Object> fa50 = one(seeded, "FA-50");
        assertEquals("PROPOSED", fa50.get("status"));
        assertEquals("2023-11-16", fa50.get("announced"));
        assertEquals(null, fa50.get("signed"));
        Map<String, Object> chile = one(seeded, "Chile");
        assertEquals("PROPOSED", chile.get("status"));
        assertEquals(List.of("CL", "KR"), chile.get("countries"));
        Map<String, Object> navy = one(seeded, "Peruvian Navy");
        assertEquals("2024", navy.get("announced"), "the article says only 'earlier this year'");
        for (Map<String, Object> agreement : seeded) {
            List<?> sources = (List<?>) agreement.get("sources");
            assertEquals(false, sources.isEmpty(), agreement.get("title") + " names its source");
        }
    }

    @Test
    void theShortNamesPeopleUseFindTheSeedPartiesAsTheEditorsAliasesNotAsTheArticlesWords() {
        String kai = "a9715a03-00b9-55c2-9eff-7f0f6beda9b3";
        String kaiSemanMou = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";
        given().when()
                .get("/api/v1/parties/" + kai)
                .then()
                .statusCode(200)
                .body("name", equalTo("Korea Aerospace Industries"))
                .body("acronym", nullValue())
                .body("aliases", org.hamcrest.Matchers.empty())
                .body("editorialAliases", contains("KAI"));
        for (String search : List.of("q", "party")) {
            given().queryParam(search, "KAI")
                    .when()
                    .get("/api/v1/agreements")
                    .then()
                    .statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.hasItem(kaiSemanMou));
        }
        given().queryParam("party", "hhi")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.parties.flatten().party.name", org.hamcrest.Matchers.hasItem("Hyundai Heavy Industries"));
    }

    @Test
    void seedPartiesAreNamedOnlyInTheWordsOfTheSeedArticles() throws IOException {
        String articles = articles();
        JsonNode seed = new ObjectMapper().readTree(resource("seed/seed-articles.json"));
        List<String> named = new ArrayList<>();
        for (JsonNode party : seed.path("parties")) {
            JsonPath read = given().when()
                    .get("/api/v1/parties/{id}", party.path("id").asText())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            named.add(read.getString("name"));
            Optional.ofNullable(read.getString("acronym")).ifPresent(named::add);
            named.addAll(read.getList("aliases", String.class));
        }
        assertEquals(seed.path("parties").size() + 1, named.size(), "ten names and FAME's acronym");
        for (String name : named) {
            assertTrue(articles.contains(name), name + " is not a word of the seed articles");
        }
    }

    /** The seed articles' texts, as the seeds were read from them. */
    private static String articles() throws IOException {
        StringBuilder text = new StringBuilder();
        for (String article : List.of(
                "2023-11-16-yonhap-apec-san-francisco.txt",
                "2024-11-15-yonhap-el-comercio-interview.txt",
                "2024-11-17-ajp-lima-summit.txt")) {
            text.append(new String(resource("articles/" + article).readAllBytes(), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static InputStream resource(String name) {
        return Objects.requireNonNull(
                SeedDataTest.class.getClassLoader().getResourceAsStream(name), name + " is on the class path");
    }

    @Test
    void loadingAgainNeverDuplicates() {
        int agreements = total("/api/v1/agreements");
        int parties = total("/api/v1/parties");
        loader.onStart(null);
        assertEquals(agreements, total("/api/v1/agreements"));
        assertEquals(parties, total("/api/v1/parties"));
    }

    private static int total(String path) {
        return given().when().get(path).then().statusCode(200).extract().path("total");
    }

    private static Map<String, Object> one(List<Map<String, Object>> agreements, String titlePart) {
        List<Map<String, Object>> matches = agreements.stream()
                .filter(a -> ((String) a.get("title")).contains(titlePart))
                .toList();
        assertEquals(1, matches.size(), "one seeded agreement titled with " + titlePart);
        return matches.get(0);
    }
}
