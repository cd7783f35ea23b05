package io.accords.security;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.party;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    private static final List<String> LEVELS = List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL");
    private static final Map<String, String> COUNTRY = Map.of("PUBLIC", "KR", "RESTRICTED", "JP", "CONFIDENTIAL", "FR");
    private static final List<String> WRITES = List.of("post", "put", "patch", "delete");

    /** A record of the registry: its id, its level, and the strings that would reveal it. */
    private record Secret(String id, String level, String kind, List<String> words) {}

    /** The registry; the marker tags every agreement of it, so a search for it scopes an answer to the registry. */
    private record Registry(
            String marker, List<Secret> secrets, List<String> otherIds, Map<String, String> milestoneAgreements) {

        List<Secret> above(String clearance) {
            return secrets.stream()
                    .filter(s -> LEVELS.indexOf(s.level) > LEVELS.indexOf(clearance))
                    .toList();
        }
    }

    private static Registry build() {
        String marker = "mx" + UUID.randomUUID().toString().substring(0, 8);
        List<Secret> secrets = new ArrayList<>();
        Map<String, String> parties = new LinkedHashMap<>();
        for (String level : LEVELS) {
            String word = marker + "p" + level.toLowerCase(Locale.ROOT).substring(0, 3);
            String acronym = ("A" + UUID.randomUUID().toString().replace("-", ""))
                    .substring(0, 10)
                    .toUpperCase();
            Map<String, Object> body = with(
                    with(
                            with(party(word + " Industries", COUNTRY.get(level)), "acronym", acronym),
                            "classification",
                            level),
                    "aliases",
                    List.of(word + " alias"));
            String id = post("/api/v1/parties", body);
            parties.put(level, id);
            secrets.add(new Secret(id, level, "party", List.of(word, acronym)));
        }
        Map<String, String> occasions = new LinkedHashMap<>();
        for (String level : LEVELS) {
            String token = "v" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String name = marker + " occasion " + level.toLowerCase(Locale.ROOT) + " " + token;
            String id = post(
                    "/api/v1/occasions",
                    Map.of(
                            "name",
                            name,
                            "kind",
                            "SUMMIT",
                            "country",
                            COUNTRY.get(level),
                            "starts",
                            "2024-11",
                            "sources",
                            List.of(Map.of("url", "https://example.org/" + token)),
                            "classification",
                            level));
            occasions.put(level, id);
            secrets.add(new Secret(id, level, "occasion", List.of(name, token)));
        }
        Map<String, String> agreements = new LinkedHashMap<>();
        for (String level : List.of("CONFIDENTIAL", "RESTRICTED", "PUBLIC")) {
            String token = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String title = marker + " agreement " + level.toLowerCase(Locale.ROOT) + " " + token;
            Map<String, Object> body = with(
                    with(
                            with(agreement(parties.get("PUBLIC"), parties.get(level)), "title", title),
                            "classification",
                            level),
                    "tags",
                    List.of(marker));
            if (level.equals("PUBLIC")) {
                body.put("parentId", agreements.get("CONFIDENTIAL"));
                body.put(
                        "parties",
                        List.of(
                                Map.of("partyId", parties.get("PUBLIC"), "role", "SIGNATORY"),
                                Map.of("partyId", parties.get("CONFIDENTIAL"), "role", "SUPPLIER"),
                                Map.of("partyId", parties.get("RESTRICTED"), "role", "WITNESS")));
            }
            if (level.equals("RESTRICTED")) {
                body.put("parentId", agreements.get("CONFIDENTIAL"));
            }
            // Each agreement made at an occasion of its own level, the public one at a confidential occasion and
            // related to the confidential agreement, so that every link shows up somewhere to the cleared only.
            body.put("occasionId", occasions.get(level.equals("PUBLIC") ? "CONFIDENTIAL" : level));
            if (level.equals("PUBLIC")) {
                body.put(
                        "relations", List.of(Map.of("kind", "RELATED", "agreementId", agreements.get("CONFIDENTIAL"))));
                body.put("identifiers", List.of(Map.of("scheme", "sipri", "value", marker + "-public")));
            }
            String id = post("/api/v1/agreements", body);
            agreements.put(level, id);
            secrets.add(new Secret(id, level, "agreement", List.of(title, token)));
        }
        // A public child of a restricted parent, a record raised after a public version, one lowered after a
        // confidential one whose old title stays secret.
        List<String> otherIds = new ArrayList<>();
        // It also relates to the public agreement, which is then never deleted by the walk: its milestones stay.
        otherIds.add(post(
                "/api/v1/agreements",
                with(
                        with(
                                with(agreement(parties.get("PUBLIC")), "parentId", agreements.get("RESTRICTED")),
                                "relations",
                                List.of(Map.of("kind", "FOLLOWS_UP", "agreementId", agreements.get("PUBLIC")))),
                        "tags",
                        List.of(marker))));
        String raisedToken = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String raisedTitle = marker + " raised " + raisedToken;
        String raised = post(
                "/api/v1/agreements",
                with(with(agreement(parties.get("PUBLIC")), "title", raisedTitle), "tags", List.of(marker)));
        patch("/api/v1/agreements/" + raised, "{\"classification\": \"CONFIDENTIAL\"}", 0);
        secrets.add(new Secret(raised, "CONFIDENTIAL", "agreement", List.of(raisedTitle, raisedToken)));
        String oldToken = "o" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String oldTitle = marker + " lowered " + oldToken;
        String lowered = post(
                "/api/v1/agreements",
                with(
                        with(
                                with(agreement(parties.get("PUBLIC")), "title", oldTitle),
                                "classification",
                                "CONFIDENTIAL"),
                        "tags",
                        List.of(marker)));
        patch(
                "/api/v1/agreements/" + lowered,
                "{\"title\": \"" + marker + " now public\", \"classification\":" + " \"PUBLIC\"}",
                0);
        secrets.add(new Secret(UUID.randomUUID().toString(), "CONFIDENTIAL", "old title", List.of(oldTitle, oldToken)));
        otherIds.add(lowered);
        // Milestones: one of each level under the public agreement, and a public one under the confidential
        // agreement (hidden with it); each due soon, so that the calendar holds them.
        Map<String, String> milestoneAgreements = new LinkedHashMap<>();
        String due =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(10).toString();
        for (String level : List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL", "PUBLIC under CONFIDENTIAL")) {
            String agreement = agreements.get(level.startsWith("PUBLIC ") ? "CONFIDENTIAL" : "PUBLIC");
            String token = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String title = marker + " milestone " + token;
            String id = post(
                    "/api/v1/agreements/" + agreement + "/milestones",
                    Map.of(
                            "kind",
                            "REVIEW",
                            "title",
                            title,
                            "due",
                            due,
                            "status",
                            "PLANNED",
                            "classification",
                            level.split(" ")[0]));
            milestoneAgreements.put(id, agreement);
            secrets.add(new Secret(
                    id, level.startsWith("PUBLIC ") ? "CONFIDENTIAL" : level, "milestone", List.of(title, token)));
        }
        return new Registry(marker, secrets, otherIds, milestoneAgreements);
    }

    private static String post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void patch(String path, String body, long version) {
        given().header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json")
                .body(body)
                .when()
                .patch(path)
                .then()
                .statusCode(200);
    }

    @Test
    void noOperationTellsACallerAnythingAboveItsClearance() {
        Registry registry = build();
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
        for (Secret secret : registry.secrets) {
            if (!secret.kind.equals("old title")) {
                assertTrue(
                        seenByTheCleared.indexOf(secret.words.get(0)) >= 0,
                        "a CONFIDENTIAL caller never saw " + secret + "; the walk does not reach it");
            }
        }
        assertTrue(
                seenByTheCleared.indexOf(registry.secrets.stream()
                                .filter(s -> s.kind.equals("old title"))
                                .findFirst()
                                .orElseThrow()
                                .words
                                .get(0))
                        >= 0,
                "a CONFIDENTIAL caller sees the old title in history");
        assertTrue(requests > 500, "the matrix sent " + requests + " requests");
    }

    /** Every request of one operation, for every caller; the number sent. */
    private int walk(Registry registry, String template, String method, JsonNode operation, StringBuilder seen) {
        List<String> ids = new ArrayList<>(registry.secrets.stream()
                .filter(s -> !s.kind.equals("old title"))
                .map(Secret::id)
                .toList());
        ids.addAll(registry.otherIds);
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
        for (String clearance : LEVELS) {
            for (String role : WRITES.contains(method) ? List.of("editor", "admin") : List.of("reader", "admin")) {
                Header token = new Header("Authorization", "Bearer " + Tokens.cached(role, clearance));
                List<Secret> hidden = registry.above(clearance);
                List<String> pathIds = template.contains("{milestoneId}")
                        ? List.copyOf(registry.milestoneAgreements.keySet())
                        : template.contains("{id}") ? ids : List.of("");
                for (String id : pathIds) {
                    Map<String, String> query = new LinkedHashMap<>();
                    if (scoped) {
                        query.put("q", registry.marker);
                    }
                    enums.forEach((name, values) -> query.put(name, values.get(values.size() - 1)));
                    Response answer = send(token, method, fill(template, id, registry), query);
                    sent++;
                    check(answer, hidden, sentIds(template, id, registry), clearance, seen);
                    Secret target = hidden.stream()
                            .filter(s -> s.id.equals(id))
                            .findFirst()
                            .orElse(null);
                    if (target != null) {
                        String unknown = UUID.randomUUID().toString();
                        if (template.contains("{milestoneId}")) {
                            registry.milestoneAgreements.put(unknown, registry.milestoneAgreements.get(id));
                        }
                        assertSame(
                                send(token, method, fill(template, unknown, registry), query),
                                answer,
                                unknown,
                                id,
                                method + " " + template + " as " + role + "/" + clearance);
                        sent++;
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
                            if (scoped && !parameter.equals("q")) {
                                query.put("q", registry.marker);
                            }
                            query.put(parameter, probe);
                            Response answer = send(token, method, template, query);
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
        return secret.words.get(secret.kind.equals("party") ? 0 : secret.words.size() - 1);
    }

    /** The values of a hidden record a caller might try in a query parameter. */
    private static List<String> probes(Secret secret, String parameter, Registry registry) {
        if (parameter.equals("q")) {
            return List.of(registry.marker + " " + searchWord(secret));
        }
        List<String> probes = new ArrayList<>(List.of(secret.id));
        if (secret.kind.equals("party")) {
            probes.add(secret.words.get(1));
            probes.add(COUNTRY.get(secret.level));
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
        if (template.contains("{milestoneId}")) {
            return template.replace("{id}", registry.milestoneAgreements.get(id))
                    .replace("{milestoneId}", id);
        }
        return template.replace("{id}", id);
    }

    /** The ids a request names, which its answer may repeat. */
    private static List<String> sentIds(String template, String id, Registry registry) {
        return template.contains("{milestoneId}") ? List.of(id, registry.milestoneAgreements.get(id)) : List.of(id);
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

    private static Response send(Header token, String method, String path, Map<String, String> query) {
        RequestSpecification request = given().header(token).queryParams(query).header("If-Match", "\"0\"");
        if (!method.equals("get") && !method.equals("delete")) {
            request = request.contentType(method.equals("patch") ? "application/merge-patch+json" : "application/json")
                    .body("{\"status\": \"IN_FORCE\"}");
        }
        return request.when().request(method.toUpperCase(Locale.ROOT), path);
    }

    /** Nothing in the answer belongs to a hidden record, but what the caller sent. */
    private static void check(
            Response answer, List<Secret> hidden, List<String> sent, String clearance, StringBuilder seen) {
        StringBuilder text = new StringBuilder(answer.asString());
        answer.getHeaders()
                .forEach(h -> text.append('\n').append(h.getName()).append(": ").append(h.getValue()));
        String all = text.toString();
        if (clearance.equals("CONFIDENTIAL")) {
            seen.append(all).append('\n');
        }
        for (Secret secret : hidden) {
            List<String> revealing = new ArrayList<>(secret.words);
            revealing.add(secret.id);
            for (String word : revealing) {
                boolean own = sent.stream().anyMatch(s -> s.contains(word));
                assertTrue(
                        own || !all.contains(word),
                        () -> "a " + clearance + " caller learnt " + word + " of the " + secret.level + " "
                                + secret.kind + " from " + answer.statusCode() + ":\n" + all);
            }
        }
    }

    /** The answer about a hidden value equals the answer about an unknown one, once the values are swapped. */
    private static void assertSame(
            Response unknownAnswer, Response hiddenAnswer, String unknown, String hidden, String what) {
        assertEquals(unknownAnswer.statusCode(), hiddenAnswer.statusCode(), what + ": status differs");
        assertEquals(
                unknownAnswer.asString().replace(unknown, hidden), hiddenAnswer.asString(), what + ": body differs");
        for (String header : List.of("Link", "Location", "ETag", "Content-Type", "Allow")) {
            String expected = unknownAnswer.getHeader(header);
            assertEquals(
                    expected == null ? null : expected.replace(unknown, hidden),
                    hiddenAnswer.getHeader(header),
                    what + ": " + header + " differs");
        }
    }
}
