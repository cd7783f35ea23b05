package io.accords.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Api;
import io.accords.support.Management;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What operators rely on: health checks, metrics and request ids. */
@QuarkusTest
class OperationsTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void healthChecksReportStartedReadyWithTheDatabaseAndLive() {
        Management.given()
                .when()
                .get("/q/health/started")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("accords-started"));
        Management.given()
                .when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        Management.given()
                .when()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("accords"));
    }

    @Test
    void echoesASaneRequestIdAndMakesOneOtherwise() {
        given().header("X-Request-Id", "client-42.a")
                .when()
                .get("/api/v1/parties")
                .then()
                .header("X-Request-Id", "client-42.a");
        given().when().get("/api/v1/parties").then().header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "has spaces and\ttabs")
                .when()
                .get("/api/v1/parties")
                .then()
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
        given().header("X-Request-Id", "x".repeat(65))
                .when()
                .get("/api/v1/nowhere")
                .then()
                .statusCode(404)
                .header("X-Request-Id", matchesPattern(UUID_PATTERN));
    }

    @Test
    void countsCommittedWritesOnlyAndNeverCreatesApartFromDeletes() {
        double writes = counter("party");
        String id = Api.createParty("KR");
        given().header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/parties/{id}", id)
                .then()
                .statusCode(204);
        assertEquals(writes + 2, counter("party"));

        String name = Api.unique("Counted once");
        Api.createParty(Api.party(name, "PE"));
        double afterFirst = counter("party");
        given().contentType(ContentType.JSON)
                .body(Api.party(name, "PE"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(409);
        assertEquals(afterFirst, counter("party"), "a refused write is not counted");

        double agreementWrites = counter("agreement");
        String agreement = Api.createAgreement();
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"IN_FORCE\"}")
                .when()
                .patch("/api/v1/agreements/{id}", agreement)
                .then()
                .statusCode(200);
        assertEquals(agreementWrites + 2, counter("agreement"));
        // created - deleted would be the number of records, hidden ones included (issue 11).
        assertFalse(metrics().contains("change=\"created\""), "creates are not counted apart from deletes");
    }

    @Test
    void timesRequestsByRouteTemplateAndStatusAndShowsThePool() {
        given().when()
                .get("/api/v1/agreements/{id}", java.util.UUID.randomUUID())
                .then()
                .statusCode(404);
        String metrics = metrics();
        assertTrue(
                metrics.contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"CLIENT_ERROR\","
                        + "status=\"404\",uri=\"/api/v1/agreements/{id}\"}"),
                () -> "requests timed by route template and status: "
                        + metrics.lines()
                                .filter(l -> l.startsWith("http_server_requests_seconds_count"))
                                .toList());
        assertTrue(metrics.contains("agroal_active_count{datasource=\"default\"}"), "connection-pool gauges");
    }

    @Test
    void aRequestWithAnInventedMethodAddsNoSeriesOfItsOwn() {
        for (String method : java.util.List.of("INVENTED1", "INVENTED2")) {
            given().header(io.accords.support.Tokens.NONE)
                    .when()
                    .request(method, "/nothing-here")
                    .then()
                    .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        }
        String metrics = metrics();
        assertFalse(metrics.contains("INVENTED"), "an invented method has no series of its own");
        assertTrue(metrics.contains("method=\"OTHER\""), "it is counted as OTHER");
    }

    private static String metrics() {
        return Management.given()
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    private static double counter(String record) {
        Matcher matcher = Pattern.compile("accords_record_writes_total\\{record=\"" + record + "\"} ([0-9.E]+)")
                .matcher(metrics());
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
