package io.accords.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Sends an import and waits for its job to finish, as a client polling the job would. */
final class Imports {

    private Imports() {}

    /** Posts the file and answers the job's id, after checking the 202 and its Location. */
    static String submit(Header auth, String ndjson, String query) {
        return submit(auth, ndjson, query, "application/x-ndjson");
    }

    static String submit(Header auth, String ndjson, String query, String contentType) {
        return given().header(auth)
                .contentType(contentType)
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/imports" + query)
                .then()
                .statusCode(202)
                .header("Location", org.hamcrest.Matchers.containsString("/api/v1/imports/"))
                .extract()
                .path("id");
    }

    /** The finished job, polled until it has ended: DONE, REFUSED, STOPPED or CANCELLED (at most a minute). */
    static JsonPath finished(Header auth, String id) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = given().header(auth)
                    .when()
                    .get("/api/v1/imports/" + id)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            String status = job.getString("status");
            if (List.of("DONE", "REFUSED", "STOPPED", "CANCELLED").contains(status)) {
                return job;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        fail("import " + id + " did not finish within a minute");
        return null;
    }

    static JsonPath run(Header auth, String ndjson, String query) {
        return finished(auth, submit(auth, ndjson, query));
    }

    static JsonPath run(Header auth, String file, String query, String contentType) {
        return finished(auth, submit(auth, file, query, contentType));
    }
}
