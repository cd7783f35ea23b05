package io.accords.security;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Random registries (jqwik arbitraries: parties and agreements at random classifications, random participations and
 * parents) and callers of every clearance: what a caller sees through every read path equals the registry filtered by
 * its clearance, computed here independently of the service. The seed is printed; replay with
 * {@code -Dclearance.seed=...}, and {@code -Dclearance.registries=N} tries more.
 */
@QuarkusTest
class ClearancePropertyTest {

    private static final List<String> LEVELS = List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL");
    private static final ObjectMapper JSON = new ObjectMapper();

    record PartySpec(String classification, String country) {}

    record AgreementSpec(String classification, List<Integer> parties, Integer parent) {}

    record RegistrySpec(List<PartySpec> parties, List<AgreementSpec> agreements) {}

    /** What was created: ids in the order of the spec. */
    record Created(
            RegistrySpec spec, String tag, List<String> parties, List<String> acronyms, List<String> agreements) {}

    private static Arbitrary<RegistrySpec> registries() {
        Arbitrary<String> level = Arbitraries.of(LEVELS);
        Arbitrary<PartySpec> party = Combinators.combine(level, Arbitraries.of("KR", "PE", "JP", "FR"))
                .as(PartySpec::new);
        Arbitrary<AgreementSpec> agreement = Combinators.combine(
                        level,
                        Arbitraries.integers()
                                .between(0, 99)
                                .list()
                                .ofMinSize(1)
                                .ofMaxSize(3)
                                .uniqueElements(),
                        Arbitraries.integers().between(0, 99).injectNull(0.4))
                .as(AgreementSpec::new);
        return Combinators.combine(
                        party.list().ofMinSize(2).ofMaxSize(5),
                        agreement.list().ofMinSize(2).ofMaxSize(6))
                .as(RegistrySpec::new);
    }

    @Test
    void whatACallerSeesThroughEveryReadPathIsTheRegistryFilteredByClearance() {
        long seed = Long.getLong("clearance.seed", System.nanoTime());
        int tries = Integer.getInteger("clearance.registries", 10);
        System.out.println("ClearancePropertyTest seed: " + seed + " (replay with -Dclearance.seed=" + seed + ")");
        Random random = new Random(seed);
        JqwikSession.start();
        try {
            var generator = registries().generator(100);
            for (int i = 0; i < tries; i++) {
                Created created = create(generator.next(random).value());
                for (String clearance : LEVELS) {
                    check(created, clearance, "registry " + i + " (seed " + seed + ") as a " + clearance + " reader");
                }
            }
        } finally {
            JqwikSession.finish();
        }
    }

    private static Created create(RegistrySpec spec) {
        String tag = unique("prop").replace(" ", "-");
        List<String> parties = new ArrayList<>();
        List<String> acronyms = new ArrayList<>();
        for (PartySpec party : spec.parties) {
            String acronym = ("P" + UUID.randomUUID().toString().replace("-", ""))
                    .substring(0, 10)
                    .toUpperCase();
            acronyms.add(acronym);
            parties.add(post(
                    "/api/v1/parties",
                    with(
                            with(party(unique("Prop party"), party.country), "acronym", acronym),
                            "classification",
                            party.classification)));
        }
        List<String> agreements = new ArrayList<>();
        for (int i = 0; i < spec.agreements.size(); i++) {
            AgreementSpec agreement = spec.agreements.get(i);
            Map<String, Object> body =
                    with(with(agreement(), "tags", List.of(tag)), "classification", agreement.classification);
            body.put(
                    "parties",
                    participants(spec, i).stream()
                            .map(p -> Map.of("partyId", parties.get(p), "role", "SIGNATORY"))
                            .toList());
            Integer parent = parent(spec, i);
            if (parent != null) {
                body.put("parentId", agreements.get(parent));
            }
            agreements.add(post("/api/v1/agreements", body));
        }
        return new Created(spec, tag, parties, acronyms, agreements);
    }

    /** The distinct parties an agreement names, as indexes into the registry's parties. */
    private static List<Integer> participants(RegistrySpec spec, int agreement) {
        return new ArrayList<>(new LinkedHashSet<>(spec.agreements.get(agreement).parties.stream()
                .map(p -> p % spec.parties.size())
                .toList()));
    }

    /** An earlier agreement as the parent, or none. */
    private static Integer parent(RegistrySpec spec, int agreement) {
        Integer parent = spec.agreements.get(agreement).parent;
        return parent == null || agreement == 0 ? null : parent % agreement;
    }

    private static String post(String path, Map<String, Object> body) {
        return io.accords.support.ClearanceRegistry.post(path, body);
    }

    private static boolean sees(String clearance, String classification) {
        return LEVELS.indexOf(classification) <= LEVELS.indexOf(clearance);
    }

    /** The agreement as a caller of this clearance must see it: id, parent, parties, countries. */
    private static Map<String, Object> expected(Created created, int i, String clearance) {
        RegistrySpec spec = created.spec;
        List<Integer> visible = participants(spec, i).stream()
                .filter(p -> sees(clearance, spec.parties.get(p).classification))
                .toList();
        Integer parent = parent(spec, i);
        Map<String, Object> view = new TreeMap<>();
        view.put("id", created.agreements.get(i));
        view.put(
                "parentId",
                parent != null && sees(clearance, spec.agreements.get(parent).classification)
                        ? created.agreements.get(parent)
                        : null);
        view.put("parties", visible.stream().map(created.parties::get).toList());
        view.put(
                "countries",
                new TreeSet<>(visible.stream()
                                .map(p -> spec.parties.get(p).country)
                                .toList())
                        .stream().toList());
        return view;
    }

    /** The same facts read from an answer's agreement. */
    private static Map<String, Object> actual(JsonNode agreement) {
        Map<String, Object> view = new TreeMap<>();
        view.put("id", agreement.path("id").asText());
        view.put(
                "parentId",
                agreement.path("parentId").isTextual()
                        ? agreement.path("parentId").asText()
                        : null);
        List<String> parties = new ArrayList<>();
        agreement
                .path("parties")
                .forEach(p -> parties.add(p.path("party").path("id").asText()));
        view.put("parties", parties);
        List<String> countries = new ArrayList<>();
        agreement.path("countries").forEach(c -> countries.add(c.asText()));
        view.put("countries", countries);
        return view;
    }

    private static Map<String, Map<String, Object>> byId(Iterable<JsonNode> agreements) {
        Map<String, Map<String, Object>> found = new TreeMap<>();
        agreements.forEach(a -> found.put(a.path("id").asText(), actual(a)));
        return found;
    }

    private static JsonNode get(Header reader, String path, Map<String, ?> query) {
        return given().header(reader)
                .queryParams(query)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .as(JsonNode.class);
    }

    private static void check(Created created, String clearance, String what) {
        RegistrySpec spec = created.spec;
        Header reader = new Header("Authorization", "Bearer " + Tokens.cached("reader", clearance));
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        for (int i = 0; i < spec.agreements.size(); i++) {
            if (sees(clearance, spec.agreements.get(i).classification)) {
                expected.put(created.agreements.get(i), expected(created, i, clearance));
            }
        }
        Map<String, Object> scope = Map.of("q", created.tag, "size", 100);

        assertEquals(expected, byId(get(reader, "/api/v1/agreements", scope).path("items")), what + ": list");
        assertEquals(
                expected.size(),
                get(reader, "/api/v1/agreements", scope).path("total").asInt(),
                what);
        assertEquals(
                expected,
                byId(get(reader, "/api/v1/agreements/sync", Map.of("q", created.tag, "size", 500))
                        .path("items")),
                what + ": sync");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : given().header(reader)
                .queryParams(Map.of("q", created.tag, "format", "ndjson"))
                .when()
                .get("/api/v1/agreements/export")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .split("\n")) {
            if (!line.isBlank()) {
                lines.add(read(line));
            }
        }
        assertEquals(expected, byId(lines), what + ": export");

        JsonNode facets = get(reader, "/api/v1/agreements/facets", Map.of("q", created.tag));
        assertEquals(expected.size(), facets.path("total").asInt(), what + ": facets total");
        Map<String, Integer> countries = new TreeMap<>();
        expected.values()
                .forEach(
                        a -> ((List<?>) a.get("countries")).forEach(c -> countries.merge((String) c, 1, Integer::sum)));
        Map<String, Integer> counted = new TreeMap<>();
        facets.path("countries")
                .forEach(c ->
                        counted.put(c.path("value").asText(), c.path("count").asInt()));
        assertEquals(countries, counted, what + ": country facet");

        for (int i = 0; i < spec.agreements.size(); i++) {
            String id = created.agreements.get(i);
            if (expected.containsKey(id)) {
                assertEquals(expected.get(id), actual(get(reader, "/api/v1/agreements/" + id, Map.of())), what);
            } else {
                given().header(reader)
                        .when()
                        .get("/api/v1/agreements/" + id)
                        .then()
                        .statusCode(404);
            }
            Map<String, Map<String, Object>> children = new TreeMap<>();
            expected.values().stream()
                    .filter(a -> id.equals(a.get("parentId")))
                    .forEach(a -> children.put((String) a.get("id"), a));
            assertEquals(
                    children,
                    byId(get(reader, "/api/v1/agreements", Map.of("q", created.tag, "parent", id))
                            .path("items")),
                    what + ": children of " + id);
        }
        for (int p = 0; p < spec.parties.size(); p++) {
            String id = created.parties.get(p);
            Map<String, Map<String, Object>> naming = new TreeMap<>();
            expected.values().stream()
                    .filter(a -> ((List<?>) a.get("parties")).contains(id))
                    .forEach(a -> naming.put((String) a.get("id"), a));
            if (!sees(clearance, spec.parties.get(p).classification)) {
                given().header(reader)
                        .when()
                        .get("/api/v1/parties/" + id)
                        .then()
                        .statusCode(404);
                given().header(reader)
                        .when()
                        .get("/api/v1/parties/" + id + "/agreements")
                        .then()
                        .statusCode(404);
                assertEquals(Map.of(), naming, what + ": hidden party " + id + " is listed in an agreement");
            } else {
                given().header(reader)
                        .when()
                        .get("/api/v1/parties/" + id)
                        .then()
                        .statusCode(200);
                JsonNode mine = get(reader, "/api/v1/parties/" + id + "/agreements", Map.of("size", 100));
                assertEquals(naming, byId(mine.path("items")), what + ": agreements of party " + id);
            }
            assertEquals(
                    naming,
                    byId(get(reader, "/api/v1/agreements", Map.of("q", created.tag, "party", created.acronyms.get(p)))
                            .path("items")),
                    what + ": party filter by acronym");
            String country = spec.parties.get(p).country;
            Map<String, Map<String, Object>> inCountry = new TreeMap<>();
            expected.values().stream()
                    .filter(a -> ((List<?>) a.get("countries")).contains(country))
                    .forEach(a -> inCountry.put((String) a.get("id"), a));
            assertEquals(
                    inCountry,
                    byId(get(reader, "/api/v1/agreements", Map.of("q", created.tag, "country", country))
                            .path("items")),
                    what + ": country filter " + country);
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
