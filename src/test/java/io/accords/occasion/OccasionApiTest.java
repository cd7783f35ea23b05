package io.accords.occasion;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.getAgreement;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Occasions: the summits and visits agreements were made at, read with their agreements, found by the agreement
 * search's occasion filter and facet, seeded from the articles, and never shown above a caller's clearance.
 */
@QuarkusTest
class OccasionApiTest {

    static final String LIMA = "0ae3d42e-657d-54e8-a0e8-48d4dd4a6a78";
    static final String SAN_FRANCISCO = "0a11060d-64f6-5fcb-8f37-fa19b85e0963";

    static Map<String, Object> occasion(String classification) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("Test summit"));
        body.put("kind", "SUMMIT");
        body.put("country", "PE");
        body.put("city", "Lima");
        body.put("starts", "2024-11-15");
        body.put("ends", "2024-11-16");
        body.put("sources", List.of(Map.of("url", "https://example.org/summit")));
        body.put("classification", classification);
        return body;
    }

    static String createOccasion(String classification) {
        return given().contentType(ContentType.JSON)
                .body(occasion(classification))
                .when()
                .post("/api/v1/occasions")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void everyAgreementSignedAtTheLimaSummitIsOneCall() {
        given().queryParam("occasion", LIMA)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body(
                        "items.title",
                        hasItem("MOU between Korea Aerospace Industries and SEMAN on joint production of"
                                + " KF-21 fighter jet components"))
                .body("items.occasionId", not(hasItem(not(LIMA))))
                .body("total", equalTo(6));
        given().when()
                .get("/api/v1/occasions/" + LIMA)
                .then()
                .statusCode(200)
                .body("name", equalTo("APEC summit 2024, Lima"))
                .body("country", equalTo("PE"))
                .body("agreements.size()", equalTo(6));
        given().when()
                .get("/api/v1/occasions/" + SAN_FRANCISCO)
                .then()
                .statusCode(200)
                .body("city", equalTo("San Francisco"))
                .body("agreements.size()", equalTo(5));
    }

    @Test
    void anOccasionIsWrittenReadFilteredAndCountedInFacets() {
        String occasion = createOccasion("PUBLIC");
        String made = createAgreement(with(agreement(createParty("KR")), "occasionId", occasion));
        createAgreement(agreement(createParty("KR")));
        getAgreement(made).statusCode(200).body("occasionId", equalTo(occasion));
        given().queryParam("occasion", occasion)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(made));
        given().queryParam("occasion", occasion)
                .when()
                .get("/api/v1/agreements/facets")
                .then()
                .statusCode(200)
                .body("occasions.find { it.value == '" + occasion + "' }.count", equalTo(1));
        given().when()
                .get("/api/v1/occasions/" + occasion)
                .then()
                .statusCode(200)
                .body("agreements.id", containsInAnyOrder(made));
        // An occasion agreements were made at is not deleted from under them.
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/occasions/" + occasion)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void badOccasionInputIsA400NamingTheField() {
        given().contentType(ContentType.JSON)
                .body(with(occasion("PUBLIC"), "ends", "2024-11-01"))
                .when()
                .post("/api/v1/occasions")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("ends"));
        given().contentType(ContentType.JSON)
                .body(with(agreement(createParty("KR")), "occasionId", "5d7b5c56-8b2b-4b53-9d8e-3c1e6b0b2a11"))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occasionId"));
        given().queryParam("occasion", "lima")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("occasion"));
    }

    @Test
    void aPublicReaderLearnsNothingOfAConfidentialOccasion() {
        String secret = createOccasion("CONFIDENTIAL");
        String made = createAgreement(with(agreement(createParty("KR")), "occasionId", secret));
        Header reader = Tokens.bearer("reader", "PUBLIC");
        given().header(reader).when().get("/api/v1/occasions/" + secret).then().statusCode(404);
        given().header(reader)
                .when()
                .get("/api/v1/agreements/" + made)
                .then()
                .statusCode(200)
                .body("occasionId", nullValue());
        given().header(reader)
                .queryParam("occasion", secret)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().header(reader)
                .queryParam("size", 100)
                .when()
                .get("/api/v1/occasions")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(secret)));
        given().header(reader)
                .when()
                .get("/api/v1/agreements/facets")
                .then()
                .statusCode(200)
                .body("occasions.value", not(hasItem(secret)));
        // A change by the reader keeps the link it cannot see.
        String etag = given().header(reader)
                .when()
                .get("/api/v1/agreements/" + made)
                .then()
                .extract()
                .header("ETag");
        given().header(Tokens.bearer("editor", "PUBLIC"))
                .header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"summary\": \"Changed by a public editor\"}")
                .when()
                .patch("/api/v1/agreements/" + made)
                .then()
                .statusCode(200);
        getAgreement(made).statusCode(200).body("occasionId", equalTo(secret));
    }
}
