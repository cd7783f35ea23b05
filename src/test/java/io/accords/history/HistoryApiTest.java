package io.accords.history;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every change is listed with who made it; a deleted record's history stays readable, by admins only. */
@QuarkusTest
class HistoryApiTest {

    private static final String AGREEMENTS = "/api/v1/agreements";

    @Test
    void listsEveryChangeOfAnAgreementWithItsAuthor() {
        String party = createParty("KR");
        String id = given().header(Tokens.bearer("editor", "CONFIDENTIAL"))
                .contentType(ContentType.JSON)
                .body(agreement(party))
                .when()
                .post(AGREEMENTS)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String path = AGREEMENTS + "/" + id;
        given().header(
                        "Authorization",
                        "Bearer "
                                + Tokens.sign(
                                        Tokens.claims("editor", "CONFIDENTIAL").subject("analyst-2")))
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"status\":\"IN_FORCE\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200);
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.version", equalTo(List.of(1, 0)))
                .body("items.action", equalTo(List.of("UPDATED", "CREATED")))
                .body("items.actor", equalTo(List.of("analyst-2", "test-editor")))
                .body("items[0].record.status", equalTo("IN_FORCE"))
                .body("items[1].record.status", equalTo("SIGNED"));

        given().header("If-Match", "\"1\"").when().delete(path).then().statusCode(204);
        assertProblem(
                given().header(Tokens.bearer("reader", "CONFIDENTIAL"))
                        .when()
                        .get(path + "/history")
                        .then(),
                404,
                "/problems/not-found",
                path + "/history");
        assertProblem(
                given().header(Tokens.bearer("editor", "CONFIDENTIAL"))
                        .when()
                        .get(path + "/history")
                        .then(),
                404,
                "/problems/not-found",
                path + "/history");
        given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .when()
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("DELETED", "UPDATED", "CREATED")))
                .body("items[0].actor", equalTo("test-admin"));
    }

    @Test
    void listsEveryChangeOfAParty() {
        String party = createParty("PE");
        String path = "/api/v1/parties/" + party;
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"acronym\":\"NEW\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200);
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get(path + "/history")
                .then()
                .statusCode(200)
                .body("items.action", equalTo(List.of("UPDATED", "CREATED")))
                .body("items[0].record.acronym", equalTo("NEW"));
        given().header("If-Match", "\"1\"").when().delete(path).then().statusCode(204);
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get(path + "/history")
                .then()
                .statusCode(404);
        given().when().get(path + "/history").then().statusCode(200).body("total", equalTo(3));
    }

    @Test
    void historyCannotBeChangedThroughTheApi() {
        String party = createParty("KR");
        String path = "/api/v1/parties/" + party + "/history";
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            given().header("If-Match", "\"0\"")
                    .contentType(ContentType.JSON)
                    .body("{}")
                    .when()
                    .request(method, path)
                    .then()
                    .statusCode(405);
        }
        given().when().get(path).then().body("total", equalTo(1));
    }
}
