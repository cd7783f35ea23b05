package io.accords.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds request bodies and creates records through the API, so each test owns the data it asserts on. */
public final class Api {

    public static final String PROBLEM_JSON = "application/problem+json";

    private Api() {}

    /** A name no other test uses, so tests never collide on the unique-name rule. */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> party(String name, String country) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("acronym", "TST");
        body.put("aliases", List.of("Test alias"));
        body.put("country", country);
        body.put("kind", "COMPANY");
        body.put("identifiers", List.of(Map.of("scheme", "NCAGE", "value", "T0001")));
        body.put("classification", "PUBLIC");
        return body;
    }

    public static String createParty(String country) {
        return createParty(party(unique("Test Party"), country));
    }

    public static String createParty(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A valid agreement between the given parties, each a signatory. */
    public static Map<String, Object> agreement(String... partyIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", unique("Test MOU"));
        body.put("summary", "An agreement made by a test.");
        body.put("type", "MOU");
        body.put("status", "SIGNED");
        body.put("sectors", List.of("NAVAL"));
        body.put("modes", List.of("CO_DEVELOPMENT"));
        List<Map<String, Object>> parties = new ArrayList<>();
        for (String id : partyIds) {
            parties.add(Map.of("partyId", id, "role", "SIGNATORY"));
        }
        body.put("parties", parties);
        body.put("systems", List.of("KF-21"));
        body.put("signed", "2024-11-16");
        body.put(
                "sources",
                List.of(Map.of(
                        "publisher",
                        "Test Wire",
                        "title",
                        "A test article",
                        "url",
                        "https://example.org/news/1",
                        "published",
                        "2024-11-17")));
        body.put("tags", List.of("test"));
        body.put("classification", "PUBLIC");
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    public static Map<String, Object> without(Map<String, Object> body, String field) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.remove(field);
        return copy;
    }

    public static String createAgreement(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String createAgreement() {
        return createAgreement(agreement(createParty("KR"), createParty("PE")));
    }

    /** The body of {@code GET /api/v1/agreements/export} in this format ({@code csv}, {@code ndjson}) under filters. */
    public static String export(String format, Map<String, ?> filters) {
        return exportAs(given(), format, filters);
    }

    /** {@link #export(String, Map)} as this caller. */
    public static String export(Header caller, String format, Map<String, ?> filters) {
        return exportAs(given().header(caller), format, filters);
    }

    private static String exportAs(RequestSpecification request, String format, Map<String, ?> filters) {
        return request.queryParam("format", format)
                .queryParams(filters)
                .when()
                .get("/api/v1/agreements/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    public static ValidatableResponse getAgreement(String id) {
        return given().when().get("/api/v1/agreements/{id}", id).then();
    }
}
