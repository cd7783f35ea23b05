package io.accords.programme;

import static io.accords.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Programmes, the kind added as a declaration alone: seeded from the articles, written and read through the generic
 * record routes, listed with their own filters, and never shown above a caller's clearance.
 */
@QuarkusTest
class ProgrammeApiTest {

    static final String KF21 = "c6ceac69-5c81-5266-8d9a-dac3017aafd6";

    static Map<String, Object> programme(String system, List<String> countries, String classification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Test programme"));
        body.put("system", system);
        body.put("countries", countries);
        body.put("sources", List.of(Map.of("url", "https://example.org/programme")));
        body.put("classification", classification);
        return body;
    }

    static String create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void theKf21ProgrammeIsSeededAndPointsToItsAgreements() {
        String agreements = given().when()
                .get("/api/v1/programmes/" + KF21)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("system", equalTo("KF-21"))
                .body("countries", contains("KR", "PE"))
                .extract()
                .path("agreements");
        given().when()
                .get(agreements)
                .then()
                .statusCode(200)
                .body(
                        "items.title",
                        hasItem("MOU between Korea Aerospace Industries and SEMAN on joint production of"
                                + " KF-21 fighter jet components"));
    }

    @Test
    void aProgrammeIsWrittenPatchedListedByItsFiltersAndKeepsItsHistory() {
        String system = unique("SYS").toUpperCase(Locale.ROOT);
        String id = create(programme(system, List.of("KR", "PE"), "PUBLIC"));
        create(programme(system, List.of("KR"), "PUBLIC"));
        given().queryParam("system", system.toLowerCase(Locale.ROOT))
                .queryParam("country", "KR")
                .queryParam("country", "PE")
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"countries\": [\"KR\", \"PE\", \"ID\"]}")
                .when()
                .patch("/api/v1/programmes/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("countries", contains("KR", "PE", "ID"));
        given().when()
                .get("/api/v1/programmes/" + id + "/history/diff?from=0&to=1")
                .then()
                .statusCode(200)
                .body("patch[0].path", equalTo("/countries/2"));
        given().header("If-Match", "\"1\"")
                .when()
                .delete("/api/v1/programmes/" + id)
                .then()
                .statusCode(204);
        given().when().get("/api/v1/programmes/" + id).then().statusCode(404);
    }

    @Test
    void badProgrammeInputAndFiltersAre400sNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(programme("X-1", List.of("KR", "KR"), "PUBLIC"))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("countries"));
        given().contentType(ContentType.JSON)
                .body(programme("X-1", List.of("kr"), "PUBLIC"))
                .when()
                .post("/api/v1/programmes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("countries[0]"));
        given().queryParam("country", "Korea")
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("country"));
    }

    @Test
    void aPublicReaderLearnsNothingOfAConfidentialProgramme() {
        String system = unique("SECRET").toUpperCase(Locale.ROOT);
        String id = create(programme(system, List.of("KR"), "CONFIDENTIAL"));
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get("/api/v1/programmes/" + id)
                .then()
                .statusCode(404);
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .queryParam("system", system)
                .when()
                .get("/api/v1/programmes")
                .then()
                .statusCode(200)
                .body("total", equalTo(0))
                .body("items.id", not(hasItem(id)));
    }
}
