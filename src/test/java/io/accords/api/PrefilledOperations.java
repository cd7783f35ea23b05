package io.accords.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Api;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The served document's operations as Swagger UI offers them, and what it sends for one after "Try it out" and
 * "Execute" with nothing changed: shared by the walk in Chromium ({@link SwaggerUiBrowserTest}), the same walk sent
 * without a browser ({@link PrefilledExamplesTest}), which runs on every database in the fast suite, and the checks of
 * what each operation documents ({@link OpenApiContractTest}).
 */
final class PrefilledOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ORDER = List.of("get", "post", "put", "patch", "delete");
    /** An answer that names a record (its id) or counts some. */
    private static final Pattern RECORDS = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}" + "|\"total\"\\s*:\\s*[1-9]");

    private static final Pattern LAST_ID = Pattern.compile("/\\{(\\w+)}$");

    record Operation(String method, String path, String tag, String id, JsonNode spec) {

        /**
         * Whether its answer must show records: a get of a list or of a part of a record does; a get of one record by
         * its id need not name it, the comparison of two versions may not (a seed record has one version, which its
         * example compares with itself), nor the list of the caller's own calendar feeds before it made one.
         */
        boolean showsRecords() {
            return method.equals("get")
                    && !LAST_ID.matcher(path).find()
                    && !path.endsWith("/history/diff")
                    && !path.equals("/api/v1/calendar/feeds");
        }

        /** Whether an answer's body shows records ({@link #showsRecords}). */
        static boolean recordsIn(String body) {
            return RECORDS.matcher(body).find();
        }
    }

    private PrefilledOperations() {}

    /** The operations of the served document in the walk's order: reads, then creates, replaces, patches and deletes. */
    static List<Operation> operations() throws Exception {
        List<Operation> operations = new ArrayList<>(operations(document()));
        // Reads, then creates, replaces, patches and deletes (the second pass the other way round).
        operations.sort(Comparator.comparingInt(o -> ORDER.indexOf(o.method)));
        return operations;
    }

    /** A document's operations, path by path in its order. */
    static List<Operation> operations(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (String method : ORDER) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    operations.add(new Operation(
                            method,
                            path.getKey(),
                            op.path("tags").path(0).asText(),
                            op.path("operationId").asText(),
                            op));
                }
            }
        }
        return operations;
    }

    /** The served document, as JSON. */
    static JsonNode document() throws Exception {
        return JSON.readTree(given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    /** Every record of {@code before} ({@link #records}) is there still, at the version it had. */
    static void assertUnchangedSince(Map<String, Long> before) {
        Map<String, Long> after = records();
        for (Map.Entry<String, Long> record : before.entrySet()) {
            assertEquals(
                    record.getValue(),
                    after.get(record.getKey()),
                    record.getKey() + " is at the version it had before the walk (null: gone)");
        }
    }

    /**
     * The request Swagger UI sends for an operation with its prefilled values: each parameter's example (else its
     * schema's example, else its schema's default; none, and it is left out, as Swagger UI leaves it empty), arrays as
     * repeated query parameters, the first body example in the first media type (a text example as it stands), and
     * the first media type of its success answer as {@code Accept}. The default token goes with it (an admin cleared
     * CONFIDENTIAL, as the walk authorizes).
     */
    static Response send(Operation operation) {
        return send(operation, Map.of());
    }

    /** As {@link #send(Operation)}, with these headers besides. */
    static Response send(Operation operation, Map<String, String> headers) {
        RequestSpecification request = given().config(RestAssured.config()
                .encoderConfig(EncoderConfig.encoderConfig()
                        .defaultContentCharset("UTF-8")
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)));
        String url = operation.path();
        for (JsonNode parameter : operation.spec().path("parameters")) {
            JsonNode value = prefilled(parameter);
            if (value == null) {
                continue;
            }
            String name = parameter.path("name").asText();
            switch (parameter.path("in").asText()) {
                case "path" -> url = url.replace("{" + name + "}", value.asText());
                case "header" -> request.header(name, value.asText());
                case "query" -> {
                    List<String> values = new ArrayList<>();
                    if (value.isArray()) {
                        value.forEach(item -> values.add(item.asText()));
                    } else {
                        values.add(value.asText());
                    }
                    request.queryParam(name, values);
                }
                default -> throw new IllegalStateException("a parameter in " + parameter.path("in"));
            }
        }
        JsonNode content = operation.spec().path("requestBody").path("content");
        if (content.fieldNames().hasNext()) {
            String type = content.fieldNames().next();
            JsonNode example =
                    content.path(type).path("examples").elements().next().path("value");
            request.contentType(type)
                    .body((example.isTextual() ? example.asText() : example.toString())
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        request.accept(accepted(operation.spec()));
        request.headers(headers);
        return request.request(operation.method().toUpperCase(java.util.Locale.ROOT), url);
    }

    /** What Swagger UI prefills a parameter with, or null. */
    private static JsonNode prefilled(JsonNode parameter) {
        for (JsonNode candidate : List.of(
                parameter.path("example"),
                parameter.path("schema").path("example"),
                parameter.path("schema").path("default"))) {
            if (!candidate.isMissingNode() && !candidate.isNull()) {
                return candidate;
            }
        }
        return null;
    }

    /** The first media type of the operation's first success answer, as Swagger UI's response selector shows it. */
    private static String accepted(JsonNode operation) {
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        operation.path("responses").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            Iterator<String> types = response.getValue().path("content").fieldNames();
            if (response.getKey().startsWith("2") && types.hasNext()) {
                return types.next();
            }
        }
        return "*/*";
    }

    /**
     * Every record there is, by kind and id, with its version: agreements from the export, the other kinds from their
     * lists, page by page.
     */
    static Map<String, Long> records() {
        Map<String, Long> versions = new HashMap<>();
        String ndjson = Api.export("ndjson", Map.of());
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                io.restassured.path.json.JsonPath agreement = new io.restassured.path.json.JsonPath(line);
                versions.put("agreement " + agreement.getString("id"), agreement.getLong("version"));
            }
        }
        for (String kind : List.of("parties", "occasions", "programmes", "milestones")) {
            for (int page = 1; ; page++) {
                io.restassured.path.json.JsonPath answer = given().queryParam("size", 100)
                        .queryParam("page", page)
                        .when()
                        .get("/api/v1/" + kind)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath();
                List<Map<String, Object>> items = answer.getList("items");
                for (Map<String, Object> item : items) {
                    versions.put(kind + " " + item.get("id"), ((Number) item.get("version")).longValue());
                }
                if (page >= answer.getInt("totalPages")) {
                    break;
                }
            }
        }
        return versions;
    }
}
