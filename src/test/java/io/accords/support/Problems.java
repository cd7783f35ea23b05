package io.accords.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.ValidatableResponse;

/** Assertions on RFC 9457 problem responses. */
public final class Problems {

    private Problems() {}

    /** The response is a problem detail of this status and type, for this request path (any path when null). */
    public static ValidatableResponse assertProblem(
            ValidatableResponse response, int status, String type, String instance) {
        return response.statusCode(status)
                .contentType(Api.PROBLEM_JSON)
                .body("status", equalTo(status))
                .body("type", equalTo(type))
                .body("title", notNullValue())
                .body("detail", notNullValue())
                .body("instance", instance == null ? notNullValue() : equalTo(instance));
    }

    /** A GET of this path by this caller answers 404 problem, exactly as for a record that does not exist. */
    public static ValidatableResponse assertNotFoundFor(io.restassured.http.Header caller, String path) {
        return assertProblem(
                io.restassured.RestAssured.given()
                        .header(caller)
                        .when()
                        .get(path)
                        .then(),
                404,
                "/problems/not-found",
                path);
    }

    /** The response is a 400 validation problem that names this field. */
    public static ValidatableResponse assertInvalidField(ValidatableResponse response, String instance, String field) {
        return assertProblem(response, 400, "/problems/invalid-request", instance)
                .body("errors.field", hasItem(field));
    }
}
