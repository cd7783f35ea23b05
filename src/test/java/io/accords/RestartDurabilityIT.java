package io.accords;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Api;
import io.accords.support.PackagedApp;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes through the packaged application, stops it (gracefully, then with SIGKILL) and starts it again on the same
 * database: everything it acknowledged must still be there.
 */
class RestartDurabilityIT {

    @TempDir
    Path data;

    private PackagedApp app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void keepsEverythingAcrossAGracefulRestart() throws Exception {
        start();
        String party = Api.createParty("KR");
        Map<String, Object> body = Api.agreement(party);
        String id = Api.createAgreement(body);
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"status\": \"IN_FORCE\", \"effective\": \"2025-03\"}")
                .when()
                .patch("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(200);

        app.terminate();
        assertTrue(app.awaitExit(60), "the service stops on SIGTERM");
        start();

        Api.getAgreement(id)
                .statusCode(200)
                .body("title", equalTo(body.get("title")))
                .body("status", equalTo("IN_FORCE"))
                .body("effective", equalTo("2025-03"))
                .body("signed", equalTo("2024-11-16"))
                .body("version", equalTo(1))
                .body("parties[0].party.id", equalTo(party));
    }

    @Test
    void keepsEveryAcknowledgedWriteAcrossSigkill() throws Exception {
        start();
        String party = Api.createParty("PE");
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            acknowledged.add(Api.createAgreement(Api.agreement(party)));
        }
        String last = acknowledged.get(acknowledged.size() - 1);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"0\"")
                .body(Api.with(Api.agreement(party), "status", "TERMINATED"))
                .when()
                .put("/api/v1/agreements/{id}", last)
                .then()
                .statusCode(200);

        app.kill();
        start();

        for (String id : acknowledged) {
            Api.getAgreement(id).statusCode(200);
        }
        Api.getAgreement(last).body("status", equalTo("TERMINATED")).body("version", equalTo(1));
        int named = given().when()
                .get("/api/v1/parties/{id}/agreements", party)
                .then()
                .statusCode(200)
                .extract()
                .path("total");
        assertEquals(acknowledged.size(), named);
    }

    private void start() throws Exception {
        if (app == null) {
            app = new PackagedApp(data);
        }
        // Durability, not the load balancer's grace period (GracefulShutdownIT tests that): stop without the delay.
        app.start(List.of("-Dquarkus.shutdown.delay=0S"));
        RestAssured.port = app.port();
    }
}
