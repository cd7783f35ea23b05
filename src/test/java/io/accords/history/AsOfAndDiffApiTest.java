package io.accords.history;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A record read as it stood at a past instant, from its history, and the JSON Patch between two of its versions; both
 * as the caller may see them.
 */
@QuarkusTest
class AsOfAndDiffApiTest {

    private static void patch(String id, long version, String body) {
        given().header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json")
                .body(body)
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200);
    }

    /** When each version was written, oldest first, from the history listing. */
    private static List<Instant> times(String id) {
        List<String> at = given().when()
                .get("/api/v1/agreements/" + id + "/history")
                .then()
                .statusCode(200)
                .extract()
                .path("items.at");
        return at.stream().map(Instant::parse).sorted().toList();
    }

    @Test
    void anAgreementIsReadAsItStoodAtAnyInstant() {
        String id = createAgreement(agreement(createParty("KR")));
        patch(id, 0, "{\"status\": \"IN_FORCE\", \"effective\": \"2025-01\"}");
        List<Instant> at = times(id);
        given().queryParam("asOf", at.get(0).toString())
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .header("ETag", nullValue())
                .body("version", equalTo(0))
                .body("status", equalTo("SIGNED"));
        given().queryParam("asOf", at.get(1).plusMillis(1).toString())
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("status", equalTo("IN_FORCE"));
        given().queryParam("asOf", at.get(0).minusSeconds(1).toString())
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("existed at"));
        given().queryParam("asOf", "yesterday")
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("asOf"));
    }

    @Test
    void aPartyIsReadAsItStoodToo() {
        String party = createParty("PE");
        String before =
                given().when().get("/api/v1/parties/" + party).then().extract().path("name");
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body(Map.of("name", before + " renamed"))
                .when()
                .patch("/api/v1/parties/" + party)
                .then()
                .statusCode(200);
        given().queryParam("asOf", Instant.now().plusSeconds(60).toString())
                .when()
                .get("/api/v1/parties/" + party)
                .then()
                .statusCode(200)
                .body("name", equalTo(before + " renamed"));
        String created = given().when()
                .get("/api/v1/parties/" + party + "/history")
                .then()
                .extract()
                .path("items.find { it.version == 0 }.at");
        given().queryParam("asOf", created)
                .when()
                .get("/api/v1/parties/" + party)
                .then()
                .statusCode(200)
                .body("name", equalTo(before));
    }

    @Test
    void theChangesBetweenVersionsAreAJsonPatch() {
        String id = createAgreement(agreement(createParty("KR")));
        patch(id, 0, "{\"status\": \"IN_FORCE\"}");
        given().when()
                .get("/api/v1/agreements/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.find { it.version == 1 }.diff", equalTo("/api/v1/agreements/" + id + "/history/1/diff"));
        given().when()
                .get("/api/v1/agreements/" + id + "/history/1/diff")
                .then()
                .statusCode(200)
                .body("from", equalTo(0))
                .body("to", equalTo(1))
                .body("patch.find { it.path == '/status' }.op", equalTo("replace"))
                .body("patch.find { it.path == '/status' }.value", equalTo("IN_FORCE"))
                .body("patch.find { it.path == '/version' }.value", equalTo(1));
        given().when()
                .get("/api/v1/agreements/" + id + "/history/0/diff")
                .then()
                .statusCode(200)
                .body("from", nullValue())
                .body("patch.find { it.path == '/title' }.op", equalTo("add"));
        given().queryParam("from", 1)
                .queryParam("to", 0)
                .when()
                .get("/api/v1/agreements/" + id + "/history/diff")
                .then()
                .statusCode(200)
                .body("patch.find { it.path == '/status' }.value", equalTo("SIGNED"));
        given().when()
                .get("/api/v1/agreements/" + id + "/history/7/diff")
                .then()
                .statusCode(404);
        given().queryParam("from", "first")
                .when()
                .get("/api/v1/agreements/" + id + "/history/diff")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("from"))
                .body("errors.field", hasItem("to"));
    }

    @Test
    void aRaiseRecallsEveryEarlierVersionAndAHiddenRecordAnswersAsAnUnknownOne() {
        String id = createAgreement(agreement(createParty("KR")));
        patch(id, 0, "{\"classification\": \"CONFIDENTIAL\"}");
        List<Instant> at = times(id);
        Header reader = Tokens.bearer("reader", "PUBLIC");
        String unknown = UUID.randomUUID().toString();
        // Its public version, its history and its diffs alike: raised, the record was recalled, and its past with it.
        for (String instant :
                List.of(at.get(0).toString(), at.get(1).plusMillis(1).toString())) {
            assertEquals(
                    answer(reader, "/api/v1/agreements/" + unknown + "?asOf=" + instant, 404)
                            .replace(unknown, id),
                    answer(reader, "/api/v1/agreements/" + id + "?asOf=" + instant, 404));
        }
        for (String path : List.of("/history", "/history/0/diff", "/history/diff?from=0&to=1")) {
            assertEquals(
                    answer(reader, "/api/v1/agreements/" + unknown + path, 404).replace(unknown, id),
                    answer(reader, "/api/v1/agreements/" + id + path, 404));
        }
        // Cleared for it, a reader reads every version.
        given().header(Tokens.bearer("reader", "CONFIDENTIAL"))
                .queryParam("asOf", at.get(0).toString())
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("classification", equalTo("PUBLIC"));
    }

    @Test
    void onlyAnAdminReadsADeletedRecordAsItStood() {
        String id = createAgreement(agreement(createParty("KR")));
        Instant before = times(id).get(0).plusMillis(1);
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/agreements/" + id)
                .then()
                .statusCode(204);
        String unknown = UUID.randomUUID().toString();
        Header editor = Tokens.bearer("editor", "CONFIDENTIAL");
        assertEquals(
                answer(editor, "/api/v1/agreements/" + unknown + "?asOf=" + before, 404)
                        .replace(unknown, id),
                answer(editor, "/api/v1/agreements/" + id + "?asOf=" + before, 404));
        given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .queryParam("asOf", before.toString())
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id));
    }

    private static String answer(Header caller, String path, int status) {
        return given().header(caller)
                .when()
                .get(path)
                .then()
                .statusCode(status)
                .contentType("application/problem+json")
                .extract()
                .asString();
    }
}
