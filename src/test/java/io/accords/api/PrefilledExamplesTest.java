package io.accords.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.api.PrefilledOperations.Operation;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The document's prefilled values, sent as Swagger UI sends them, without a browser. Every operation answers 2xx twice
 * over, the second time in the opposite order, and no record there was before (the seed records among them) changes or
 * goes: the walk SwaggerUiBrowserTest makes in Chromium, held in the fast suite on every database, with each answer
 * checked against the contract on the way (the browser's answers are not). The prefilled changes and deletes each
 * leave their record as it was, since they name the example records made for them (ExampleRecords) and never a seed
 * record.
 */
@QuarkusTest
class PrefilledExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyOperationAnswers2xxTwiceWithItsPrefilledValuesAndNoRecordChanges() throws Exception {
        Map<String, Long> before = PrefilledOperations.records();
        List<Operation> operations = PrefilledOperations.operations();
        List<String> outcomes = new ArrayList<>();
        for (int pass = 1; pass <= 2; pass++) {
            List<Operation> order = new ArrayList<>(operations);
            if (pass == 2) {
                Collections.reverse(order);
            }
            for (Operation operation : order) {
                Response answer = PrefilledOperations.send(operation);
                String body = answer.asString();
                assertTrue(
                        answer.statusCode() >= 200 && answer.statusCode() < 300,
                        operation.id() + " answered " + answer.statusCode() + " with the prefilled values (pass " + pass
                                + "):\n" + body);
                if (operation.showsRecords()) {
                    assertTrue(Operation.recordsIn(body), operation.id() + " found records: " + body);
                }
                outcomes.add(operation.id() + " " + answer.statusCode());
            }
        }
        assertTrue(operations.size() > 60, "the document's operations were walked: " + outcomes);
        PrefilledOperations.assertUnchangedSince(before);
    }

    @Test
    void everyPrefilledChangeAndDeleteAnswers2xxTwiceAndChangesNothing() throws Exception {
        JsonNode paths = PrefilledOperations.document().path("paths");
        List<String> tried = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : List.of("put", "patch", "delete")) {
                JsonNode operation = path.getValue().path(method);
                // A record's writes (those of whatever keeps a history); feeds and subscriptions have their own tests.
                if (operation.isMissingNode() || !paths.has(path.getKey() + "/history")) {
                    continue;
                }
                String url = path.getKey();
                for (JsonNode parameter : operation.path("parameters")) {
                    if (parameter.path("in").asText().equals("path")) {
                        url = url.replace(
                                "{" + parameter.path("name").asText() + "}",
                                parameter.path("example").asText());
                    }
                }
                String record = url;
                long before = version(record, method);
                for (int time = 1; time <= 2; time++) {
                    Response answer = prefilled(operation).request(method.toUpperCase(), url);
                    assertTrue(
                            answer.statusCode() >= 200 && answer.statusCode() < 300,
                            method + " " + url + " (time " + time + ") answered " + answer.statusCode() + ": "
                                    + answer.asString());
                }
                assertEquals(before, version(record, method), method + " " + url + " left its record as it was");
                tried.add(method + " " + url);
            }
        }
        assertEquals(15, tried.size(), "a replace, a patch and a delete of each of five kinds: " + tried);
    }

    @Test
    void aDeleteRepeatedAnswers204OnlyToAnAdminWithTheVersionItWentAt() {
        String gone = "/api/v1/agreements/" + io.accords.record.ExampleRecords.deleted("agreement");
        given().header("If-Match", "\"0\"").when().delete(gone).then().statusCode(204);
        // An editor cleared for it learns only what an unknown id tells; an admin, whose reach includes deleted
        // records, gets the first answer again.
        io.accords.support.Problems.assertNotFoundFor(Tokens.bearer("editor", "CONFIDENTIAL"), gone);
        given().header(Tokens.bearer("editor", "CONFIDENTIAL"))
                .header("If-Match", "\"0\"")
                .when()
                .delete(gone)
                .then()
                .statusCode(404);
        given().header(Tokens.bearer("admin", "PUBLIC"))
                .header("If-Match", "\"0\"")
                .when()
                .delete(gone)
                .then()
                .statusCode(204);
        given().header("If-Match", "\"1\"").when().delete(gone).then().statusCode(404);
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/agreements/" + java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
    }

    /** The record's version now; for a delete's record, which is gone, -1 (and its history an admin reads). */
    private static long version(String url, String method) {
        if (method.equals("delete")) {
            given().when().get(url).then().statusCode(404);
            given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                    .when()
                    .get(url + "/history")
                    .then()
                    .statusCode(200);
            return -1;
        }
        return given().when()
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    /** The request Swagger UI prefills for an operation: its header examples and its first body example. */
    private static RequestSpecification prefilled(JsonNode operation) throws Exception {
        RequestSpecification request = given();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("header") && parameter.has("example")) {
                request.header(
                        parameter.path("name").asText(),
                        parameter.path("example").asText());
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (content.fieldNames().hasNext()) {
            String type = content.fieldNames().next();
            JsonNode example =
                    content.path(type).path("examples").elements().next().path("value");
            request.contentType(type).body(JSON.writeValueAsString(example));
        }
        return request;
    }
}
