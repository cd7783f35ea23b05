package io.accords.webhooks;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.with;
import static io.accords.support.Problems.assertInvalidField;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Receiver;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Webhooks: every change the owner may see, posted in order, signed, retried, logged, paused, rotated, replayed. */
@QuarkusTest
class WebhookApiTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void eachChangeIsPostedInOrderSignedAndLogged() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Response made = subscribe(null, Map.of("target", receiver.url(), "kinds", List.of("agreement")));
            String secret = made.path("secret");
            assertTrue(secret.startsWith("whsec_"), secret);
            String party = createParty("KR");
            String id = createAgreement(agreement(party));
            given().contentType("application/merge-patch+json")
                    .header("If-Match", "\"0\"")
                    .body("{\"summary\": \"Told by a webhook\"}")
                    .when()
                    .patch("/api/v1/agreements/" + id)
                    .then()
                    .statusCode(200);
            given().header("If-Match", "\"1\"")
                    .when()
                    .delete("/api/v1/agreements/" + id)
                    .then()
                    .statusCode(204);

            List<Receiver.Post> posts = receiver.await(p -> p.size() >= 3, WAIT);
            assertEquals(
                    List.of("accords.agreement.created", "accords.agreement.updated", "accords.agreement.deleted"),
                    posts.stream()
                            .map(p -> JsonPath.from(p.body()).getString("type"))
                            .toList(),
                    "only agreements, in order: " + posts);
            for (Receiver.Post post : posts) {
                assertEquals(id, JsonPath.from(post.body()).getString("subject"));
                assertEquals(
                        JsonPath.from(post.body()).getString("id"),
                        post.headers().get("webhook-id"));
                assertTrue(post.headers().get("Content-Type").startsWith("application/cloudevents+json"));
                assertEquals(List.of(expected(secret, post)), signatures(post));
            }
            String subscription = made.path("id");
            JsonPath log = given().when()
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(List.of("DELIVERED", "DELIVERED", "DELIVERED"), log.getList("items.outcome"));
            assertEquals(List.of(204, 204, 204), log.getList("items.statusCode"));
            // The secret is told once.
            given().when()
                    .get("/api/v1/subscriptions/" + subscription)
                    .then()
                    .statusCode(200)
                    .body("secret", org.hamcrest.Matchers.nullValue())
                    .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
            given().when()
                    .delete("/api/v1/subscriptions/" + subscription)
                    .then()
                    .statusCode(204);
        }
    }

    @Test
    void aFailingTargetIsRetriedWithTheSameIdThenDisabledWithTheReasonAndResumed() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.status.set(503);
            String subscription = subscribe(null, Map.of("target", receiver.url(), "kinds", List.of("party")))
                    .path("id");
            String party = createParty("KR");
            // Three failures in a row (the test setting) disable it.
            receiver.await(p -> p.size() >= 3, WAIT);
            JsonPath disabled = awaitStatus(subscription, "DISABLED");
            assertTrue(disabled.getString("statusReason").contains("503"), disabled.prettify());
            List<Receiver.Post> failed = receiver.posts();
            assertEquals(
                    1,
                    failed.stream()
                            .map(p -> p.headers().get("webhook-id"))
                            .distinct()
                            .count(),
                    "same id");
            Thread.sleep(1500);
            assertEquals(failed.size(), receiver.posts().size(), "a disabled subscription posts nothing");

            receiver.status.set(200);
            given().when()
                    .post("/api/v1/subscriptions/" + subscription + "/resume")
                    .then()
                    .statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
            List<Receiver.Post> posts = receiver.await(p -> p.size() > failed.size(), WAIT);
            Receiver.Post delivered = posts.get(failed.size());
            assertEquals(
                    failed.get(0).headers().get("webhook-id"),
                    delivered.headers().get("webhook-id"));
            assertEquals(party, JsonPath.from(delivered.body()).getString("subject"));
            List<String> outcomes = given().when()
                    .get("/api/v1/subscriptions/" + subscription + "/deliveries")
                    .then()
                    .extract()
                    .jsonPath()
                    .getList("items.outcome");
            assertEquals("DELIVERED", outcomes.get(0));
            assertEquals(List.of("FAILED", "FAILED", "FAILED"), outcomes.subList(1, 4));
        }
    }

    @Test
    void deliveriesHoldOnlyWhatTheOwnerMaySee() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Header owner = Tokens.bearer("reader", "PUBLIC");
            subscribe(owner, Map.of("target", receiver.url(), "kinds", List.of("agreement")));
            String party = createParty("KR");
            String hidden = createAgreement(with(agreement(party), "classification", "RESTRICTED"));
            String seen = createAgreement(agreement(party));
            List<Receiver.Post> posts =
                    receiver.await(p -> p.stream().anyMatch(post -> post.body().contains(seen)), WAIT);
            Thread.sleep(1000);
            assertFalse(receiver.posts().toString().contains(hidden), posts.toString());
        }
    }

    @Test
    void agreementFiltersDeliverTheMatchingAgreementsChangesAndEveryDeletion() throws Exception {
        try (Receiver receiver = new Receiver()) {
            subscribe(null, Map.of("target", receiver.url(), "agreements", Map.of("sector", List.of("AEROSPACE"))));
            String party = createParty("KR");
            String naval = createAgreement(agreement(party));
            String aerospace = createAgreement(with(agreement(party), "sectors", List.of("AEROSPACE")));
            given().header("If-Match", "\"0\"")
                    .when()
                    .delete("/api/v1/agreements/" + naval)
                    .then()
                    .statusCode(204);
            String last = createParty("PE"); // parties are not filtered by agreement filters
            // Changes of different records may arrive in any order (lanes by record): the last party's creation can
            // come before the deletion, so the wait is for all four, then compared as a sorted list.
            List<Receiver.Post> posts = receiver.await(
                    p -> p.size() >= 4
                            && p.stream().anyMatch(post -> post.body().contains(last)),
                    WAIT);
            assertEquals(
                    List.of(
                            "aerospace accords.agreement.created",
                            "last accords.party.created",
                            "naval accords.agreement.deleted",
                            "party accords.party.created"),
                    posts.stream()
                            .map(post -> JsonPath.from(post.body()))
                            .map(event -> Map.of(party, "party", naval, "naval", aerospace, "aerospace", last, "last")
                                            .get(event.getString("subject"))
                                    + " " + event.getString("type"))
                            .sorted()
                            .toList());
        }
        JsonPath listed = given().when()
                .get("/api/v1/subscriptions")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertTrue(
                listed.getList("items.agreements").contains(Map.of("sector", List.of("AEROSPACE"))), listed.prettify());
        // A filter that is not one, a bad value, or agreement filters without agreements: 400 naming each.
        for (Map.Entry<Map<String, Object>, String> refused : Map.<Map<String, Object>, String>of(
                        Map.of("agreements", Map.of("colour", List.of("red"))), "agreements.colour",
                        Map.of("agreements", Map.of("sector", List.of("UNDERWATER"))), "agreements.sector",
                        Map.of("agreements", Map.of("sector", List.of("NAVAL")), "kinds", List.of("party")),
                                "agreements")
                .entrySet()) {
            Map<String, Object> body = new java.util.HashMap<>(refused.getKey());
            body.put("target", "https://example.org/x");
            assertInvalidField(
                    given().contentType(ContentType.JSON)
                            .body(body)
                            .when()
                            .post("/api/v1/subscriptions")
                            .then(),
                    "/api/v1/subscriptions",
                    refused.getValue());
        }
    }

    @Test
    void aSlowReceiverGetsSeveralRecordsAtOnceEachRecordsChangesInOrder() throws Exception {
        try (Receiver receiver = new Receiver()) {
            receiver.delayMillis.set(300);
            Response made = subscribe(null, Map.of("target", receiver.url(), "kinds", List.of("agreement")));
            given().when()
                    .post("/api/v1/subscriptions/" + made.path("id") + "/pause")
                    .then()
                    .statusCode(200);
            String party = createParty("KR");
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String id = createAgreement(agreement(party));
                given().contentType("application/merge-patch+json")
                        .header("If-Match", "\"0\"")
                        .body("{\"summary\": \"Second version\"}")
                        .when()
                        .patch("/api/v1/agreements/" + id)
                        .then()
                        .statusCode(200);
                ids.add(id);
            }
            // All sixteen wait; resumed, they go out in lanes by record.
            given().when()
                    .post("/api/v1/subscriptions/" + made.path("id") + "/resume")
                    .then()
                    .statusCode(200);
            List<Receiver.Post> posts = receiver.await(p -> p.size() >= 16, WAIT);
            for (String id : ids) {
                assertEquals(
                        List.of("accords.agreement.created", "accords.agreement.updated"),
                        posts.stream()
                                .map(post -> JsonPath.from(post.body()))
                                .filter(event -> id.equals(event.getString("subject")))
                                .map(event -> event.getString("type"))
                                .toList(),
                        "each record's changes once, in order");
            }
            assertTrue(
                    receiver.mostInFlight() > 1 && receiver.mostInFlight() <= WebhookDeliverer.LANES,
                    "posts under way at once: " + receiver.mostInFlight());
        }
    }

    @Test
    void aPausedSubscriptionWaitsARotatedOneSignsWithBothSecretsAndAReplayDeliversAgain() throws Exception {
        try (Receiver receiver = new Receiver()) {
            Response made = subscribe(null, Map.of("target", receiver.url(), "kinds", List.of("party")));
            String subscription = made.path("id");
            String old = made.path("secret");
            given().when()
                    .post("/api/v1/subscriptions/" + subscription + "/pause")
                    .then()
                    .statusCode(200);
            String before = io.accords.support.Changes.cursorNow(null);
            String party = createParty("KR");
            Thread.sleep(2000);
            assertEquals(List.of(), receiver.posts(), "paused");
            String fresh = given().when()
                    .post("/api/v1/subscriptions/" + subscription + "/secret")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("secret");
            given().when()
                    .post("/api/v1/subscriptions/" + subscription + "/resume")
                    .then()
                    .statusCode(200);
            Receiver.Post post = receiver.await(p -> !p.isEmpty(), WAIT).get(0);
            assertEquals(party, JsonPath.from(post.body()).getString("subject"));
            assertEquals(List.of(expected(fresh, post), expected(old, post)), signatures(post));

            // Replayed from before it: the same change again, with the same webhook-id.
            given().contentType(ContentType.JSON)
                    .body(Map.of("after", before))
                    .when()
                    .post("/api/v1/subscriptions/" + subscription + "/replay")
                    .then()
                    .statusCode(200);
            Receiver.Post again = receiver.await(p -> p.size() >= 2, WAIT).get(1);
            assertEquals(post.headers().get("webhook-id"), again.headers().get("webhook-id"));
            assertEquals(post.body(), again.body());
            assertInvalidField(
                    given().contentType(ContentType.JSON)
                            .body(Map.of("after", "not-a-cursor"))
                            .when()
                            .post("/api/v1/subscriptions/" + subscription + "/replay")
                            .then(),
                    "/api/v1/subscriptions/" + subscription + "/replay",
                    "after");
        }
    }

    @Test
    void aSubscriptionIsRefusedWhatItCannotDo() {
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body(Map.of("target", "ftp://example.org/x"))
                        .when()
                        .post("/api/v1/subscriptions")
                        .then(),
                "/api/v1/subscriptions",
                "target");
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body(Map.of("target", "https://example.org/x", "kinds", List.of("treaty")))
                        .when()
                        .post("/api/v1/subscriptions")
                        .then(),
                "/api/v1/subscriptions",
                "kind");
        assertInvalidField(
                given().contentType(ContentType.JSON)
                        .body(Map.of("target", "https://example.org/x", "types", List.of("renamed")))
                        .when()
                        .post("/api/v1/subscriptions")
                        .then(),
                "/api/v1/subscriptions",
                "types[0]");
        // Someone else's subscription is not there for a reader.
        String mine = subscribe(null, Map.of("target", "https://example.org/x")).path("id");
        given().header(Tokens.bearer("reader", "CONFIDENTIAL"))
                .when()
                .get("/api/v1/subscriptions/" + mine)
                .then()
                .statusCode(404);
        given().when().delete("/api/v1/subscriptions/" + mine).then().statusCode(204);
    }

    private static JsonPath awaitStatus(String subscription, String status) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonPath now = given().when()
                    .get("/api/v1/subscriptions/" + subscription)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (now.getString("status").equals(status)) {
                return now;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("subscription " + subscription + " never became " + status);
    }

    private static Response subscribe(Header owner, Map<String, Object> body) {
        var request = given();
        if (owner != null) {
            request = request.header(owner);
        }
        Response made = request.contentType(ContentType.JSON).body(body).when().post("/api/v1/subscriptions");
        assertEquals(201, made.statusCode(), made.asString());
        return made;
    }

    private static List<String> signatures(Receiver.Post post) {
        return List.of(post.headers().get("webhook-signature").split(" "));
    }

    /** The signature a receiver computes with plain HMAC, as the Standard Webhooks libraries do. */
    private static String expected(String secret, Receiver.Post post) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed =
                post.headers().get("webhook-id") + "." + post.headers().get("webhook-timestamp") + "." + post.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
