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
    void clearanceAppliesToTheVersionRead() {
        String id = createAgreement(agreement(createParty("KR")));
        patch(id, 0, "{\"classification\": \"CONFIDENTIAL\"}");
        List<Instant> at = times(id);
        Header reader = Tokens.bearer("reader", "PUBLIC");
        // The public version, from before it was raised, is the reader's to read.
        given().header(reader)
                .queryParam("asOf", at.get(0).toString())
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("classification", equalTo("PUBLIC"));
        // The confidential one answers exactly as an unknown agreement does.
        String later = at.get(1).plusMillis(1).toString();
        String hidden = given().header(reader)
                .queryParam("asOf", later)
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        String unknown = UUID.randomUUID().toString();
        String none = given().header(reader)
                .queryParam("asOf", later)
                .when()
                .get("/api/v1/agreements/" + unknown)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertEquals(none.replace(unknown, id), hidden);
        given().header(reader)
                .when()
                .get("/api/v1/agreements/" + id + "/history/0/diff")
                .then()
                .statusCode(404);
    }
}
