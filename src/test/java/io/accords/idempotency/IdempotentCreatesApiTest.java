package io.accords.idempotency;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A create retried with the same Idempotency-Key creates once and answers the same. */
@QuarkusTest
class IdempotentCreatesApiTest {

    private static final String AGREEMENTS = "/api/v1/agreements";

    /** A create with this Idempotency-Key and body, ready to send (as the default caller unless a header says). */
    private static RequestSpecification keyed(String key, Object body) {
        return given().header(IdempotentCreates.HEADER, key)
                .contentType(ContentType.JSON)
                .body(body);
    }

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheFirstAnswerAndCreatesNothing() {
        String party = createParty("KR");
        String system = unique("IDEM").replace(' ', '-');
        Map<String, Object> body = with(agreement(party), "systems", List.of(system));
        String key = UUID.randomUUID().toString();
        Response first = keyed(key, body).post(AGREEMENTS);
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        Response retry = keyed(key, body).post(AGREEMENTS);
        retry.then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        given().queryParam("system", system).when().get(AGREEMENTS).then().body("total", equalTo(1));

        // Another caller's key is another key.
        keyed(key, body)
                .header(Tokens.bearer("editor", "CONFIDENTIAL"))
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        given().queryParam("system", system).when().get(AGREEMENTS).then().body("total", equalTo(2));
    }

    @Test
    void aKeyKeepsNoCopyOfWhatItCreatedAndAfterADeleteAnswers404WhateverComesUnderThatIdLater() throws Exception {
        String party = createParty("KR");
        Map<String, Object> body = with(agreement(party), "title", unique("Kept once"));
        String key = UUID.randomUUID().toString();
        String id = keyed(key, body)
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("If-Match", "\"0\"")
                .when()
                .delete(AGREEMENTS + "/" + id)
                .then()
                .statusCode(204);
        // Another editor, cleared for everything, tries to bring the id back through an import: ids are never reused.
        Map<String, Object> row = with(with(agreement(party), "id", id), "title", "Someone else's record");
        Header restorer = Tokens.bearer("editor", "CONFIDENTIAL");
        String job = given().header(restorer)
                .contentType("application/x-ndjson")
                .body((new ObjectMapper().writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
        String status = "QUEUED";
        for (int i = 0; i < 100 && List.of("QUEUED", "RUNNING").contains(status); i++) {
            Thread.sleep(100);
            status = given().header(restorer)
                    .when()
                    .get("/api/v1/imports/" + job)
                    .then()
                    .extract()
                    .path("status");
        }
        given().header(restorer)
                .when()
                .get("/api/v1/imports/" + job)
                .then()
                .body("status", equalTo("DONE"))
                .body("counts.refused", equalTo(1));
        String replay = keyed(key, body)
                .post(AGREEMENTS)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .extract()
                .asString();
        assertTrue(replay.contains("no longer there for you"), replay);
        assertTrue(!replay.contains(id) && !replay.contains("Someone else"), replay);
        given().when().get(AGREEMENTS + "/" + id).then().statusCode(404);
    }

    @Test
    void aReplayAfterTheRecordWasRaisedAboveTheCallerAnswersAsAfterADeleteNamingNothing() {
        Header editor = Tokens.bearer("editor", "PUBLIC");
        String party = given().header(editor)
                .contentType(ContentType.JSON)
                .body(party(unique("Raised Yard"), "KR"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String title = unique("Raised later");
        Map<String, Object> body = with(agreement(party), "title", title);
        String key = UUID.randomUUID().toString();
        String id = keyed(key, body)
                .header(editor)
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // An admin raises it above the editor's clearance.
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"classification\": \"CONFIDENTIAL\"}")
                .when()
                .patch(AGREEMENTS + "/" + id)
                .then()
                .statusCode(200);
        Response replay = keyed(key, body).header(editor).post(AGREEMENTS);
        String answer = replay.asString() + replay.getHeaders();
        assertEquals(404, replay.statusCode(), answer);
        assertTrue(answer.contains("no longer there for you"), answer);
        assertTrue(!answer.contains(id) && !answer.contains(title), answer);
    }

    @Test
    void aKeyOnACreateUnderAParentReplaysToo() {
        // The milestone route's parameter patterns once made its scope too long to store: a 500.
        String agreement = createAgreement(agreement(createParty("KR")));
        String path = AGREEMENTS + "/" + agreement + "/milestones";
        Map<String, Object> milestone =
                Map.of("kind", "DELIVERY", "title", unique("Keyed delivery"), "due", "2027", "status", "PLANNED");
        String key = UUID.randomUUID().toString();
        Response first = keyed(key, milestone).post(path);
        first.then().statusCode(201);
        keyed(key, milestone)
                .post(path)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first.jsonPath().getString("id")));
    }

    @Test
    void theSameKeyWithAnotherBodyAnswers422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = party(unique("Idem Party"), "PE");
        given().header(IdempotentCreates.HEADER, key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201);
        assertProblem(
                given().header(IdempotentCreates.HEADER, key)
                        .contentType(ContentType.JSON)
                        .body(with(body, "name", unique("Other Party")))
                        .when()
                        .post("/api/v1/parties")
                        .then(),
                422,
                "/problems/unprocessable",
                "/api/v1/parties");
    }

    @Test
    void refusesKeysThatAreNotVisibleAscii() {
        // An empty header counts as none.
        for (String key : List.of("x".repeat(201), "clé", "a b", "tab\tkey")) {
            assertProblem(
                            given().header(IdempotentCreates.HEADER, key)
                                    .contentType(ContentType.JSON)
                                    .body(party(unique("Bad Key"), "KR"))
                                    .when()
                                    .post("/api/v1/parties")
                                    .then(),
                            400,
                            "/problems/invalid-request",
                            "/api/v1/parties")
                    .body("errors[0].field", equalTo(IdempotentCreates.HEADER));
        }
    }

    @Test
    void requestsRacingWithOneKeyCreateOnce() throws Exception {
        String party = createParty("KR");
        String system = unique("RACE").replace(' ', '-');
        Map<String, Object> body = with(agreement(party), "systems", List.of(system));
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(
                        () -> keyed(key, body).post(AGREEMENTS).then().extract().statusCode());
            }
            for (Future<Integer> status : pool.invokeAll(calls)) {
                int code = status.get();
                assertTrue(code == 201 || code == 409, "status " + code);
            }
        } finally {
            pool.shutdown();
        }
        given().queryParam("system", system).when().get(AGREEMENTS).then().body("total", equalTo(1));
        keyed(key, body).post(AGREEMENTS).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
    }
}
