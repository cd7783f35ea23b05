package io.accords.security;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.accords.support.Api.without;
import static io.accords.support.Problems.assertInvalidField;
import static io.accords.support.Problems.assertNotFoundFor;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The leaks the security review of issue 11 found, one test each; every one failed before its fix. */
@QuarkusTest
class ClearanceLeaksTest {

    private static final String AGREEMENTS = "/api/v1/agreements";
    private static final String PARTIES = "/api/v1/parties";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final Header PUBLIC_READER = Tokens.bearer("reader", "PUBLIC");
    private static final Header PUBLIC_EDITOR = Tokens.bearer("editor", "PUBLIC");

    private static String create(String path, Map<String, Object> body) {
        return io.accords.support.ClearanceRegistry.post(path, body);
    }

    @Test
    void aChangeNeverDeclassifiesByLeavingTheClassificationOut() {
        String id = create(AGREEMENTS, with(agreement(createParty("KR")), "classification", "RESTRICTED"));
        String path = AGREEMENTS + "/" + id;
        assertInvalidField(
                given().header("If-Match", "\"0\"")
                        .contentType(ContentType.JSON)
                        .body(without(agreement(createParty("KR")), "classification"))
                        .when()
                        .put(path)
                        .then(),
                path,
                "classification");
        assertInvalidField(
                given().header("If-Match", "\"0\"")
                        .contentType(MERGE_PATCH)
                        .body("{\"classification\": null}")
                        .when()
                        .patch(path)
                        .then(),
                path,
                "classification");
        given().when()
                .get(path)
                .then()
                .statusCode(200)
                .body("classification", equalTo("RESTRICTED"))
                .body("version", equalTo(0));
    }

    @Test
    void onlyAnAdminLowersAClassificationAndTheRevisionSaysFromWhat() {
        String id = create(AGREEMENTS, with(agreement(createParty("KR")), "classification", "CONFIDENTIAL"));
        String path = AGREEMENTS + "/" + id;
        assertProblem(
                given().header(Tokens.bearer("editor", "CONFIDENTIAL"))
                        .header("If-Match", "\"0\"")
                        .contentType(MERGE_PATCH)
                        .body("{\"classification\": \"RESTRICTED\"}")
                        .when()
                        .patch(path)
                        .then(),
                403,
                "/problems/forbidden",
                path);
        given().header("If-Match", "\"0\"")
                .contentType(MERGE_PATCH)
                .body("{\"classification\": \"PUBLIC\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .body("classification", equalTo("PUBLIC"));
        given().when()
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items[0].classification", equalTo("PUBLIC"))
                .body("items[0].declassifiedFrom", equalTo("CONFIDENTIAL"));
        // A PUBLIC reader sees the declassified version, but not what it was before.
        given().header(PUBLIC_READER)
                .when()
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].declassifiedFrom", nullValue());
    }

    @Test
    void aHiddenParentIsNeitherShownNorListableNorSevered() {
        String party = createParty("KR");
        String secret = create(AGREEMENTS, with(agreement(party), "classification", "CONFIDENTIAL"));
        String child = create(AGREEMENTS, with(agreement(party), "parentId", secret));
        String path = AGREEMENTS + "/" + child;

        given().header(PUBLIC_READER).when().get(path).then().statusCode(200).body("parentId", nullValue());
        given().header(PUBLIC_READER)
                .queryParam(
                        "q",
                        given().when().get(path).then().extract().path("title").toString())
                .when()
                .get(AGREEMENTS)
                .then()
                .body("items[0].parentId", nullValue());
        for (String where : List.of(
                path + "/history",
                AGREEMENTS + "/export?format=ndjson",
                AGREEMENTS + "/export?format=csv",
                AGREEMENTS + "/sync?size=500",
                PARTIES + "/" + party + "/agreements")) {
            String body = given().header(PUBLIC_READER)
                    .when()
                    .get(where)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertFalse(body.contains(secret), where + " shows the hidden parent's id");
        }
        Response byHidden = given().header(PUBLIC_READER)
                .queryParam("parent", secret)
                .when()
                .get(AGREEMENTS);
        String unknown = UUID.randomUUID().toString();
        Response byUnknown = given().header(PUBLIC_READER)
                .queryParam("parent", unknown)
                .when()
                .get(AGREEMENTS);
        assertEquals(byUnknown.asString().replace(unknown, secret), byHidden.asString());
        assertEquals(0, (int) byHidden.path("total"));

        // A PUBLIC editor changes the child: the link it cannot see stays.
        given().header(PUBLIC_EDITOR)
                .header("If-Match", "\"0\"")
                .contentType(MERGE_PATCH)
                .body("{\"status\": \"IN_FORCE\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .body("parentId", nullValue());
        Map<String, Object> seen =
                given().header(PUBLIC_EDITOR).when().get(path).then().extract().path("$");
        // A replace of what it sees, with one change (one that changes nothing writes nothing).
        Map<String, Object> replaced = new java.util.HashMap<>(writable(seen));
        replaced.put("summary", "Replaced by a PUBLIC editor");
        given().header(PUBLIC_EDITOR)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(replaced)
                .when()
                .put(path)
                .then()
                .statusCode(200);
        given().when().get(path).then().body("parentId", equalTo(secret)).body("version", equalTo(2));
    }

    @Test
    void aReplayAnswersOnlyWhatTheCallerMayStillSee() {
        String party = createParty("PE");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = with(agreement(party), "classification", "RESTRICTED");
        String id = given().header(Tokens.bearer("editor", "RESTRICTED"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        // Same subject, lower clearance now: the replay must not hand back the record.
        String dropped = given().header(Tokens.bearer("editor", "PUBLIC"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(404)
                .extract()
                .asString();
        assertFalse(dropped.contains((String) body.get("title")), "the replay leaked the title");
        assertFalse(dropped.contains(id), "the replay named the id of a record the caller may no longer see");
        given().header("If-Match", "\"0\"")
                .contentType(MERGE_PATCH)
                .body("{\"classification\": \"CONFIDENTIAL\"}")
                .when()
                .patch(AGREEMENTS + "/" + id)
                .then()
                .statusCode(200);
        given().header(Tokens.bearer("editor", "RESTRICTED"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(404);
        given().header(Tokens.bearer("editor", "CONFIDENTIAL"))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("classification", equalTo("CONFIDENTIAL"));
    }

    @Test
    void aClassifiedPartyIsHiddenOnEveryPathAndItsLinksStay() {
        String marker = unique("Hushparty").replace(" ", "");
        Map<String, Object> secretBody = with(
                with(party(marker + " Systems", "FR"), "acronym", marker.substring(0, 12)),
                "classification",
                "CONFIDENTIAL");
        String secret = create(PARTIES, secretBody);
        String open = createParty("KR");
        String tag = unique("tag").replace(" ", "-");
        String agreement = create(AGREEMENTS, with(agreement(open, secret), "tags", List.of(tag)));

        for (String path : List.of(
                PARTIES + "/" + secret, PARTIES + "/" + secret + "/history", PARTIES + "/" + secret + "/agreements")) {
            assertNotFoundFor(PUBLIC_READER, path);
        }
        String list = given().header(PUBLIC_READER)
                .queryParam("size", 100)
                .when()
                .get(PARTIES)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(list.contains(secret) || list.contains(marker), "the party list shows the hidden party");
        long all = ((Number) given().when().get(PARTIES).then().extract().path("total")).longValue();
        long visible = ((Number) given().header(PUBLIC_READER)
                        .when()
                        .get(PARTIES)
                        .then()
                        .extract()
                        .path("total"))
                .longValue();
        assertTrue(visible < all, "the total counts only visible parties: " + visible + " of " + all);

        given().header(PUBLIC_READER)
                .when()
                .get(AGREEMENTS + "/" + agreement)
                .then()
                .statusCode(200)
                .body("parties.party.id", equalTo(List.of(open)))
                .body("countries", equalTo(List.of("KR")));
        for (Map<String, Object> filter : List.<Map<String, Object>>of(
                Map.of("q", tag + " " + marker),
                Map.of("q", tag, "party", secret),
                Map.of("q", tag, "party", marker.substring(0, 12)),
                Map.of("q", tag, "country", "FR"))) {
            given().header(PUBLIC_READER)
                    .queryParams(filter)
                    .when()
                    .get(AGREEMENTS)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
            given().queryParams(filter)
                    .when()
                    .get(AGREEMENTS)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(1));
        }
        given().header(PUBLIC_READER)
                .queryParam("q", tag)
                .when()
                .get(AGREEMENTS + "/facets")
                .then()
                .statusCode(200)
                .body("countries.value", equalTo(List.of("KR")));
        for (String format : List.of("csv", "ndjson")) {
            String export = given().header(PUBLIC_READER)
                    .queryParam("q", tag)
                    .queryParam("format", format)
                    .when()
                    .get(AGREEMENTS + "/export")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertFalse(export.contains(secret) || export.contains(marker), format + " shows the hidden party");
        }

        // A PUBLIC editor cannot name it, and its change keeps the participation it cannot see.
        String unknown = UUID.randomUUID().toString();
        String hiddenAnswer = refusal(PUBLIC_EDITOR, agreement(open, secret));
        String unknownAnswer = refusal(PUBLIC_EDITOR, agreement(open, unknown));
        assertEquals(unknownAnswer.replace(unknown, secret), hiddenAnswer);
        given().header(PUBLIC_EDITOR)
                .header("If-Match", "\"0\"")
                .contentType(MERGE_PATCH)
                .body("{\"status\": \"IN_FORCE\"}")
                .when()
                .patch(AGREEMENTS + "/" + agreement)
                .then()
                .statusCode(200)
                .body("parties.party.id", equalTo(List.of(open)));
        given().when()
                .get(AGREEMENTS + "/" + agreement)
                .then()
                .body("parties.party.id", equalTo(List.of(open, secret)));
    }

    @Test
    void aConflictOnDeleteSaysOnlyThatHiddenRecordsAreInTheWay() {
        String party = createParty("KR");
        String secretTitle = unique("Hidden MOU");
        String secret = create(
                AGREEMENTS, with(with(agreement(party), "title", secretTitle), "classification", "CONFIDENTIAL"));
        String path = PARTIES + "/" + party;
        String conflict = assertProblem(
                        given().header(PUBLIC_EDITOR)
                                .header("If-Match", "\"0\"")
                                .when()
                                .delete(path)
                                .then(),
                        409,
                        "/problems/conflict",
                        path)
                .body("agreements", empty())
                .extract()
                .asString();
        assertTrue(conflict.contains("records you cannot see"), conflict);
        assertFalse(conflict.contains(secret) || conflict.contains(secretTitle), conflict);
    }

    /** The message of the first error of a create this caller sends, which must be refused with 400. */
    private static String refusal(Header caller, Map<String, Object> body) {
        return given().header(caller)
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(400)
                .extract()
                .path("errors[0].message");
    }

    /** The fields of a record as GET shows it that a client sends back in a PUT. */
    private static Map<String, Object> writable(Map<String, Object> record) {
        Map<String, Object> body = new java.util.HashMap<>(record);
        for (String field : List.of("id", "version", "createdAt", "updatedAt", "countries", "uncited")) {
            body.remove(field);
        }
        body.put(
                "parties",
                ((List<?>) record.get("parties"))
                        .stream()
                                .map(p -> Map.of(
                                        "partyId",
                                        ((Map<?, ?>) ((Map<?, ?>) p).get("party")).get("id"),
                                        "role",
                                        ((Map<?, ?>) p).get("role")))
                                .toList());
        body.values().removeIf(java.util.Objects::isNull);
        return body;
    }
}
