package io.accords.support;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.party;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A registry for clearance checks: agreements, parties, occasions, programmes and milestones at every classification, linked every
 * way (a public child of a hidden parent, hidden parties in a visible agreement, a record raised and one lowered after
 * earlier versions), each with the strings that would reveal it. Written by the default (CONFIDENTIAL admin) caller.
 */
public final class ClearanceRegistry {

    private ClearanceRegistry() {}

    public static final List<String> LEVELS = List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL");
    public static final Map<String, String> COUNTRY = Map.of("PUBLIC", "KR", "RESTRICTED", "JP", "CONFIDENTIAL", "FR");

    /** A record of the registry: its id, its level, and the strings that would reveal it. */
    public record Secret(String id, String level, String kind, List<String> words) {}

    /** The registry; the marker tags every agreement of it, so a search for it scopes an answer to the registry. */
    public record Registry(
            String marker, List<Secret> secrets, List<String> otherIds, Map<String, String> milestoneAgreements) {

        public List<Secret> above(String clearance) {
            return secrets.stream()
                    .filter(s -> LEVELS.indexOf(s.level) > LEVELS.indexOf(clearance))
                    .toList();
        }
    }

    public static Registry build() {
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
            secrets.add(new Secret(id, level, "party", List.of(word, acronym, word + " Industries")));
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
        for (String level : LEVELS) {
            String token = "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String name = marker + " programme " + level.toLowerCase(Locale.ROOT) + " " + token;
            String id = post(
                    "/api/v1/programmes",
                    Map.of(
                            "name",
                            name,
                            "system",
                            token.toUpperCase(Locale.ROOT),
                            "countries",
                            List.of(COUNTRY.get(level)),
                            "sources",
                            List.of(Map.of("url", "https://example.org/" + token)),
                            "classification",
                            level));
            secrets.add(new Secret(id, level, "programme", List.of(name, token)));
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
            }
            String identifier = marker + "-" + level.toLowerCase(Locale.ROOT);
            body.put("identifiers", List.of(Map.of("scheme", "sipri", "value", identifier)));
            String id = post("/api/v1/agreements", body);
            agreements.put(level, id);
            secrets.add(new Secret(id, level, "agreement", List.of(title, identifier, token)));
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

    public static String post(String path, Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post(path)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static void patch(String path, String body, long version) {
        given().header("If-Match", "\"" + version + "\"")
                .contentType("application/merge-patch+json")
                .body(body)
                .when()
                .patch(path)
                .then()
                .statusCode(200);
    }

    /**
     * Fails when the text holds an id, title, name, acronym or identifier of a hidden record, except within a value the
     * caller itself sent; {@code who} says who would have learnt it ("a PUBLIC caller, from 404").
     */
    public static void assertNothingHidden(String text, List<Secret> hidden, List<String> sent, String who) {
        for (Secret secret : hidden) {
            List<String> revealing = new ArrayList<>(secret.words());
            revealing.add(secret.id());
            for (String word : revealing) {
                boolean own = sent.stream().anyMatch(s -> s.contains(word));
                if (!own && text.contains(word)) {
                    throw new AssertionError(
                            who + " learnt " + word + " of the " + secret.level() + " " + secret.kind() + ":\n" + text);
                }
            }
        }
    }
}
