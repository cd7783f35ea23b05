package io.accords;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Api;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged application ({@code target/quarkus-app}) as its own process, writes, stops it (gracefully, then
 * with SIGKILL) and starts it again: what it acknowledged must still be there. On the H2 build the database is a file
 * in a fresh folder; on the PostgreSQL build it is the server named by the {@code accords.it.jdbc-url} property.
 */
class RestartDurabilityIT {

    @TempDir
    Path data;

    private Process app;
    private int port;

    @BeforeEach
    void choosePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestAssured.port = port;
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void keepsEverythingAcrossAGracefulRestart() throws Exception {
        start();
        String party = Api.createParty("KR");
        Map<String, Object> body = Api.agreement(party);
        String id = Api.createAgreement(body);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"status\": \"IN_FORCE\", \"effective\": \"2025-03\"}")
                .when().patch("/api/v1/agreements/{id}", id).then().statusCode(200);

        app.destroy();
        assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the service stops on SIGTERM");
        start();

        Api.getAgreement(id).statusCode(200)
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
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Api.with(Api.agreement(party), "status", "TERMINATED"))
                .when().put("/api/v1/agreements/{id}", last).then().statusCode(200);

        app.destroyForcibly();
        assertTrue(app.waitFor(30, TimeUnit.SECONDS));
        start();

        for (String id : acknowledged) {
            Api.getAgreement(id).statusCode(200);
        }
        Api.getAgreement(last).body("status", equalTo("TERMINATED")).body("version", equalTo(1));
        int named = given().when().get("/api/v1/parties/{id}/agreements", party)
                .then().statusCode(200).extract().path("total");
        assertEquals(acknowledged.size(), named);
    }

    private void start() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertTrue(Files.exists(jar), "the application is packaged at " + jar);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Daccords.seed.enabled=false"));
        String url = System.getProperty("accords.it.jdbc-url", "");
        if (url.isBlank()) {
            command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + data.resolve("accords")
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
        } else {
            command.add("-Dquarkus.datasource.jdbc.url=" + url);
            command.add("-Dquarkus.datasource.username=" + System.getProperty("accords.it.username"));
            command.add("-Dquarkus.datasource.password=" + System.getProperty("accords.it.password"));
        }
        command.add("-jar");
        command.add(jar.toString());
        app = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("app.log").toFile()))
                .start();
        awaitReady();
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            assertTrue(app.isAlive(), () -> "the service exited early:\n" + log());
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready in 90 s:\n" + log());
    }

    private String log() {
        try {
            return Files.readString(data.resolve("app.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
