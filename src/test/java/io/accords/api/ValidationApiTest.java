package io.accords.api;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.with;
import static io.accords.support.Api.without;
import static io.accords.support.Problems.assertInvalidField;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Api;
import io.accords.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of bad input gets a 4xx problem that says what to fix, and never changes what is stored. */
@QuarkusTest
class ValidationApiTest {

    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final ObjectMapper JSON = new ObjectMapper();
    private Map<String, Object> valid;

    @BeforeEach
    void validAgreement() {
        valid = agreement(createParty("KR"), createParty("PE"));
    }

    static Stream<Arguments> invalidAgreements() {
        return Stream.of(
                Arguments.of("title", "blank", (Mutation) b -> with(b, "title", "   ")),
                Arguments.of("title", "too long", (Mutation) b -> with(b, "title", "x".repeat(301))),
                Arguments.of("title", "a number", (Mutation) b -> with(b, "title", 42)),
                Arguments.of("type", "unknown enum", (Mutation) b -> with(b, "type", "HANDSHAKE")),
                Arguments.of("type", "enum by index", (Mutation) b -> with(b, "type", 1)),
                Arguments.of("type", "missing", (Mutation) b -> without(b, "type")),
                Arguments.of("status", "lower case", (Mutation) b -> with(b, "status", "signed")),
                Arguments.of("sectors", "empty", (Mutation) b -> with(b, "sectors", List.of())),
                Arguments.of("sectors", "not an array", (Mutation) b -> with(b, "sectors", Map.of("a", 1))),
                Arguments.of("modes[1]", "unknown mode", (Mutation) b -> with(b, "modes", List.of("MRO", "BARTER"))),
                Arguments.of("parties", "none", (Mutation) b -> with(b, "parties", List.of())),
                Arguments.of("parties[0].role", "missing role", (Mutation) b -> with(
                        b,
                        "parties",
                        List.of(Map.of(
                                "partyId",
                                ((List<Map<String, Object>>) b.get("parties"))
                                        .get(0)
                                        .get("partyId"))))),
                Arguments.of("parties[0].partyId", "not a uuid", (Mutation)
                        b -> with(b, "parties", List.of(Map.of("partyId", "KAI", "role", "SIGNATORY")))),
                Arguments.of("signed", "impossible day", (Mutation) b -> with(b, "signed", "2023-02-29")),
                Arguments.of("signed", "wrong format", (Mutation) b -> with(b, "signed", "16/11/2024")),
                Arguments.of("effective", "before signed", (Mutation) b -> with(b, "effective", "2024-11-15")),
                Arguments.of("effective", "a month before signed", (Mutation) b -> with(b, "effective", "2024-10")),
                Arguments.of("expires", "before effective", (Mutation)
                        b -> with(with(b, "effective", "2025"), "expires", "2024-12")),
                Arguments.of("expires", "before signed", (Mutation) b -> with(b, "expires", "2023")),
                Arguments.of("value.currency", "unknown currency", (Mutation)
                        b -> with(b, "value", Map.of("amount", 1, "currency", "XYZ"))),
                Arguments.of("value.amount", "negative", (Mutation)
                        b -> with(b, "value", Map.of("amount", -5, "currency", "USD"))),
                Arguments.of("value.amount", "too precise", (Mutation)
                        b -> with(b, "value", Map.of("amount", 1.001, "currency", "USD"))),
                Arguments.of("sources", "none", (Mutation) b -> with(b, "sources", List.of())),
                Arguments.of("sources[0].url", "not http", (Mutation)
                        b -> with(b, "sources", List.of(Map.of("url", "ftp://example.org/a")))),
                Arguments.of("sources[0].url", "script", (Mutation)
                        b -> with(b, "sources", List.of(Map.of("url", "javascript:alert(1)")))),
                Arguments.of("tags", "too many", (Mutation) b -> with(
                        b,
                        "tags",
                        Collections.nCopies(51, "t").stream()
                                .map(t -> t + Math.random())
                                .toList())),
                Arguments.of("tags[1]", "repeated", (Mutation) b -> with(b, "tags", List.of("a", "a"))),
                Arguments.of("systems[0]", "blank", (Mutation) b -> with(b, "systems", List.of(""))),
                Arguments.of("id", "set by the service", (Mutation)
                        b -> with(b, "id", "00000000-0000-0000-0000-000000000000")),
                Arguments.of("version", "set by the service", (Mutation) b -> with(b, "version", 3)),
                Arguments.of("createdAt", "set by the service", (Mutation)
                        b -> with(b, "createdAt", "2020-01-01T00:00:00Z")),
                Arguments.of("countries", "set by the service", (Mutation) b -> with(b, "countries", List.of("KR"))),
                Arguments.of("colour", "unknown field", (Mutation) b -> with(b, "colour", "blue")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("invalidAgreements")
    void rejectsInvalidAgreementNamingTheField(String field, String why, Mutation mutation) {
        int before = total();
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body(mutation.apply(valid))
                        .when()
                        .post(AGREEMENTS)
                        .then(),
                AGREEMENTS,
                field);
        assertEquals(before, total(), "a rejected write stores nothing");
    }

    @Test
    void anAmountWithAHugeExponentIsA400NotA500() {
        String party = createParty("KR");
        for (String amount : List.of("1E+2147483647", "1E+18", "-1E+2147483647")) {
            String body = "{\"title\": \"Huge\", \"type\": \"MOU\", \"status\": \"SIGNED\","
                    + " \"sectors\": [\"NAVAL\"], \"parties\": [{\"partyId\": \"" + party
                    + "\", \"role\": \"SIGNATORY\"}], \"sources\": [{\"url\": \"https://example.org/a\"}],"
                    + " \"value\": {\"amount\": " + amount + ", \"currency\": \"USD\"}}";
            given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post("/api/v1/agreements")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", org.hamcrest.Matchers.hasItem("value.amount"));
        }
    }

    @Test
    void aParameterThatTakesOneValueGivenTwiceIsA400() {
        given().queryParam("size", 1, 2)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("size"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("takes one value"));
        given().queryParam("sector", "NAVAL", "AEROSPACE")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200);
    }

    @Test
    void namesEveryOffendingFieldAtOnce() {
        Map<String, Object> body = with(with(with(valid, "title", ""), "effective", "2020"), "sources", List.of());
        assertInvalidField(
                        given().contentType(ContentType.JSON)
                                .body(body)
                                .when()
                                .post(AGREEMENTS)
                                .then(),
                        AGREEMENTS,
                        "title")
                .body("errors.field", hasItem("effective"))
                .body("errors.field", hasItem("sources"))
                .body("detail", containsString("3 fields"));
    }

    @Test
    void comparesPartialDatesAsThePeriodsTheyCover() {
        given().contentType(ContentType.JSON)
                .body(with(with(valid, "effective", "2024"), "expires", "2024-11"))
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .body("effective", equalTo("2024"))
                .body("expires", equalTo("2024-11"));
    }

    @Test
    void rejectsMalformedJsonSayingWhere() throws Exception {
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"title\": \"unterminated")
                                .when()
                                .post(AGREEMENTS)
                                .then(),
                        400,
                        "/problems/malformed-json",
                        AGREEMENTS)
                .body("detail", containsString("line 1"));
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{\"title\": \"a\", \"title\": \"b\"}")
                                .when()
                                .post(AGREEMENTS)
                                .then(),
                        400,
                        "/problems/malformed-json",
                        AGREEMENTS)
                .body("detail", containsString("Duplicate field"));
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body(JSON.writeValueAsString(valid) + " {}")
                                .when()
                                .post(AGREEMENTS)
                                .then(),
                        400,
                        "/problems/malformed-json",
                        AGREEMENTS)
                .body("detail", containsString("Trailing token"));
    }

    @Test
    void rejectsEmptyAndNonObjectBodies() {
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body("")
                        .when()
                        .post(AGREEMENTS)
                        .then(),
                AGREEMENTS,
                "body");
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body("[]")
                        .when()
                        .post(AGREEMENTS)
                        .then(),
                AGREEMENTS,
                "body");
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body("null")
                        .when()
                        .post(AGREEMENTS)
                        .then(),
                AGREEMENTS,
                "body");
    }

    @Test
    void answers415ForWrongMediaType() {
        assertProblem(
                        given().contentType(ContentType.TEXT)
                                .body("title=x")
                                .when()
                                .post(AGREEMENTS)
                                .then(),
                        415,
                        "/problems/unsupported-media-type",
                        AGREEMENTS)
                .body("detail", containsString("text/plain"));
    }

    @Test
    void answers405WithAllowHeader() {
        assertProblem(given().when().put(AGREEMENTS).then(), 405, "/problems/method-not-allowed", AGREEMENTS)
                .header("Allow", "GET, POST")
                .body("detail", containsString("PUT"));
        assertProblem(
                        given().when()
                                .post("/api/v1/parties/" + java.util.UUID.randomUUID())
                                .then(),
                        405,
                        "/problems/method-not-allowed",
                        null)
                .header("Allow", "DELETE, GET, PATCH, PUT");
    }

    @Test
    void answers406WhenNoAcceptableType() {
        assertProblem(
                given().accept("application/xml").when().get(AGREEMENTS).then(),
                406,
                "/problems/not-acceptable",
                AGREEMENTS);
    }

    @Test
    void answers413ForOversizedBody() {
        String huge = "{\"title\": \"" + "x".repeat(1_100_000) + "\"}";
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body(huge)
                                .when()
                                .post(AGREEMENTS)
                                .then(),
                        413,
                        "/problems/payload-too-large",
                        AGREEMENTS)
                .body("detail", containsString("at most 1048576"));
    }

    @TestHTTPResource("/api/v1/agreements")
    URI agreements;

    @Test
    void answers413ForOversizedChunkedBody() throws Exception {
        HttpResponse<String> response = postChunked("{\"title\": \"" + "x".repeat(1_100_000) + "\"}");
        assertEquals(413, response.statusCode());
        assertEquals(
                Api.PROBLEM_JSON, response.headers().firstValue("Content-Type").orElse(""));
        JsonNode problem = JSON.readTree(response.body());
        assertEquals("/problems/payload-too-large", problem.path("type").asText());
        assertEquals(AGREEMENTS, problem.path("instance").asText());
    }

    @Test
    void readsChunkedBodiesWithinTheLimit() throws Exception {
        HttpResponse<String> response = postChunked("{\"title\": \"Chunked\"}");
        assertEquals(400, response.statusCode(), "the body was read and validated");
        assertEquals(
                "/problems/invalid-request",
                JSON.readTree(response.body()).path("type").asText());
    }

    private HttpResponse<String> postChunked(String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(agreements)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.token("editor", "PUBLIC"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build();
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answers404ProblemForUnknownPath() {
        assertProblem(given().when().get("/api/v1/treaties").then(), 404, "/problems/not-found", "/api/v1/treaties")
                .body("detail", not(containsString("Exception")));
    }

    private static int total() {
        return given().when().get(AGREEMENTS).then().statusCode(200).extract().path("total");
    }

    @FunctionalInterface
    interface Mutation {
        Map<String, Object> apply(Map<String, Object> body);
    }
}
