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
 * of it changes nothing; once its records are deleted, the export cannot bring them back under their old ids. Rows that
 * name what the batch before them writes end as one batch after another would write them, though batches are written
 * two at a time. Runs on a database of its own (the profile restarts the application on a cleaned database, with
 * batches of four rows), on H2 and on PostgreSQL.
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

    /**
     * Batches are written two at a time, a batch staged while the one before it is written only when that one cannot
     * change what it reads (ImportWorker.Batches). Rows naming what the batch before them writes (its agreements as
     * their own id or parent, an identifier it holds) end as they would one batch after another: updated, linked, or
     * refused for an identifier taken.
     */
    @Test
    void rowsThatNameWhatTheBatchBeforeWritesEndAsOneBatchAfterAnotherWouldWriteThem() throws Exception {
        String party = Api.createParty("KR");
        List<String> ids = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(UUID.randomUUID().toString());
            Map<String, Object> row = new HashMap<>(Api.agreement(party));
            row.put("id", ids.get(i));
            rows.add(row);
        }
        Map<String, String> x = Map.of("scheme", "contract", "value", Api.unique("KR-X"));
        Map<String, String> y = Map.of("scheme", "contract", "value", Api.unique("KR-Y"));
        // Batch 1 (rows 1-4) creates; batch 2 links to, renames and matches by identifier what batch 1 created.
        rows.get(0).put("identifiers", List.of(x));
        rows.get(4).put("parentId", ids.get(0));
        rows.get(5).put("id", ids.get(1));
        rows.get(5).put("title", "Renamed by the batch after");
        rows.get(6).remove("id");
        rows.get(6).put("identifiers", List.of(x));
        rows.get(6).put("title", "Matched by its identifier");
        // Batch 3 links to batch 2; batch 4 only creates; batch 5 names the identifier batch 4 holds.
        rows.get(8).put("parentId", ids.get(4));
        rows.get(12).put("identifiers", List.of(y));
        rows.get(16).put("identifiers", List.of(y));
        StringBuilder file = new StringBuilder();
        for (Map<String, Object> row : rows) {
            file.append(JSON.writeValueAsString(row)).append('\n');
        }

        JsonPath job = Imports.run(ADMIN, file.toString(), "");

        assertEquals("DONE", job.getString("status"));
        assertEquals(17, job.getInt("counts.created"), job.prettify());
        assertEquals(2, job.getInt("counts.updated"), job.prettify());
        assertEquals(1, job.getInt("counts.refused"), job.prettify());
        assertTrue(refusals(job.getString("id")).contains("already names agreement " + ids.get(12)));
        assertEquals(ids.get(0), Api.getAgreement(ids.get(4)).extract().path("parentId"));
        assertEquals(ids.get(4), Api.getAgreement(ids.get(8)).extract().path("parentId"));
        assertEquals(
                "Renamed by the batch after",
                Api.getAgreement(ids.get(1)).extract().path("title"));
        assertEquals(
                "Matched by its identifier",
                Api.getAgreement(ids.get(0)).extract().path("title"));
        Api.getAgreement(ids.get(16)).statusCode(404);
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
