package io.accords.api;

import static io.accords.support.Api.createParty;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.api.PrefilledOperations.Operation;
import io.accords.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Content negotiation as RFC 9110 has it, met by the Accept headers generated clients send: an answer without a body
 * ignores Accept, a refusal is a problem whatever JSON type was asked for, and a 406 or 415 names what this operation
 * offers.
 */
@QuarkusTest
class NegotiationTest {

    private static final String PARTIES = "/api/v1/parties/";

    @Test
    void aBodilessAnswerIgnoresAccept() {
        for (String accept : new String[] {Api.PROBLEM_JSON, "text/html", "application/xml"}) {
            String id = createParty("KR");
            // A client that sends a Content-Type with every request, as some do, has it ignored: there is no body.
            given().accept(accept)
                    .header("Content-Type", "text/html")
                    .header("If-Match", "\"0\"")
                    .when()
                    .delete(PARTIES + id)
                    .then()
                    .statusCode(204)
                    .body(emptyString());
        }
        String feed = given().contentType(ContentType.JSON)
                .body(Map.of("name", Api.unique("Feed")))
                .when()
                .post("/api/v1/calendar/feeds")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().accept(Api.PROBLEM_JSON)
                .when()
                .delete("/api/v1/calendar/feeds/" + feed)
                .then()
                .statusCode(204);
    }

    @Test
    void aReadIgnoresTheContentTypeOfTheBodyItHasNot() throws Exception {
        // Load tools (hey), some HTTP libraries and proxies send a Content-Type with every request; a read has no body
        // for it to describe, so it is answered as without one. Every read of the document, with its prefilled values.
        List<String> refused = new ArrayList<>();
        int reads = 0;
        for (Operation operation : PrefilledOperations.operations()) {
            if (operation.method().equals("get")) {
                reads++;
                Response answer = PrefilledOperations.send(operation, Map.of("Content-Type", "text/html"));
                if (answer.statusCode() >= 400) {
                    refused.add(operation.id() + " " + answer.statusCode() + " " + answer.asString());
                }
            }
        }
        assertTrue(reads > 30, "the document's reads were tried: " + reads);
        assertEquals(List.of(), refused, "reads refused for a Content-Type without a body");
    }

    @Test
    void aMalformedAcceptIsAnsweredAsAClientFaultOrIgnoredNeverAFailure() {
        String party = PARTIES + createParty("NO");
        for (String accept :
                new String[] {";;;", ";", ",", ",,", "application/json;;", "*/*;q=abc", "/", "a/b/c", "\u00e9/json"}) {
            Response answer = given().header("Accept", accept).when().get(party);
            int status = answer.statusCode();
            assertTrue(status == 200 || status == 400 || status == 406, "Accept '" + accept + "' answered " + status);
            if (status != 200) {
                assertEquals(Api.PROBLEM_JSON, answer.contentType().split(";")[0], "Accept '" + accept + "'");
            }
        }
    }

    @Test
    void whatAGeneratedClientAsksForIsAnswered() {
        // A generated client lists the operation's types and the problem type its refusals come in.
        given().accept("text/calendar, application/problem+json")
                .when()
                .get("/api/v1/calendar")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"));
        given().accept("application/x-ndjson, application/problem+json")
                .when()
                .get("/api/v1/agreements/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"));
        given().accept("text/vnd.graphviz, application/problem+json")
                .when()
                .get("/api/v1/agreements/" + "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5" + "/relations")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/vnd.graphviz"));
    }

    @Test
    void anEmptyExportSaysWhatItIs() {
        given().queryParam("format", "ndjson")
                .queryParam("system", "NO-SUCH-SYSTEM")
                .when()
                .get("/api/v1/agreements/export")
                .then()
                .statusCode(200)
                .contentType(startsWith("application/x-ndjson"))
                .body(emptyString());
    }

    @Test
    void aRefusalIsAProblemWhateverJsonTypeWasAskedFor() {
        for (String accept : new String[] {"application/json", Api.PROBLEM_JSON, "application/*+json"}) {
            assertProblem(
                    given().accept(accept)
                            .when()
                            .get(PARTIES + "00000000-0000-4000-8000-000000000000")
                            .then(),
                    404,
                    "/problems/not-found",
                    null);
        }
    }

    @Test
    void aClientAskingOnlyForProblemDetailsReadsTheOperationsAnswer() {
        // What the generated Python client sends when it picks the one JSON type an operation lists.
        given().accept(Api.PROBLEM_JSON)
                .when()
                .get("/api/v1/agreements/a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
        given().accept(Api.PROBLEM_JSON)
                .when()
                .get("/api/v1/calendar")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/calendar"));
        given().accept("application/merge-patch+json")
                .when()
                .get("/api/v1/parties/a9715a03-00b9-55c2-9eff-7f0f6beda9b3")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON);
    }

    @Test
    void a406NamesWhatThisOperationAnswersIn() {
        assertProblem(
                        given().accept("application/json")
                                .when()
                                .get("/api/v1/calendar")
                                .then(),
                        406,
                        "/problems/not-acceptable",
                        "/api/v1/calendar")
                .body("detail", containsString("it answers in text/calendar"));
        assertProblem(
                        given().accept("application/json")
                                .when()
                                .get("/api/v1/agreements/export")
                                .then(),
                        406,
                        "/problems/not-acceptable",
                        "/api/v1/agreements/export")
                .body("detail", containsString("text/csv or application/x-ndjson"));
    }

    @Test
    void a415NamesWhatThisOperationReads() {
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{}")
                                .when()
                                .post("/api/v1/imports")
                                .then(),
                        415,
                        "/problems/unsupported-media-type",
                        "/api/v1/imports")
                .body("detail", containsString("application/x-ndjson or text/csv"));
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body("{}")
                                .when()
                                .patch(PARTIES + "00000000-0000-4000-8000-000000000000")
                                .then(),
                        415,
                        "/problems/unsupported-media-type",
                        null)
                .body("detail", containsString("send application/merge-patch+json"));
    }
}
