package io.accords.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accords.support.Api;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Export → import gives back the same registry: the seeded registry's export imported back changes nothing; the same
 * export under ids never used (a restore into another registry) creates every record as exported, and a second import
 * of it changes nothing; once its records are deleted, the export cannot bring them back under their old ids. Runs on a
 * database of its own (the profile restarts the application on a cleaned database), on H2 and on PostgreSQL.
 */
@QuarkusTest
@TestProfile(ImportRoundTripTest.OwnDatabase.class)
class ImportRoundTripTest {

    /** Any setting of its own makes Quarkus start this test on a freshly cleaned and seeded database. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("accords.imports.batch-size", "4");
        }
    }

    private static final Header ADMIN = Tokens.bearer("admin", "CONFIDENTIAL");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static String export() {
        return Api.export(ADMIN, "ndjson", Map.of());
    }

    /** The exported agreements, without what a write sets (version, times), in a stable order. */
    private static Set<String> records(String ndjson, Set<String> ids) throws Exception {
        Set<String> records = new TreeSet<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                ObjectNode row = (ObjectNode) JSON.readTree(line);
                if (ids == null || ids.contains(row.path("id").asText())) {
                    row.remove(List.of("version", "createdAt", "updatedAt"));
                    records.add(JSON.writeValueAsString(row));
                }
            }
        }
        return records;
    }

    /**
     * The export as another registry would hold it: every agreement and party under a new id (wherever the id
     * appears: links, claims), party names and identifiers made its own, since they are unique here too. Occasions are
     * not in an agreement export and keep theirs.
     */
    private static String elsewhere(String ndjson, Set<String> agreementIds, Map<String, String> newIds)
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : ndjson.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode row = (ObjectNode) JSON.readTree(line);
            row.path("parties").forEach(p -> {
                ObjectNode party = (ObjectNode) p.path("party");
                party.put("name", party.path("name").asText() + " (elsewhere)");
            });
            row.path("identifiers")
                    .forEach(i -> ((ObjectNode) i).put("value", i.path("value").asText() + "-x"));
            Matcher ids = UUIDS.matcher(JSON.writeValueAsString(row));
            StringBuilder moved = new StringBuilder();
            while (ids.find()) {
                String id = ids.group();
                boolean own = agreementIds.contains(id) || isParty(row, id);
                ids.appendReplacement(
                        moved,
                        own
                                ? newIds.computeIfAbsent(
                                        id, old -> UUID.randomUUID().toString())
                                : id);
            }
            ids.appendTail(moved);
            lines.add(moved.toString());
        }
        return String.join("\n", lines) + "\n";
    }

    private static boolean isParty(JsonNode row, String id) {
        for (JsonNode p : row.path("parties")) {
            if (p.path("party").path("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anExportImportedBackChangesNothing() throws Exception {
        String exported = export();
        Set<String> before = records(exported, null);
        assertTrue(before.size() >= 13, "the seeded registry is exported: " + before.size());
        JsonPath again = Imports.run(ADMIN, exported, "");
        assertEquals(0, again.getInt("counts.created"));
        assertEquals(0, again.getInt("counts.updated"));
        assertEquals(0, again.getInt("counts.refused"), () -> refusals(again.getString("id")));
        assertEquals(before.size(), again.getInt("counts.unchanged"));
        assertEquals(before, records(export(), null));
    }

    @Test
    void anExportRestoredUnderIdsNeverUsedGivesTheSameRecordsAndASecondImportChangesNothing() throws Exception {
        String exported = export();
        Set<String> agreementIds = new TreeSet<>();
        for (String line : exported.split("\n")) {
            agreementIds.add(JSON.readTree(line).path("id").asText());
        }
        Map<String, String> newIds = new HashMap<>();
        String restored = elsewhere(exported, agreementIds, newIds);
        Set<String> expected = records(restored, null);
        assertEquals(agreementIds.size(), expected.size());

        JsonPath first = Imports.run(ADMIN, restored, "");
        assertEquals("DONE", first.getString("status"));
        assertEquals(0, first.getInt("counts.refused"), () -> refusals(first.getString("id")));
        assertEquals(expected.size(), first.getInt("counts.created"));
        Set<String> created = new TreeSet<>();
        agreementIds.forEach(id -> created.add(newIds.get(id)));
        assertEquals(expected, records(export(), created));

        JsonPath second = Imports.run(ADMIN, restored, "");
        assertEquals(0, second.getInt("counts.created"));
        assertEquals(0, second.getInt("counts.updated"));
        assertEquals(expected.size(), second.getInt("counts.unchanged"));

        // Deleted, its records do not come back under their old ids: an id once used is never given again.
        List<String> remaining = new ArrayList<>(created);
        while (!remaining.isEmpty()) {
            List<String> left = new ArrayList<>();
            for (String id : remaining) {
                if (delete("/api/v1/agreements/" + id) == 409) {
                    left.add(id);
                }
            }
            assertTrue(left.size() < remaining.size(), "some agreement can be deleted: " + left);
            remaining = left;
        }
        Set<String> restoredParties = new TreeSet<>(newIds.values());
        restoredParties.removeAll(created);
        for (String party : restoredParties) {
            assertEquals(204, delete("/api/v1/parties/" + party), "party " + party);
        }
        JsonPath third = Imports.run(ADMIN, restored, "");
        assertEquals(0, third.getInt("counts.created"));
        assertEquals(expected.size(), third.getInt("counts.refused"));
        assertEquals(Set.of(), records(export(), created), "no deleted agreement came back");
        String refused = refusals(third.getString("id"));
        assertTrue(refused.contains("never under the id a deleted party had"), refused);
    }

    private static int delete(String path) {
        String etag = given().header(ADMIN)
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
        return given().header(ADMIN)
                .header("If-Match", etag)
                .when()
                .delete(path)
                .then()
                .extract()
                .statusCode();
    }

    private static String refusals(String job) {
        return given().header(ADMIN)
                .when()
                .get("/api/v1/imports/" + job + "/refusals")
                .asString();
    }
}
