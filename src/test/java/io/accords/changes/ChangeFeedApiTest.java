package io.accords.changes;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.with;
import static io.accords.support.Problems.assertInvalidField;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Changes;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The change feed: every change once, in order, as the caller may see it; its stream; its refusals. */
@QuarkusTest
class ChangeFeedApiTest {

    private static final Header PUBLIC_READER = Tokens.bearer("reader", "PUBLIC");

    @Test
    void aRecordsLifeIsThreeEventsInOrderWithATombstoneLast() {
        String now = Changes.cursorNow(Tokens.bearer("admin", "CONFIDENTIAL"));
        String party = createParty("KR");
        String id = createAgreement(agreement(party));
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"summary\": \"Changed by the feed test\"}")
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200);
        given().header("If-Match", "\"1\"")
                .when()
                .delete("/api/v1/agreements/" + id)
                .then()
                .statusCode(204);

        List<Map<String, Object>> events = Changes.readAll(null, now, "kind=agreement");
        List<Map<String, Object>> mine =
                events.stream().filter(e -> id.equals(e.get("subject"))).toList();
        assertEquals(
                List.of("accords.agreement.created", "accords.agreement.updated", "accords.agreement.deleted"),
                mine.stream().map(e -> e.get("type")).toList());
        assertEquals(
                List.of(0, 1, 1), mine.stream().map(e -> e.get("recordversion")).toList());
        assertEquals("Changed by the feed test", ((Map<?, ?>) mine.get(1).get("data")).get("summary"));
        assertNull(mine.get(2).get("data"), "a tombstone carries no record");
        assertEquals("1.0", mine.get(0).get("specversion"));
        assertTrue(
                events.stream().noneMatch(e -> !e.get("type").toString().startsWith("accords.agreement.")),
                "kind=agreement gave other kinds: " + events);
        // The party's creation is in the whole feed, before the agreement's.
        List<Object> all = Changes.readAll(null, now, "").stream()
                .map(e -> e.get("subject"))
                .toList();
        assertTrue(all.indexOf(party) >= 0 && all.indexOf(party) < all.indexOf(id), all.toString());
        // data=PATCH: what changed, from the version before.
        Map<?, ?> patch = (Map<?, ?>) Changes.readAll(null, now, "kind=agreement&data=PATCH").stream()
                .filter(e -> id.equals(e.get("subject")))
                .toList()
                .get(1)
                .get("data");
        assertEquals(0, patch.get("from"));
        assertTrue(patch.get("patch").toString().contains("/summary"), patch.toString());
    }

    @Test
    void aRecordRaisedAboveAFollowerIsDeletedToItOneLoweredIsCreatedAndAReplayLearnsNothingOfTheRaised() {
        Header reader = PUBLIC_READER;
        String now = Changes.cursorNow(reader);
        String party = createParty("KR");
        String hidden = createAgreement(with(agreement(party), "classification", "RESTRICTED"));
        String raised = createAgreement(agreement(party));
        String[] followed = new String[1];
        assertEquals(
                List.of("raised accords.agreement.created"),
                told(Changes.readAll(reader, now, "kind=agreement", followed), raised, hidden));
        patchClassification(raised, "CONFIDENTIAL");
        patchClassification(hidden, "PUBLIC");

        // The follower that knew it is told it is gone; the lowered one comes into its view.
        List<Map<String, Object>> after = Changes.readAll(reader, followed[0], "kind=agreement");
        assertEquals(
                List.of("raised accords.agreement.deleted", "hidden accords.agreement.created"),
                told(after, raised, hidden));
        Map<String, Object> tombstone = after.stream()
                .filter(e -> e.get("subject").equals(raised))
                .findFirst()
                .orElseThrow();
        assertNull(tombstone.get("data"));
        assertEquals(1, tombstone.get("recordversion"));
        // Read again from before it all, now: nothing of the raised record, not even its id.
        List<Map<String, Object>> replay = Changes.readAll(reader, now, "kind=agreement");
        assertEquals(List.of("hidden accords.agreement.created"), told(replay, raised, hidden));
        assertFalse(replay.toString().contains(raised), replay.toString());
        // One at a time, the same events: nothing the caller may not see takes a place on a page.
        List<Object> oneByOne = new ArrayList<>();
        String cursor = now;
        for (int i = 0; i < 100; i++) {
            Response page = Changes.page(reader, "after=" + cursor + "&kind=agreement&limit=1");
            List<Map<String, Object>> events = page.jsonPath().getList("$");
            if (events.isEmpty()) {
                break;
            }
            assertEquals(1, events.size());
            oneByOne.add(events.get(0).get("id"));
            cursor = Changes.next(page);
        }
        assertEquals(replay.stream().map(e -> e.get("id")).toList(), oneByOne);
    }

    private static List<String> told(List<Map<String, Object>> events, String raised, String hidden) {
        return events.stream()
                .filter(e -> e.get("subject").equals(raised) || e.get("subject").equals(hidden))
                .map(e -> (e.get("subject").equals(raised) ? "raised " : "hidden ") + e.get("type"))
                .toList();
    }

    private static void patchClassification(String id, String classification) {
        given().contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"classification\": \"" + classification + "\"}")
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void whatIsNotACursorKindOrLimitIsRefusedSayingWhatToSend() {
        assertInvalidField(
                given().when().get("/api/v1/changes?after=not-a-cursor").then(), "/api/v1/changes", "after");
        assertInvalidField(
                given().when()
                        .get("/api/v1/changes?after=AAAAAAAAAAAAAAAAAAAAAA")
                        .then(),
                "/api/v1/changes",
                "after");
        assertInvalidField(given().when().get("/api/v1/changes?kind=treaty").then(), "/api/v1/changes", "kind");
        assertInvalidField(given().when().get("/api/v1/changes?limit=0").then(), "/api/v1/changes", "limit");
        assertInvalidField(given().when().get("/api/v1/changes?limit=1001").then(), "/api/v1/changes", "limit");
        assertInvalidField(given().when().get("/api/v1/changes?data=FULL").then(), "/api/v1/changes", "data");
        for (String seconds : List.of("0", "3601", "soon")) {
            assertInvalidField(
                    given().when()
                            .get("/api/v1/changes/stream?maxSeconds=" + seconds)
                            .then(),
                    "/api/v1/changes/stream",
                    "maxSeconds");
        }
    }

    @Test
    void theStreamSendsTheSameEventsAsThePagesAndGoesOnAfterLastEventId() throws Exception {
        String now = Changes.cursorNow(null);
        String party = createParty("KR");
        String first = createAgreement(agreement(party));
        List<String> lines = Changes.stream(Tokens.defaultAuthorization(), now, null, 2);
        List<Map<String, Object>> streamed = Changes.events(lines);
        List<Map<String, Object>> paged = Changes.readAll(null, now, "");
        assertEquals(paged, streamed, String.join("\n", lines));
        assertTrue(streamed.stream().anyMatch(e -> e.get("subject").equals(first)));
        // Resumed with Last-Event-ID after the party's creation: what came after it, and only that.
        List<String> sseIds = Changes.field(lines, "id:");
        int partyAt = streamed.indexOf(streamed.stream()
                .filter(e -> party.equals(e.get("subject")))
                .findFirst()
                .orElseThrow());
        List<Map<String, Object>> resumed =
                Changes.events(Changes.stream(Tokens.defaultAuthorization(), null, sseIds.get(partyAt), 1));
        assertEquals(streamed.subList(partyAt + 1, streamed.size()), resumed);
    }

    @Test
    void aFollowerReadingWhileEightClientsWriteSeesEveryAcknowledgedChangeOnce() throws Exception {
        String now = Changes.cursorNow(null);
        String party = createParty("KR");
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Map<String, Object>> followed = new ArrayList<>();
        Thread follower = new Thread(() -> {
            String after = now;
            boolean last = false;
            while (true) {
                boolean done = !writing.get();
                Response page = Changes.page(null, "after=" + after + "&kind=agreement&limit=50");
                List<Map<String, Object>> events = page.jsonPath().getList("$");
                followed.addAll(events);
                after = Changes.next(page);
                if (events.isEmpty() && done) {
                    if (last) {
                        return;
                    }
                    last = true; // once more, after the sequencer's next sweep
                    sleep(1500);
                }
            }
        });
        follower.start();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int c = 0; c < 8; c++) {
            clients.submit(() -> {
                for (int i = 0; i < 6; i++) {
                    String id = createAgreement(agreement(party));
                    acknowledged.merge(id, 1, Integer::sum);
                    Response patched = given().contentType("application/merge-patch+json")
                            .header("If-Match", "\"0\"")
                            .body("{\"summary\": \"written at once\"}")
                            .when()
                            .patch("/api/v1/agreements/" + id);
                    assertEquals(200, patched.statusCode(), patched.asString());
                    acknowledged.merge(id, 2, (a, b) -> a * 10 + b);
                }
                return null;
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(5, TimeUnit.MINUTES));
        writing.set(false);
        follower.join(60_000);
        assertFalse(follower.isAlive());
        Map<String, List<Object>> versions = new java.util.HashMap<>();
        followed.stream()
                .filter(e -> acknowledged.containsKey(e.get("subject").toString()))
                .forEach(e -> versions.computeIfAbsent(e.get("subject").toString(), k -> new ArrayList<>())
                        .add(e.get("recordversion")));
        assertEquals(48, acknowledged.size());
        acknowledged.keySet().forEach(id -> assertEquals(List.of(0, 1), versions.get(id), id));
        assertEquals(
                followed.size(),
                followed.stream().map(e -> e.get("id")).distinct().count(),
                "an event was read twice");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
