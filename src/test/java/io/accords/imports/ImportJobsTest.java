package io.accords.imports;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.security.Classification;
import io.accords.support.Management;
import io.accords.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Import jobs as the service runs them: a file that arrives slowly holds no database connection and callers cannot
 * send more at once than the caps allow; a job held by a replica whose lease ran out is taken over; jobs take turns;
 * a job of bad rows stops; a job can be cancelled.
 */
@QuarkusTest
class ImportJobsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ImportRepository jobs;

    private static Header editor(String subject) {
        return new Header(
                "Authorization",
                "Bearer " + Tokens.sign(Tokens.claims("editor", "CONFIDENTIAL").subject(subject)));
    }

    private static String row(String party) throws Exception {
        Map<String, Object> row = agreement(party);
        row.put("id", UUID.randomUUID().toString());
        return JSON.writeValueAsString(row) + "\n";
    }

    /** An upload whose chunked body the test sends a piece at a time, over a socket of its own. */
    private static final class SlowUpload {
        final Socket socket;
        final OutputStream out;

        SlowUpload(Header auth, String first) throws IOException {
            socket = new Socket("localhost", RestAssured.port);
            socket.setSoTimeout(60_000);
            out = socket.getOutputStream();
            out.write(("POST /api/v1/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + auth.getValue()
                            + "\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            chunk(first);
        }

        private void chunk(String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Sends the last piece and answers the status line and the body. */
        String[] finish(String last) throws IOException {
            chunk(last);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            socket.close();
            String status = answer.substring(0, answer.indexOf("\r\n"));
            String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
            return new String[] {status, body};
        }
    }

    private long receiving() {
        return QuarkusTransaction.requiringNew().call(() -> jobs.count("status", ImportStatus.RECEIVING));
    }

    /** The fewest connections in use over a few samples (the service's own polls take one for a moment). */
    private static double activeConnections() throws InterruptedException {
        Pattern gauge = Pattern.compile("(?m)^agroal_active_count\\{[^}]*} ([0-9.]+)");
        double fewest = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            Matcher active =
                    gauge.matcher(Management.given().when().get("/q/metrics").asString());
            assertTrue(active.find(), "the pool's active connections are measured");
            fewest = Math.min(fewest, Double.parseDouble(active.group(1)));
            Thread.sleep(50);
        }
        return fewest;
    }

    @Test
    void slowUploadsHoldNoConnectionAndCallersSendNoMoreAtOnceThanTheCapsAllow() throws Exception {
        String party = createParty("KR");
        Header first = editor("uploader-" + UUID.randomUUID());
        Header second = editor("uploader-" + UUID.randomUUID());
        List<SlowUpload> open = new ArrayList<>();
        for (Header sender : List.of(first, first, second, second)) {
            open.add(new SlowUpload(sender, row(party)));
        }
        // Each file is on its way once its job is kept as RECEIVING (never answered to anyone).
        Instant deadline = Instant.now().plusSeconds(20);
        while (receiving() < 4 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertEquals(4, receiving());
        // A third file from one caller is a 429; a fifth at once on the replica a 503: both say when to retry.
        given().header(first)
                .contentType("application/x-ndjson")
                .body(row(party).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("detail", containsString("as many as one caller may at once"));
        given().header(editor("uploader-" + UUID.randomUUID()))
                .contentType("application/x-ndjson")
                .body(row(party).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"));
        // Four files on their way hold no database connection, and other requests are answered.
        assertEquals(0.0, activeConnections(), "no connection is held while files arrive");
        given().when().get("/api/v1/agreements?size=1").then().statusCode(200);
        for (SlowUpload upload : open) {
            String[] answer = upload.finish(row(party));
            assertEquals("HTTP/1.1 202 Accepted", answer[0], answer[1]);
            assertEquals(2, new JsonPath(answer[1]).getInt("rows"), answer[1]);
        }
        given().header(first)
                .contentType("application/x-ndjson")
                .body(row(party).getBytes(StandardCharsets.UTF_8))
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(202);
    }

    @Test
    void anUploadItsSenderAbandonsKeepsNothingAndLogsNoError() throws Exception {
        List<java.util.logging.LogRecord> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            String party = createParty("KR");
            SlowUpload abandoned = new SlowUpload(editor("abandoner-" + UUID.randomUUID()), row(party));
            Instant deadline = Instant.now().plusSeconds(20);
            while (receiving() < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(1, receiving(), "the file is on its way");
            abandoned.socket.close(); // the sender goes away mid-file
            deadline = Instant.now().plusSeconds(20);
            while (receiving() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(0, receiving(), "nothing of the cut file is kept");
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(
                List.of(),
                errors.stream()
                        .map(r -> r.getLoggerName() + ": " + r.getMessage())
                        .toList(),
                "an abandoned upload is the client's doing, not an error of the service");
    }

    @Test
    void aJobWhoseHolderStoppedRenewingItsLeaseIsTakenOverAndFinishedOnce() throws Exception {
        String party = createParty("KR");
        UUID id = UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        Map<String, Object> rowA = agreement(party);
        rowA.put("id", a);
        Map<String, Object> rowB = agreement(party);
        rowB.put("id", b);
        Instant leaseEnd = Instant.now().plusSeconds(3);
        // As a replica left it when it was killed: running, one batch written, its lease about to run out.
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job =
                    new ImportJob(id, "ndjson", false, false, "test-editor", "editor", Classification.CONFIDENTIAL);
            job.status = ImportStatus.RUNNING;
            job.startedAt = Instant.now();
            job.leaseOwner = "replica-killed";
            job.leaseUntil = leaseEnd;
            job.totalRows = 2;
            job.rowsDone = 1;
            job.created = 1;
            jobs.persist(job);
            jobs.flush();
            try {
                jobs.addPart(
                        id,
                        0,
                        1,
                        2,
                        JSON.writeValueAsString(rowA)
                                + ImportService.ROW_END
                                + JSON.writeValueAsString(rowB)
                                + ImportService.ROW_END);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Header sender = Tokens.bearer("editor", "CONFIDENTIAL");
        JsonPath held = given().header(sender)
                .when()
                .get("/api/v1/imports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("RUNNING", held.getString("status"));
        JsonPath done = Imports.finished(sender, id.toString());
        assertTrue(Instant.now().isAfter(leaseEnd), "not taken before the lease ran out");
        assertEquals("DONE", done.getString("status"));
        assertEquals(2, done.getInt("counts.created"), "the batch written before is not written again");
        assertEquals(2, done.getInt("counts.read"));
        // Row 1 was "written" by the killed replica (here: never), so only row 2 exists: applied once, by the new one.
        given().header(sender).when().get("/api/v1/agreements/" + a).then().statusCode(404);
        given().header(sender)
                .when()
                .get("/api/v1/agreements/" + b + "/history")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void jobsTakeTurnsSoABigFileDoesNotStarveAnotherCallersSmallOne() throws Exception {
        String party = createParty("KR");
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 2500; i++) {
            big.append(row(party));
        }
        Header bigSender = editor("big-" + UUID.randomUUID());
        Header smallSender = editor("small-" + UUID.randomUUID());
        String bigJob = Imports.submit(bigSender, big.toString(), "?dryRun=true");
        String smallJob = Imports.submit(smallSender, row(party), "");
        JsonPath small = Imports.finished(smallSender, smallJob);
        JsonPath whenSmallDone = given().header(bigSender)
                .when()
                .get("/api/v1/imports/" + bigJob)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals("DONE", small.getString("status"));
        assertTrue(
                whenSmallDone.getInt("counts.read") < 2500,
                "the small file waited at most one turn of the big one: " + whenSmallDone.prettify());
        assertEquals("DONE", Imports.finished(bigSender, bigJob).getString("status"));
    }

    @Test
    void aJobOfBadRowsStopsAfterTheRefusedRowCapAndSaysWhy() {
        Header sender = editor("flood-" + UUID.randomUUID());
        String file = "{}\n".repeat(1200);
        JsonPath job = Imports.finished(sender, Imports.submit(sender, file, ""));
        assertEquals("STOPPED", job.getString("status"));
        assertEquals(1000, job.getInt("counts.refused"));
        assertTrue(job.getInt("counts.read") < 1200, job.prettify());
        assertTrue(job.getString("stopReason").contains("Stopped after 1000 refused rows"), job.prettify());
        given().header(sender)
                .when()
                .get("/api/v1/imports/" + job.getString("id") + "/refusals")
                .then()
                .statusCode(200)
                .body("total", equalTo(1000));
    }

    @Test
    void aWaitingJobIsCancelledAndAnEndedOneStaysAsItEnded() throws Exception {
        UUID id = UUID.randomUUID();
        // Waiting behind another replica's lease, so that no worker here starts it before the cancel.
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob(id, "ndjson", false, false, "test-editor", "editor", Classification.PUBLIC);
            job.status = ImportStatus.QUEUED;
            job.leaseOwner = "replica-elsewhere";
            job.leaseUntil = Instant.now().plus(Duration.ofMinutes(5));
            job.totalRows = 1;
            jobs.persist(job);
        });
        Header sender = Tokens.bearer("editor", "PUBLIC");
        given().header(
                        Tokens.bearer("editor", "PUBLIC").getName(),
                        editor("someone-else").getValue())
                .when()
                .post("/api/v1/imports/" + id + "/cancel")
                .then()
                .statusCode(404);
        given().header(sender)
                .when()
                .post("/api/v1/imports/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("stopReason", containsString("Cancelled by test-editor"));
        // Sent again, or for a job that has ended, a cancel changes nothing.
        given().header(sender)
                .when()
                .post("/api/v1/imports/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        String party = createParty("KR");
        String done =
                Imports.finished(sender, Imports.submit(sender, row(party), "")).getString("id");
        given().header(sender)
                .when()
                .post("/api/v1/imports/" + done + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("DONE"))
                .body("stopReason", org.hamcrest.Matchers.nullValue());
    }
}
