package io.accords.security;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every change names the version it is based on: 428 without If-Match, 412 when it is stale. */
@QuarkusTest
class ConditionalWritesApiTest {

    @Test
    void everyChangeWithoutIfMatchAnswers428() {
        String party = createParty("KR");
        String agreement = given().contentType(ContentType.JSON)
                .body(agreement(party))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String path : List.of("/api/v1/agreements/" + agreement, "/api/v1/parties/" + party)) {
            Object body = path.contains("agreements") ? agreement(party) : io.accords.support.Api.party("X", "KR");
            List<Function<RequestSpecification, RequestSpecification>> headers =
                    List.of(r -> r, r -> r.header("If-Match", "*"), r -> r.header("If-Match", " "));
            for (Function<RequestSpecification, RequestSpecification> header : headers) {
                assertProblem(
                        header.apply(given())
                                .contentType(ContentType.JSON)
                                .body(body)
                                .when()
                                .put(path)
                                .then(),
                        428,
                        "/problems/precondition-required",
                        path);
                assertProblem(
                        header.apply(given())
                                .contentType("application/merge-patch+json")
                                .body("{}")
                                .when()
                                .patch(path)
                                .then(),
                        428,
                        "/problems/precondition-required",
                        path);
                assertProblem(
                        header.apply(given()).when().delete(path).then(), 428, "/problems/precondition-required", path);
            }
            given().when().get(path).then().statusCode(200).body("version", equalTo(0));
        }
    }

    @Test
    void twoEditorsRacingOnOneRecordGetOneSuccessAndOne412() {
        String party = createParty("PE");
        String path = "/api/v1/agreements/"
                + given().contentType(ContentType.JSON)
                        .body(agreement(party))
                        .when()
                        .post("/api/v1/agreements")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String etag = given().when().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"status\":\"IN_FORCE\"}")
                .when()
                .patch(path)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"");
        assertProblem(
                given().header("If-Match", etag)
                        .contentType("application/merge-patch+json")
                        .body("{\"status\":\"SUSPENDED\"}")
                        .when()
                        .patch(path)
                        .then(),
                412,
                "/problems/precondition-failed",
                path);
        given().when().get(path).then().body("status", equalTo("IN_FORCE")).body("version", equalTo(1));
    }
}
