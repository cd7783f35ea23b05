package io.accords.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accords.support.Changes;
import io.accords.support.ClearanceRegistry;
import io.accords.support.ClearanceRegistry.Registry;
import io.accords.support.ClearanceRegistry.Secret;
import io.accords.support.ContractFilter;
import io.accords.support.Receiver;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The clearance promise, checked against every operation the OpenAPI document lists (so a new endpoint joins without
 * anyone editing this test): a registry holds agreements and parties at every classification, linked every way (a
 * public child of a hidden parent, hidden parties in a visible agreement, a record raised and one lowered after
 * earlier versions), and each caller below the highest clearance calls every operation with every id and with every
 * query parameter set to values that belong to hidden records. No answer (status, headers, body) may contain an id,
 * title, name or acronym of a record above the caller's clearance, except the value the caller itself sent; and an
 * answer about a hidden record must equal the answer about an unknown one.
 */
@QuarkusTest
class ClearanceMatrixTest {

    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");
    /** Query parameters that read a record's past, and a value each: now, and a diff from its first version on. */
    private static final Map<String, String> PAST =
            Map.of("asOf", java.time.Instant.now().plusSeconds(3600).toString(), "from", "0", "to", "1");

    @Test
    void noOperationTellsACallerAnythingAboveItsClearance() {
        Registry registry = ClearanceRegistry.build();
        JsonNode paths = given().queryParam("format", "json")
                .when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class)
                .path("paths");
        StringBuilder seenByTheCleared = new StringBuilder();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                requests += walk(registry, path.getKey(), op.getKey(), op.getValue(), seenByTheCleared);
            }
        }
        // The check can fail: a cleared caller does meet every secret somewhere in the same walk.
        for (Secret secret : registry.secrets()) {
            if (!secret.kind().equals("old title")) {
                assertTrue(
                        seenByTheCleared.indexOf(secret.words().get(0)) >= 0,
                        "a CONFIDENTIAL caller never saw " + secret + "; the walk does not reach it");
            }
        }
        assertTrue(
                seenByTheCleared.indexOf(registry.secrets().stream()
                                .filter(s -> s.kind().equals("old title"))
                                .findFirst()
                                .orElseThrow()
                                .words()
                                .get(0))
                        >= 0,
                "a CONFIDENTIAL caller sees the old title in history");
        assertTrue(requests > 500, "the matrix sent " + requests + " requests");
    }

    @Test
    void aCalendarFeedReadsNothingAboveItsCreatorsClearance() {
        Registry registry = ClearanceRegistry.build();
        for (String clearance : ClearanceRegistry.LEVELS) {
            Header reader = new Header("Authorization", "Bearer " + Tokens.cached("reader", clearance));
            List<Secret> hidden = registry.above(clearance);
            // Every feed of this caller: all milestones due soon, and one per hidden party's country.
            List<Map<String, Object>> filters = new ArrayList<>();
            filters.add(Map.of("withinDays", "30"));
            hidden.stream()
                    .filter(s -> s.kind().equals("party"))
                    .forEach(s -> filters.add(
                            Map.of("withinDays", "30", "country", List.of(ClearanceRegistry.COUNTRY.get(s.level())))));
            for (Map<String, Object> filter : filters) {
                Response made = given().header(reader)
                        .contentType(ContentType.JSON)
                        .body(Map.of("name", registry.marker() + " feed", "filters", filter))
                        .when()
                        .post("/api/v1/calendar/feeds");
                assertEquals(201, made.statusCode(), made.asString());
                String url = made.path("url");
                Response feed = given().header(Tokens.NONE).when().get(url);
                assertEquals(200, feed.statusCode(), feed.asString());
                // Unfolded (RFC 5545 folds lines at 75 octets), so that a word cut by a fold is still found.
                String calendar = feed.asString().replace("\r\n ", "");
                ClearanceRegistry.assertNothingHidden(
                        calendar + "\n" + feed.getHeaders(),
                        hidden,
                        List.of(),
                        "a " + clearance + " feed " + filter + ",");
                if (clearance.equals("CONFIDENTIAL") && filter.size() == 1) {
                    // The check can fail: the cleared creator's feed does hold every milestone of the registry.
                    registry.secrets().stream()
                            .filter(s -> s.kind().equals("milestone"))
                            .forEach(s -> assertTrue(
                                    calendar.contains(s.words().get(0)),
                                    "the CONFIDENTIAL feed misses " + s + ":\n" + calendar));
                }
                given().header(reader)
                        .when()
                        .delete("/api/v1/calendar/feeds/" + made.path("id"))
                        .then()
                        .statusCode(204);
            }
        }
    }

    @Test
    void theChangeFeedAndItsStreamTellNothingAboveTheCallersClearance() throws Exception {
        Map<String, String> before = new LinkedHashMap<>();
        for (String clearance : ClearanceRegistry.LEVELS) {
            before.put(clearance, Changes.cursorNow(Tokens.bearer("reader", clearance)));
        }
        Registry registry = ClearanceRegistry.build();
        for (String clearance : ClearanceRegistry.LEVELS) {
            Header reader = Tokens.bearer("reader", clearance);
            StringBuilder told = new StringBuilder();
            for (String data : List.of("RECORD", "PATCH")) {
                List<Map<String, Object>> events = Changes.readAll(reader, before.get(clearance), "data=" + data);
                told.append(events).append('\n');
                Response last = Changes.page(reader, "after=" + before.get(clearance) + "&limit=1000&data=" + data);
                told.append(last.getHeaders()).append('\n');
            }
            told.append(String.join("\n", Changes.stream(reader.getValue(), before.get(clearance), null, 2)));
            ClearanceRegistry.assertNothingHidden(
                    told.toString(), registry.above(clearance), List.of(), "a " + clearance + " follower of the feed");
            if (clearance.equals("CONFIDENTIAL")) {
                // The check can fail: the cleared follower is told of every record of the registry.
                registry.secrets()
                        .forEach(secret -> assertTrue(
                                told.indexOf(secret.words().get(0)) >= 0,
                                "the CONFIDENTIAL follower was not told of " + secret));
            }
        }
    }

    @Test
    void aWebhookDeliversNothingAboveItsOwnersClearance() throws Exception {
        Map<String, Receiver> receivers = new LinkedHashMap<>();
        Map<String, String> subscriptions = new LinkedHashMap<>();
        try {
            for (String clearance : ClearanceRegistry.LEVELS) {
                Receiver receiver = new Receiver();
                receivers.put(clearance, receiver);
                Response made = given().header(Tokens.bearer("reader", clearance))
                        .contentType(ContentType.JSON)
                        .body(Map.of("target", receiver.url()))
                        .when()
                        .post("/api/v1/subscriptions");
                assertEquals(201, made.statusCode(), made.asString());
                subscriptions.put(clearance, made.path("id"));
            }
            Registry registry = ClearanceRegistry.build();
            // The check can fail: the cleared owner is told of every record of the registry.
            receivers
                    .get("CONFIDENTIAL")
                    .await(
                            posts -> registry.secrets().stream()
                                    .allMatch(secret -> posts.toString()
                                            .contains(secret.words().get(0))),
                            java.time.Duration.ofSeconds(90));
            for (String clearance : List.of("PUBLIC", "RESTRICTED")) {
                // Each is told of the registry's records it may see, after which it has had its turn.
                List<Secret> seen = registry.secrets().stream()
                        .filter(s -> !registry.above(clearance).contains(s)
                                && !s.kind().equals("old title"))
                        .toList();
                List<Receiver.Post> posts = receivers
                        .get(clearance)
                        .await(
                                all -> seen.stream()
                                        .allMatch(s -> all.toString()
                                                .contains(s.words().get(0))),
                                java.time.Duration.ofSeconds(90));
                Thread.sleep(2000);
                ClearanceRegistry.assertNothingHidden(
                        toldAndNotTakenBack(receivers.get(clearance).posts(), registry.above(clearance)),
                        registry.above(clearance),
                        List.of(),
                        "a webhook of a " + clearance + " owner (" + posts.size() + " posts)");
            }
        } finally {
            receivers.values().forEach(Receiver::close);
            subscriptions.values().forEach(id -> given().when().delete("/api/v1/subscriptions/" + id));
        }
    }

    /**
     * The posts, but for those about a record the owner was told of while it could see it and then told was deleted:
     * a live follower learns a record before it is raised above it, and is then told it is gone. That record's last post
     * must be its tombstone (no data), or this fails.
     */
    private static String toldAndNotTakenBack(List<Receiver.Post> posts, List<Secret> hidden) {
        List<Receiver.Post> kept = new ArrayList<>(posts);
        for (Secret secret : hidden) {
            List<Receiver.Post> about = posts.stream()
                    .filter(p -> io.restassured.path.json.JsonPath.from(p.body())
                            .getString("subject")
                            .equals(secret.id()))
                    .toList();
            if (!about.isEmpty()) {
                io.restassured.path.json.JsonPath last = io.restassured.path.json.JsonPath.from(
                        about.get(about.size() - 1).body());
                assertTrue(
                        last.getString("type").endsWith(".deleted") && last.get("data") == null,
                        "a webhook was told of " + secret + " and never that it is gone: " + about);
                kept.removeAll(about);
            }
        }
        return kept.toString();
    }

    /** Every request of one operation, for every caller; the number sent. */
    private int walk(Registry registry, String template, String method, JsonNode operation, StringBuilder seen) {
        List<String> ids = new ArrayList<>(registry.secrets().stream()
                .filter(s -> !s.kind().equals("old title"))
                .map(Secret::id)
                .toList());
        ids.addAll(registry.otherIds());
        List<String> queryParameters = new ArrayList<>();
        Map<String, List<String>> enums = new LinkedHashMap<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                queryParameters.add(parameter.path("name").asText());
                JsonNode values = parameter.path("schema").path("enum");
                if (values.isArray()) {
                    List<String> names = new ArrayList<>();
                    values.forEach(v -> names.add(v.asText()));
                    enums.put(parameter.path("name").asText(), names);
                }
            }
        }
        boolean scoped = queryParameters.contains("q");
        int sent = 0;
        for (String clearance : ClearanceRegistry.LEVELS) {
            for (String role : WRITES.contains(method) ? List.of("editor", "admin") : List.of("reader", "admin")) {
                Header token = new Header("Authorization", "Bearer " + Tokens.cached(role, clearance));
                List<Secret> hidden = registry.above(clearance);
                List<String> pathIds = underAgreement(template)
                        ? List.copyOf(registry.milestoneAgreements().keySet())
                        : template.contains("{id}") || template.contains("{agreementId}") ? ids : List.of("");
                // Each id with the operation's plain query, then with the parameters that read the past (asOf, a
                // diff's from and to) where the operation takes them.
                List<Map<String, String>> queries = new ArrayList<>();
                Map<String, String> plain = new LinkedHashMap<>();
                if (queryParameters.contains("maxSeconds")) {
                    // A stream: one second of it (theChangeFeed... reads the registry's own changes in full).
                    plain.put("maxSeconds", "1");
                }
                if (scoped) {
                    plain.put("q", registry.marker());
                }
                enums.forEach((name, values) -> plain.put(name, values.get(values.size() - 1)));
                queries.add(plain);
                Map<String, String> past = new LinkedHashMap<>(plain);
                PAST.forEach((name, value) -> {
                    if (queryParameters.contains(name)) {
                        past.put(name, value);
                    }
                });
                if (!past.equals(plain)) {
                    queries.add(past);
                }
                for (Map<String, String> query : queries) {
                    for (String id : pathIds) {
                        Answer answer = send(token, method, fill(template, id, registry), query);
                        sent++;
                        check(answer, hidden, sentIds(template, id, registry), clearance, seen);
                        Secret target = hidden.stream()
                                .filter(s -> s.id().equals(id))
                                .findFirst()
                                .orElse(null);
                        if (target != null) {
                            String unknown = UUID.randomUUID().toString();
                            if (underAgreement(template)) {
                                registry.milestoneAgreements()
                                        .put(
                                                unknown,
                                                registry.milestoneAgreements().get(id));
                            }
                            assertSame(
                                    send(token, method, fill(template, unknown, registry), query),
                                    answer,
                                    unknown,
                                    id,
                                    method + " " + template + "?" + query + " as " + role + "/" + clearance);
                            sent++;
                        }
                    }
                }
                if (!method.equals("get") || template.contains("{")) {
                    continue;
                }
                for (String parameter : queryParameters) {
                    for (Secret secret : hidden) {
                        for (String probe : probes(secret, parameter, registry)) {
                            String word = parameter.equals("q") ? searchWord(secret) : probe;
                            String unknown = unknownLike(word);
                            Map<String, String> query = new LinkedHashMap<>();
                            if (queryParameters.contains("maxSeconds") && !parameter.equals("maxSeconds")) {
                                query.put("maxSeconds", "1");
                            }
                            if (scoped && !parameter.equals("q")) {
                                query.put("q", registry.marker());
                            }
                            query.put(parameter, probe);
                            Answer answer = send(token, method, template, query);
                            check(answer, hidden, List.of(probe), clearance, seen);
                            query.put(parameter, probe.replace(word, unknown));
                            assertSame(
                                    send(token, method, template, query),
                                    answer,
                                    unknown,
                                    word,
                                    "GET " + template + "?" + parameter + " as " + role + "/" + clearance);
                            sent += 2;
                        }
                    }
                }
            }
        }
        return sent;
    }

    /** The one word a search would find the record by. */
    private static String searchWord(Secret secret) {
        return secret.words()
                .get(secret.kind().equals("party") ? 0 : secret.words().size() - 1);
    }

    /** The values of a hidden record a caller might try in a query parameter. */
    private static List<String> probes(Secret secret, String parameter, Registry registry) {
        if (parameter.equals("q")) {
            return List.of(registry.marker() + " " + searchWord(secret));
        }
        List<String> probes = new ArrayList<>(List.of(secret.id()));
        if (secret.kind().equals("party")) {
            probes.add(secret.words().get(1));
            probes.add(ClearanceRegistry.COUNTRY.get(secret.level()));
        }
        return probes;
    }

    /**
     * The path with its ids: a record's id, or for a milestone's path the milestone's id under the agreement it
     * belongs to.
     */
    private static final String FEED_SECRET = io.accords.http.secrets.Secrets.mint();

    private static String fill(String template, String id, Registry registry) {
        // A calendar feed's secret: one the service could have minted, which names no feed.
        template = template.replace("{version}", "0").replace("{secret}", FEED_SECRET);
        if (underAgreement(template)) {
            return template.replace(
                            "{agreementId}", registry.milestoneAgreements().get(id))
                    .replace("{id}", id);
        }
        return template.replace("{agreementId}", id).replace("{id}", id);
    }

    /** A milestone's own path: its id under the agreement it belongs to. */
    private static boolean underAgreement(String template) {
        return template.contains("{agreementId}") && template.contains("{id}");
    }

    /** The ids a request names, which its answer may repeat. */
    private static List<String> sentIds(String template, String id, Registry registry) {
        return underAgreement(template)
                ? List.of(id, registry.milestoneAgreements().get(id))
                : List.of(id);
    }

    /** A value of the same shape that belongs to nothing. */
    private static String unknownLike(String probe) {
        if (probe.length() == 36) {
            return UUID.randomUUID().toString();
        }
        if (probe.length() == 2) {
            return "ZW";
        }
        String letters = ("z" + UUID.randomUUID().toString().replace("-", "")).repeat(4);
        String unknown = letters.substring(0, probe.length());
        return probe.equals(probe.toUpperCase(Locale.ROOT)) ? unknown.toUpperCase(Locale.ROOT) : unknown;
    }

    /**
     * The matrix's requests go through the JDK's HTTP client rather than REST Assured, whose Groovy costs more CPU than
     * the service answering (most of the matrix's time, measured); each answer is still held to the contract.
     */
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An answer as the matrix reads it. */
    private record Answer(int status, String body, HttpHeaders headers) {

        /** The first value of a header, or null. */
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The body, then each header as a line of its own. */
        String text() {
            StringBuilder text = new StringBuilder(body);
            headers.map()
                    .forEach((name, values) -> values.forEach(
                            value -> text.append('\n').append(name).append(": ").append(value)));
            return text.toString();
        }
    }

    private static Answer send(Header token, String method, String path, Map<String, String> query) {
        StringBuilder uri = new StringBuilder("http://localhost:" + RestAssured.port + path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            uri.append(separator)
                    .append(encoded(parameter.getKey()))
                    .append('=')
                    .append(encoded(parameter.getValue()));
            separator = '&';
        }
        String verb = method.toUpperCase(Locale.ROOT);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
                .timeout(Duration.ofSeconds(60))
                .header(token.getName(), token.getValue())
                .header("If-Match", "\"0\"");
        if (!method.equals("get") && !method.equals("delete")) {
            request.header("Content-Type", method.equals("patch") ? "application/merge-patch+json" : "application/json")
                    .method(verb, HttpRequest.BodyPublishers.ofString("{\"status\": \"IN_FORCE\"}"));
        } else {
            request.method(verb, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), response.headers());
            String contentType = Objects.requireNonNullElse(answer.header("Content-Type"), "");
            ContractFilter.judge(verb, path, answer.status(), contentType, answer.body());
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(verb + " " + uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Nothing in the answer belongs to a hidden record, but what the caller sent. */
    private static void check(
            Answer answer, List<Secret> hidden, List<String> sent, String clearance, StringBuilder seen) {
        String all = answer.text();
        if (clearance.equals("CONFIDENTIAL")) {
            seen.append(all).append('\n');
        }
        ClearanceRegistry.assertNothingHidden(
                all, hidden, sent, "a " + clearance + " caller, from " + answer.status() + ",");
    }

    /** The answer about a hidden value equals the answer about an unknown one, once the values are swapped. */
    private static void assertSame(
            Answer unknownAnswer, Answer hiddenAnswer, String unknown, String hidden, String what) {
        assertEquals(unknownAnswer.status(), hiddenAnswer.status(), what + ": status differs");
        assertEquals(unknownAnswer.body().replace(unknown, hidden), hiddenAnswer.body(), what + ": body differs");
        for (String header : List.of("Link", "Location", "ETag", "Content-Type", "Allow")) {
            String expected = unknownAnswer.header(header);
            assertEquals(
                    expected == null ? null : expected.replace(unknown, hidden),
                    hiddenAnswer.header(header),
                    what + ": " + header + " differs");
        }
    }
}
