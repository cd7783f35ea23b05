package io.accords.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code openapi/openapi.yaml} is the contract: it must equal what the service serves, and every
 * operation in it must be documented as README promises. Regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.write=true}.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");

    @Test
    void committedDocumentEqualsServedDocument() throws Exception {
        String served = given().accept("application/yaml")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(COMMITTED), COMMITTED + " is committed");
        assertEquals(
                Files.readString(COMMITTED, StandardCharsets.UTF_8),
                served,
                "openapi/openapi.yaml differs from /q/openapi; regenerate it: "
                        + "./mvnw test -Dtest=OpenApiContractTest -Dopenapi.write=true");
    }

    @Test
    void everyOperationIsFullyDocumented() throws Exception {
        JsonNode doc = PrefilledOperations.document();
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (PrefilledOperations.Operation operation : PrefilledOperations.operations(doc)) {
            JsonNode op = operation.spec();
            operations++;
            String name = operation.method().toUpperCase() + " " + operation.path();
            for (String field : List.of("summary", "description", "operationId")) {
                if (op.path(field).asText().isBlank()) {
                    missing.add(name + ": " + field);
                }
            }
            if (op.path("tags").isEmpty()) {
                missing.add(name + ": tag");
            }
            if (op.has("requestBody") && !hasExamples(op.path("requestBody").path("content"))) {
                missing.add(name + ": request example");
            }
            boolean successExample = false;
            boolean anyError = false;
            for (Iterator<Map.Entry<String, JsonNode>> responses =
                            op.path("responses").fields();
                    responses.hasNext(); ) {
                Map.Entry<String, JsonNode> response = responses.next();
                int status = Integer.parseInt(response.getKey());
                if (status >= 400) {
                    anyError = true;
                    // A problem every operation answers alike is one shared response (components/responses).
                    JsonNode given = response.getValue();
                    JsonNode problem = given.has("$ref")
                            ? doc.at(given.path("$ref").asText().substring(1))
                            : given;
                    JsonNode content = problem.path("content");
                    // What security.RateLimits sends on every client error, and Retry-After with a 429 or 503.
                    List<String> headers = new ArrayList<>();
                    problem.path("headers").fieldNames().forEachRemaining(headers::add);
                    List<String> expected = new ArrayList<>(List.of("Access-Control-Allow-Origin"));
                    if (status < 500) {
                        expected.addAll(List.of("RateLimit-Policy", "RateLimit"));
                    }
                    if (status == 429 || status == 503) {
                        expected.add("Retry-After");
                    }
                    if (!headers.containsAll(expected)) {
                        missing.add(name + ": " + status + " headers " + expected + ", has " + headers);
                    }
                    if (!content.has("application/problem+json") || content.size() != 1) {
                        missing.add(name + ": " + status + " as application/problem+json only");
                    } else if (!hasExamples(content)) {
                        missing.add(name + ": " + status + " example");
                    }
                } else if (status == 204 || hasExamples(response.getValue().path("content"))) {
                    successExample = true;
                    for (JsonNode media : response.getValue().path("content")) {
                        JsonNode schema = media.path("schema");
                        if (!schema.has("$ref") && !schema.has("type")) {
                            missing.add(name + ": " + status + " schema (a generated client gets nothing back)");
                        }
                    }
                }
            }
            if (!successExample) {
                missing.add(name + ": success response example");
            }
            if (!anyError) {
                missing.add(name + ": error responses");
            }
        }
        assertTrue(operations >= 11, "all operations are in the document, found " + operations);
        assertEquals(List.of(), missing);
    }

    /**
     * What Swagger UI prefills asks for answers a person reads: at most 20 items a page (a page of 100 changes took the
     * browser walk 16-22 s to show, one of 20 3-10 s), and a stream of one second rather than several.
     */
    @Test
    void prefilledValuesAskForSmallAnswers() throws Exception {
        JsonNode doc = PrefilledOperations.document();
        List<String> large = new ArrayList<>();
        int counted = 0;
        for (PrefilledOperations.Operation operation : PrefilledOperations.operations(doc)) {
            for (JsonNode parameter : operation.spec().path("parameters")) {
                String name = parameter.path("name").asText();
                int most = switch (name) {
                    case "size", "limit" -> 20;
                    case "maxSeconds" -> 1;
                    default -> -1;
                };
                if (most < 0 || !parameter.path("in").asText().equals("query")) {
                    continue;
                }
                counted++;
                if (!parameter.has("example") || parameter.path("example").asInt() > most) {
                    large.add(operation.method().toUpperCase() + " " + operation.path() + " " + name + "="
                            + parameter.path("example").asText("(none)") + ", at most " + most);
                }
            }
        }
        assertTrue(counted >= 3, "the sizes of lists, changes and the stream are in the document: " + counted);
        assertEquals(List.of(), large);
    }

    @Test
    void generatedClientsGetTypedBodiesAndTheServingInstanceAsServer() throws Exception {
        JsonNode doc = PrefilledOperations.document();
        assertEquals("/", doc.path("servers").path(0).path("url").asText(), "the instance serving the document");
        assertEquals(false, doc.path("servers").path(0).path("x-internal").asBoolean(true), "for outside callers");
        for (String path : List.of("/api/v1/agreements/{id}", "/api/v1/parties/{id}")) {
            String ref = doc.path("paths")
                    .path(path)
                    .path("patch")
                    .path("requestBody")
                    .path("content")
                    .path("application/merge-patch+json")
                    .path("schema")
                    .path("$ref")
                    .asText();
            assertTrue(ref.endsWith("Patch"), path + " PATCH body has its own schema: " + ref);
            JsonNode patch = doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
            assertTrue(patch.path("properties").has("classification") && !patch.has("required"), patch.toString());
        }
        assertFalse(doc.path("components").path("schemas").has("JsonNode"), "no schema is Jackson's JsonNode");
        assertEquals(
                "object",
                doc.path("components")
                        .path("schemas")
                        .path("Revision")
                        .path("properties")
                        .path("record")
                        .path("type")
                        .asText());
    }

    @Test
    void writeOperationsDocumentTheirConflictsAndPreconditions() throws Exception {
        JsonNode paths = PrefilledOperations.document().path("paths");
        JsonNode replace = paths.path("/api/v1/agreements/{id}").path("put").path("responses");
        for (String status : List.of("400", "404", "412", "413", "415", "500")) {
            assertTrue(replace.has(status), "replaceAgreement documents " + status);
        }
        assertTrue(paths.path("/api/v1/parties/{id}")
                .path("delete")
                .path("responses")
                .has("409"));
        assertTrue(paths.path("/api/v1/parties").path("post").path("responses").has("409"));
        assertFalse(
                paths.path("/api/v1/agreements").path("get").path("responses").has("412"));
    }

    /**
     * Contract tests generated from the document (Portman, Dredd) call each GET with its path parameters' examples:
     * every one names a record of the seeded registry, so each such GET answers 200 (an import job's and a calendar
     * feed's, the example job and feed made with the seed records, which an admin reads; the feed's address, with its
     * secret, to anyone).
     */
    @Test
    void everyPathParameterExampleNamesASeededRecord() throws Exception {
        JsonNode paths = PrefilledOperations.document().path("paths");
        List<String> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().path("get");
            String url = path.getKey();
            boolean any = false;
            for (JsonNode parameter : get.path("parameters")) {
                if (parameter.path("in").asText().equals("path")) {
                    assertTrue(parameter.has("example"), url + " documents an example for " + parameter.path("name"));
                    url = url.replace(
                            "{" + parameter.path("name").asText() + "}",
                            parameter.path("example").asText());
                    any = true;
                }
            }
            if (!any) {
                continue;
            }
            boolean needsQuery = false;
            for (JsonNode parameter : get.path("parameters")) {
                needsQuery |= parameter.path("in").asText().equals("query")
                        && parameter.path("required").asBoolean();
            }
            if (needsQuery) {
                continue;
            }
            assertEquals(200, given().when().get(url).statusCode(), url);
            read.add(url);
        }
        assertTrue(read.size() >= 10, "every GET by id was tried: " + read);
    }

    @Test
    void aPropertyThatRefersToAComponentSaysNoTypeBesideItAndANullableOneSaysOrNull() throws Exception {
        JsonNode schemas = PrefilledOperations.document().path("components").path("schemas");
        List<String> typed = new ArrayList<>();
        schemas.fields()
                .forEachRemaining(schema -> schema.getValue()
                        .path("properties")
                        .fields()
                        .forEachRemaining(property -> {
                            if (property.getValue().has("$ref")
                                    && property.getValue().has("type")) {
                                typed.add(schema.getKey() + "." + property.getKey());
                            }
                        }));
        assertTrue(
                typed.isEmpty(), "a type beside $ref, which generators drop and which narrows the reference: " + typed);
        JsonNode status = schemas.path("AgreementPatch").path("properties").path("status");
        assertEquals(
                "#/components/schemas/AgreementStatus",
                status.path("anyOf").path(0).path("$ref").asText());
        assertEquals("null", status.path("anyOf").path(1).path("type").asText(), "a patch may remove it: " + status);
        assertEquals(
                "2025",
                schemas.path("AgreementInput")
                        .path("properties")
                        .path("effective")
                        .path("examples")
                        .path(0)
                        .asText());
        assertTrue(
                schemas.path("AgreementInput")
                        .path("properties")
                        .path("effective")
                        .path("examples")
                        .path(0)
                        .isTextual(),
                "a year example of a partial date is text");
    }

    @Test
    void swaggerUiIsServed() {
        given().when()
                .get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("text/html"));
    }

    private static boolean hasExamples(JsonNode content) {
        if (content.isMissingNode() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            if (!media.has("examples") && !media.has("example")) {
                return false;
            }
        }
        return true;
    }
}
