package io.accords.api;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.accords.support.Problems.assertInvalidField;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Management;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The HTTP edge as any client meets it: headers, methods, parameters and bodies the happy paths never send. */
@QuarkusTest
class HttpEdgeTest {

    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    /** Sends raw bytes, as an HTTP/1.0 client or a hand-written one would, and reads the whole answer. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRequestWithoutHostIsRefusedAndWritesNothing() throws Exception {
        String name = unique("Hostless");
        String body = new ObjectMapper().writeValueAsString(party(name, "KR"));
        String answer = raw("POST /api/v1/parties HTTP/1.0\r\nAuthorization: " + Tokens.defaultAuthorization()
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
        assertTrue(answer.startsWith("HTTP/1.0 400") || answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("Host"), answer);
        // HTTP/1.1 requires Host: its absence gets the same problem.
        String http11 = raw("GET /api/v1/parties HTTP/1.1\r\nAuthorization: " + Tokens.defaultAuthorization()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(http11.startsWith("HTTP/1.1 400"), http11);
        assertTrue(http11.contains("application/problem+json") && http11.contains("Send a Host header"), http11);
        // Not written: the same name is free.
        given().contentType(ContentType.JSON)
                .body(party(name, "KR"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201);
    }

    @Test
    void anEmptyHostAnOddTransferEncodingAndABodyWithoutTypeAreRefusedAndWriteNothing() throws Exception {
        String name = unique("Edgeless");
        String body = new ObjectMapper().writeValueAsString(party(name, "KR"));
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        String emptyHost = raw("POST /api/v1/parties HTTP/1.1\r\nHost: \r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nContent-Type: application/json\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(emptyHost.startsWith("HTTP/1.1 400"), emptyHost);
        assertTrue(emptyHost.contains("application/problem+json") && emptyHost.contains("Host"), emptyHost);
        String oddEncoding = raw("POST /api/v1/parties HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nContent-Type: application/json\r\nContent-Length: " + length
                + "\r\nTransfer-Encoding: xchunked\r\nConnection: close\r\n\r\n" + body);
        assertTrue(oddEncoding.startsWith("HTTP/1.1 400"), oddEncoding);
        String untyped = raw("POST /api/v1/parties HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nContent-Length: " + length
                + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(untyped.startsWith("HTTP/1.1 415"), untyped);
        assertTrue(untyped.contains("application/problem+json") && untyped.contains("no Content-Type"), untyped);
        // None of them wrote the party: the name is free.
        given().contentType(ContentType.JSON)
                .body(party(name, "KR"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201);
    }

    @Test
    void locationAndLinksNeverEchoTheHostAClientSent() throws Exception {
        String body = new ObjectMapper().writeValueAsString(party(unique("Hosted"), "KR"));
        String created = raw("POST /api/v1/parties HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);
        assertTrue(created.startsWith("HTTP/1.1 201"), created);
        assertTrue(created.matches("(?s).*\r\nLocation: /api/v1/parties/[0-9a-f-]{36}\r\n.*"), created);
        String page = raw("GET /api/v1/parties?size=1 HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nConnection: close\r\n\r\n");
        assertTrue(page.startsWith("HTTP/1.1 200"), page);
        assertTrue(page.contains("</api/v1/parties?size=1&page=2>; rel=\"next\""), page);
        String sync = raw("GET /api/v1/agreements/sync?size=1 HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nConnection: close\r\n\r\n");
        assertTrue(sync.startsWith("HTTP/1.1 200"), sync);
        assertTrue(sync.contains("Link: </api/v1/agreements/sync?size=1&cursor="), sync);
        for (String answer : List.of(created, page, sync)) {
            assertFalse(answer.contains("evil.example"), answer);
        }
    }

    @Test
    void optionsListsTheMethodsAPathAnswersAndNoOther() {
        given().when().options(AGREEMENTS + "/facets").then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS");
        given().when()
                .options(AGREEMENTS + "/" + UUID.randomUUID())
                .then()
                .statusCode(204)
                .header("Allow", "DELETE, GET, HEAD, OPTIONS, PATCH, PUT");
        given().when().options(AGREEMENTS).then().statusCode(204).header("Allow", "GET, HEAD, OPTIONS, POST");
        assertProblem(given().when().options("/api/v1/nothing-here").then(), 404, "/problems/not-found", null);
    }

    @Test
    void twoAuthorizationHeadersAreRefused() throws Exception {
        String answer = raw("GET /api/v1/parties HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                + Tokens.defaultAuthorization() + "\r\nAuthorization: " + "Bearer " + Tokens.cached("reader", "PUBLIC")
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("one Authorization header"), answer);
    }

    @Test
    void apiAnswersAreNeverCachedNorSniffed() {
        for (var response : List.of(
                given().when().get(AGREEMENTS + "?size=1").then().statusCode(200),
                given().when().get(AGREEMENTS + "/" + UUID.randomUUID()).then().statusCode(404),
                given().header(Tokens.NONE).when().get(AGREEMENTS).then().statusCode(401))) {
            response.header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff");
        }
    }

    @Test
    void csvCellsThatWouldBeFormulasAreNeutralisedAndNdjsonIsUnchanged() {
        String tag = unique("csv").replace(" ", "-");
        String title = "=HYPERLINK(\"https://evil.example\",\"click\") " + tag;
        Map<String, Object> body = with(with(agreement(createParty("KR")), "title", title), "tags", List.of(tag));
        body.put("summary", "+cmd|' /C calc'!A0");
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(201);
        String csv = given().queryParam("q", tag)
                .queryParam("format", "csv")
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\") " + tag + "\""), csv);
        assertTrue(csv.contains("'+cmd|"), csv);
        assertFalse(csv.contains(",=HYPERLINK") || csv.contains(",\"=HYPERLINK") || csv.contains(",+cmd"), csv);
        assertTrue(csv.lines().findFirst().orElseThrow().contains("classification"), "CSV has a classification column");
        given().queryParam("q", tag)
                .queryParam("format", "ndjson")
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .body(containsString("\"title\":\"=HYPERLINK("));
    }

    @Test
    void malformedJsonIsExplainedWithoutTheParsersInternals() {
        for (String body : List.of(
                "{\"title\": " + "9".repeat(1200) + "}",
                "{\"title\": NaN}",
                "{/* comment */ \"title\": \"x\"}",
                "{\"title\": 'single'}",
                "[".repeat(2000))) {
            String detail = given().contentType(ContentType.JSON)
                    .body(body)
                    .when()
                    .post(AGREEMENTS)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .extract()
                    .path("detail");
            for (String internal : List.of(
                    "`", "StreamReadConstraints", "JsonReadFeature", "Feature", "()", "com.fasterxml", "java.")) {
                assertFalse(detail.contains(internal), "'" + internal + "' in: " + detail);
            }
        }
    }

    @Test
    void sortTakesAtMostFiveKeysHoweverTheyAreSent() {
        assertInvalidField(
                        given().queryParam("sort", "title,type,status,signed,effective,expires")
                                .when()
                                .get(AGREEMENTS)
                                .then(),
                        AGREEMENTS,
                        "sort")
                .body("errors[0].message", containsString("at most 5"));
        given().queryParam("sort", "title,type,status,signed,effective")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200);
    }

    @Test
    void anUnknownQueryParameterIsRefusedByName() {
        assertInvalidField(
                        given().queryParam("sectr", "NAVAL")
                                .when()
                                .get(AGREEMENTS)
                                .then(),
                        AGREEMENTS,
                        "sectr")
                .body("errors[0].message", containsString("sector"));
        String party = createParty("KR");
        String path = "/api/v1/parties/" + party;
        assertInvalidField(
                given().queryParam("verbose", "true").when().get(path).then(), path, "verbose");
    }

    /** The limits the OpenAPI document gives every query parameter (maxLength 512, maxItems 20) are the ones held. */
    @Test
    void everyQueryParameterIsHeldToTheDocumentedLengthAndRepeats() {
        String history = "/api/v1/parties/" + createParty("KR") + "/history";
        assertInvalidField(
                        given().queryParam("sort", "a".repeat(513))
                                .when()
                                .get(history)
                                .then(),
                        history,
                        "sort")
                .body("errors[0].message", containsString("at most 512 characters"));
        given().queryParam("sort", "-version").when().get(history).then().statusCode(200);
        assertInvalidField(
                        given().queryParam("cursor", "x".repeat(513))
                                .when()
                                .get(AGREEMENTS + "/sync")
                                .then(),
                        AGREEMENTS + "/sync",
                        "cursor")
                .body("errors[0].message", containsString("at most 512 characters"));
        assertInvalidField(
                        given().queryParam("sector", java.util.Collections.nCopies(21, "NAVAL"))
                                .when()
                                .get(AGREEMENTS)
                                .then(),
                        AGREEMENTS,
                        "sector")
                .body("errors[0].message", containsString("at most 20 values"));
    }

    @Test
    void ifMatchMatchesWhenAnyListedTagDoesAndSaysToQuoteABareNumber() {
        String id = createAgreement();
        String path = AGREEMENTS + "/" + id;
        given().header("If-Match", "\"5\", \"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"IN_FORCE\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .body("version", equalTo(1));
        assertProblem(
                        given().header("If-Match", "1")
                                .contentType("application/merge-patch+json")
                                .body("{\"status\": \"SIGNED\"}")
                                .when()
                                .patch(path)
                                .then(),
                        412,
                        "/problems/precondition-failed",
                        path)
                .body("detail", containsString("If-Match: \"1\""));
    }

    @Test
    void anEmptyMergePatchChangesNothingAndWritesNoRevision() {
        String id = createAgreement();
        String party = createParty("PE");
        for (String path : List.of(AGREEMENTS + "/" + id, "/api/v1/parties/" + party)) {
            given().header("If-Match", "\"0\"")
                    .contentType("application/merge-patch+json")
                    .body("{}")
                    .when()
                    .patch(path)
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"0\"")
                    .body("version", equalTo(0));
            given().when().get(path + "/history").then().statusCode(200).body("total", equalTo(1));
        }
    }

    @Test
    void aPatchSentAsPlainJsonIsToldWhichTypeToSend() {
        String path = AGREEMENTS + "/" + createAgreement();
        String detail = assertProblem(
                        given().header("If-Match", "\"0\"")
                                .contentType(ContentType.JSON)
                                .body("{\"status\": \"IN_FORCE\"}")
                                .when()
                                .patch(path)
                                .then(),
                        415,
                        "/problems/unsupported-media-type",
                        path)
                .extract()
                .path("detail");
        assertTrue(
                detail.contains("send application/merge-patch+json") && !detail.contains("send application/json"),
                detail);
    }

    @Test
    void everyPathAnswers405WithTheMethodsItHasInAllow() {
        JsonNode paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class)
                .path("paths");
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            String url = path.getKey()
                    .replace("{id}", UUID.randomUUID().toString())
                    .replace("{agreementId}", UUID.randomUUID().toString())
                    .replace("{version}", "0")
                    .replace("{secret}", io.accords.http.secrets.Secrets.mint());
            TreeSet<String> has = new TreeSet<>();
            path.getValue().fieldNames().forEachRemaining(m -> has.add(m.toUpperCase()));
            has.retainAll(METHODS);
            List<String> missing = new ArrayList<>(METHODS);
            missing.removeAll(has);
            for (String method : missing) {
                assertProblem(
                                given().contentType(ContentType.JSON)
                                        .body("{}")
                                        .when()
                                        .request(method, url)
                                        .then(),
                                405,
                                "/problems/method-not-allowed",
                                // a calendar feed's secret is never echoed, not even to whoever sent it
                                io.accords.http.secrets.Secrets.redact(url))
                        .header("Allow", String.join(", ", has));
                checked++;
            }
        }
        assertTrue(checked >= 20, "checked " + checked + " method/path pairs");
        assertProblem(
                        given().when().delete(AGREEMENTS + "/facets").then(),
                        405,
                        "/problems/method-not-allowed",
                        AGREEMENTS + "/facets")
                .header("Allow", "GET");
    }

    @Test
    void pathsThatMatchNoRouteShareOneMetricsTag() {
        List<String> junk = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String path = "/api/v1/junk-" + UUID.randomUUID();
            junk.add(path);
            given().header(Tokens.NONE).when().get(path).then().statusCode(401);
        }
        String metrics = Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        junk.forEach(path -> assertFalse(metrics.contains(path), path + " became a metrics tag"));
        assertTrue(metrics.contains("uri=\"/api/{unmatched}\""), "unmatched paths share one tag");
        given().when().get(AGREEMENTS + "/{id}", UUID.randomUUID()).then().statusCode(404);
        assertTrue(
                Management.given()
                        .when()
                        .get("/q/metrics")
                        .then()
                        .extract()
                        .asString()
                        .contains("status=\"404\",uri=\"/api/v1/agreements/{id}\""),
                "matched routes keep their template");
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        long now = System.currentTimeMillis() / 1000;
        String token = Tokens.sign(
                Tokens.claims("admin", "CONFIDENTIAL").issuedAt(now + 3600).expiresAt(now + 7200));
        assertProblem(
                given().header("Authorization", "Bearer " + token)
                        .when()
                        .get(AGREEMENTS)
                        .then(),
                401,
                "/problems/unauthorized",
                AGREEMENTS);
        long skewed = now + 10;
        given().header(
                        "Authorization",
                        "Bearer "
                                + Tokens.sign(Tokens.claims("admin", "CONFIDENTIAL")
                                        .issuedAt(skewed)
                                        .expiresAt(skewed + 600)))
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200);
    }
}
