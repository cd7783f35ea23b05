package io.accords.imports;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.getAgreement;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A write that finds the rows it changes held by another transaction for longer than the database waits (H2 gives up
 * after 2 s; PostgreSQL breaks deadlocks the same way) was not the caller's fault and wrote nothing: a request gets a
 * 503 with Retry-After, never a 500, and an import's row is written on a later turn, never refused.
 */
@QuarkusTest
class WritesWhileRowsAreHeldTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Inject
    EntityManager entityManager;

    /** Holds the agreement's row locked, in a transaction of its own, for this long; returns once it is held. */
    private CompletableFuture<Void> hold(String id, long millis) throws InterruptedException {
        CountDownLatch held = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    entityManager
                            .createNativeQuery("update agreement set title = title where id = :id")
                            .setParameter("id", UUID.fromString(id))
                            .executeUpdate();
                    held.countDown();
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        if (!held.await(30, TimeUnit.SECONDS)) {
            holder.join();
        }
        return holder;
    }

    @Test
    void aRequestWhoseRowsAreHeldTooLongIsToldToRetryAndWritesNothing() throws Exception {
        Assumptions.assumeTrue("h2".equals(dbKind), "PostgreSQL waits for a held row as long as it is held");
        String id = createAgreement(agreement(createParty("KR")));
        String etag = getAgreement(id).extract().header("ETag");
        String title = getAgreement(id).extract().path("title");
        CompletableFuture<Void> holder = hold(id, 4000);
        given().header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body("{\"title\":\"Written while held\"}")
                .when()
                .patch("/api/v1/agreements/{id}", id)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("detail", containsString("nothing was written"));
        holder.join();
        getAgreement(id).statusCode(200).header("ETag", etag).body("title", equalTo(title));
    }

    @Test
    void anImportRowWhoseRecordIsHeldIsWrittenOnALaterTurnNotRefused() throws Exception {
        String party = createParty("KR");
        String held = createAgreement(agreement(party));
        Map<String, Object> update = agreement(party);
        update.put("id", held);
        update.put("title", "Written after the hold " + held);
        Map<String, Object> fresh = agreement(party);
        String created = UUID.randomUUID().toString();
        fresh.put("id", created);
        Header editor = Tokens.bearer("editor", "CONFIDENTIAL");
        // Long enough for the batch and then the row alone to give up waiting (2 s each on H2), as before this fix.
        CompletableFuture<Void> holder = hold(held, 7000);
        JsonPath done =
                Imports.run(editor, JSON.writeValueAsString(fresh) + "\n" + JSON.writeValueAsString(update) + "\n", "");
        holder.join();
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(0, done.getInt("counts.refused"), done.prettify());
        assertEquals(1, done.getInt("counts.created"), done.prettify());
        assertEquals(1, done.getInt("counts.updated"), done.prettify());
        getAgreement(held).statusCode(200).body("title", equalTo("Written after the hold " + held));
        getAgreement(created).statusCode(200);
    }
}
