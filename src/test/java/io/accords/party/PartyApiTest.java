package io.accords.party;

import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Problems.assertInvalidField;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accords.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PartyApiTest {

    @Test
    void createsPartyWithLocationETagAndBody() {
        String name = unique("Korea Aerospace Test");
        String id = given().contentType(ContentType.JSON)
                .body(party(name, "KR"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("ETag", "\"0\"")
                .body("name", equalTo(name))
                .body("acronym", equalTo("TST"))
                .body("aliases", equalTo(List.of("Test alias")))
                .body("country", equalTo("KR"))
                .body("kind", equalTo("COMPANY"))
                .body("identifiers[0].scheme", equalTo("NCAGE"))
                .body("identifiers[0].value", equalTo("T0001"))
                .body("version", equalTo(0))
                .body("createdAt", notNullValue())
                .body("updatedAt", notNullValue())
                .extract()
                .path("id");
        given().when().post("/api/v1/parties").then().statusCode(415);
        given().when()
                .get("/api/v1/parties/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("id", equalTo(id))
                .body("name", equalTo(name));
    }

    @Test
    void createdPartyLocationPointsAtIt() {
        String location = given().contentType(ContentType.JSON)
                .body(party(unique("Located"), "PE"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        given().when().get(location).then().statusCode(200).body("country", equalTo("PE"));
    }

    @Test
    void returns404ProblemForUnknownParty() {
        UUID id = UUID.randomUUID();
        assertProblem(
                        given().when().get("/api/v1/parties/{id}", id).then(),
                        404,
                        "/problems/not-found",
                        "/api/v1/parties/" + id)
                .body("detail", containsString(id.toString()));
    }

    @Test
    void rejectsDuplicateNameInSameCountryWhateverTheCase() {
        String name = unique("Duplicate Works");
        createParty(party(name, "KR"));
        assertProblem(
                        given().contentType(ContentType.JSON)
                                .body(party(name.toUpperCase() + "  ", "KR"))
                                .when()
                                .post("/api/v1/parties")
                                .then(),
                        409,
                        "/problems/conflict",
                        "/api/v1/parties")
                .body("detail", containsString("already exists in KR"));
        // the same name in another country is another party
        createParty(party(name, "PE"));
    }

    @Test
    void rejectsInvalidPartyNamingEveryField() {
        Map<String, Object> body = Map.of(
                "name",
                " ",
                "country",
                "kr",
                "kind",
                "COMPANY",
                "identifiers",
                List.of(Map.of("scheme", "lower case", "value", "")));
        assertInvalidField(
                        given().contentType(ContentType.JSON)
                                .body(body)
                                .when()
                                .post("/api/v1/parties")
                                .then(),
                        "/api/v1/parties",
                        "name")
                .body("errors.field", hasItem("country"))
                .body("errors.field", hasItem("identifiers[0].scheme"))
                .body("errors.field", hasItem("identifiers[0].value"))
                .body("errors", hasSize(4));
    }

    @Test
    void rejectsUnknownCountryCode() {
        assertInvalidField(
                        given().contentType(ContentType.JSON)
                                .body(party(unique("Nowhere"), "XX"))
                                .when()
                                .post("/api/v1/parties")
                                .then(),
                        "/api/v1/parties",
                        "country")
                .body("errors[0].message", containsString("ISO 3166-1"));
    }

    @Test
    void replacesWithIfMatchAndRefusesStaleVersion() {
        String id = createParty("KR");
        String renamed = unique("Renamed");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(party(renamed, "KR"))
                .when()
                .put("/api/v1/parties/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo(renamed))
                .body("version", equalTo(1));
        assertProblem(
                given().contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(party(unique("Lost update"), "KR"))
                        .when()
                        .put("/api/v1/parties/{id}", id)
                        .then(),
                412,
                "/problems/precondition-failed",
                "/api/v1/parties/" + id);
        given().when().get("/api/v1/parties/{id}", id).then().body("name", equalTo(renamed));
    }

    @Test
    void mergePatchChangesOnlyTheMembersSent() {
        String id = createParty("KR");
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"aliases\": [\"A\", \"B\"], \"acronym\": null}")
                .when()
                .patch("/api/v1/parties/{id}", id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("aliases", equalTo(List.of("A", "B")))
                .body("acronym", nullValue())
                .body("country", equalTo("KR"))
                .body("kind", equalTo("COMPANY"));
    }

    @Test
    void mergePatchThatBreaksARuleChangesNothing() {
        String id = createParty("KR");
        assertInvalidField(
                given().header("If-Match", "\"0\"")
                        .contentType("application/merge-patch+json")
                        .body("{\"country\": \"ZZ\"}")
                        .when()
                        .patch("/api/v1/parties/{id}", id)
                        .then(),
                "/api/v1/parties/" + id,
                "country");
        given().when()
                .get("/api/v1/parties/{id}", id)
                .then()
                .body("country", equalTo("KR"))
                .body("version", equalTo(0));
    }

    @Test
    void deletesUnusedPartyAndThenAnswers404() {
        String id = createParty("CL");
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/parties/{id}", id)
                .then()
                .statusCode(204);
        given().when().get("/api/v1/parties/{id}", id).then().statusCode(404);
        // Gone, it is unknown to an editor; a DELETE repeated by an admin, with the version it went at, answers as
        // the first did (as a retry after a lost answer would); with another version, it is unknown again.
        given().header(io.accords.support.Tokens.bearer("editor", "CONFIDENTIAL"))
                .header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/parties/{id}", id)
                .then()
                .statusCode(404);
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/parties/{id}", id)
                .then()
                .statusCode(204);
        given().header("If-Match", "\"1\"")
                .when()
                .delete("/api/v1/parties/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    void refusesToDeletePartyStillNamedByAgreementsAndNamesThem() {
        String party = createParty("KR");
        Map<String, Object> body = Api.agreement(party, createParty("PE"));
        String agreement = createAgreement(body);
        assertProblem(
                        given().header("If-Match", "\"0\"")
                                .when()
                                .delete("/api/v1/parties/{id}", party)
                                .then(),
                        409,
                        "/problems/conflict",
                        "/api/v1/parties/" + party)
                .body("agreements[0].id", equalTo(agreement))
                .body("agreements[0].title", equalTo(body.get("title")))
                .body("detail", containsString("still named by agreements"));
        given().when().get("/api/v1/parties/{id}", party).then().statusCode(200);
    }

    @Test
    void listsPartyAgreements() {
        String party = createParty("KR");
        String first = createAgreement(Api.agreement(party));
        String second = createAgreement(Api.agreement(party, createParty("PE")));
        createAgreement();
        given().queryParam("size", 1)
                .queryParam("sort", "title")
                .when()
                .get("/api/v1/parties/{id}/agreements", party)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("totalPages", equalTo(2))
                .body("items", hasSize(1))
                .body("items[0].parties.party.id", hasItem(party))
                .header("Link", containsString("rel=\"next\""));
        List<String> ids = given().queryParam("size", 10)
                .when()
                .get("/api/v1/parties/{id}/agreements", party)
                .then()
                .extract()
                .path("items.id");
        assertEquals(2, ids.size());
        org.hamcrest.MatcherAssert.assertThat(ids, org.hamcrest.Matchers.containsInAnyOrder(first, second));
        assertProblem(
                        given().when()
                                .get("/api/v1/parties/{id}/agreements", UUID.randomUUID())
                                .then(),
                        404,
                        "/problems/not-found",
                        null)
                .body("detail", containsString("party"));
    }

    @Test
    void listsPartiesInPagesSortedByNameWithLinks() {
        createParty("KR");
        createParty("PE");
        List<String> names = given().queryParam("size", 100)
                .queryParam("sort", "name")
                .when()
                .get("/api/v1/parties")
                .then()
                .statusCode(200)
                .body("page", equalTo(1))
                .body("size", equalTo(100))
                .body("total", greaterThanOrEqualTo(2))
                .extract()
                .path("items.name");
        List<String> sorted =
                names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
        assertEquals(sorted, names);

        given().queryParam("size", 1)
                .queryParam("page", 2)
                .queryParam("sort", "-country")
                .when()
                .get("/api/v1/parties")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .header("Link", containsString("page=1>; rel=\"first\""))
                .header("Link", containsString("page=1>; rel=\"prev\""))
                .header("Link", containsString("page=3>; rel=\"next\""))
                .header("Link", containsString("sort=-country"));
    }

    @Test
    void rejectsBadPagingAndSortParameters() {
        assertInvalidField(
                        given().queryParam("size", 1000)
                                .when()
                                .get("/api/v1/parties")
                                .then(),
                        "/api/v1/parties",
                        "size")
                .body("errors[0].message", containsString("between 1 and 100"));
        assertInvalidField(
                given().queryParam("page", 0).when().get("/api/v1/parties").then(), "/api/v1/parties", "page");
        assertInvalidField(
                        given().queryParam("sort", "password")
                                .when()
                                .get("/api/v1/parties")
                                .then(),
                        "/api/v1/parties",
                        "sort")
                .body("errors[0].message", containsString("unknown sort key 'password'"));
        assertInvalidField(
                given().queryParam("page", "two").when().get("/api/v1/parties").then(), "/api/v1/parties", "page");
    }

    @Test
    void pagesBeyondTheLastAreEmptyButValid() {
        given().queryParam("page", 100000)
                .when()
                .get("/api/v1/parties")
                .then()
                .statusCode(200)
                .body("items", hasSize(0))
                .body("page", equalTo(100000))
                .body("totalPages", lessThanOrEqualTo(100000))
                .header("Link", containsString("rel=\"last\""));
        given().when()
                .get("/api/v1/parties")
                .then()
                .body("items.country", everyItem(notNullValue()))
                .header("Link", endsWith("rel=\"last\""));
    }
}
