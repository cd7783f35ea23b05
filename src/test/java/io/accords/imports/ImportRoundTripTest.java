package io.accords.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Export → import gives back the same registry: the seeded registry is exported, emptied of its agreements and their
 * parties, and imported from the export; a second import of the same file changes nothing. Runs on a database of its
 * own (the profile restarts the application on a cleaned database), on H2 and on PostgreSQL.
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

    private static String export() {
        return given().header(ADMIN)
                .queryParam("format", "ndjson")
                .when()
                .get("/api/v1/agreements/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The exported agreements, without what a write sets (version, times), in a stable order. */
    private static Set<String> records(String ndjson) throws Exception {
        Set<String> records = new TreeSet<>();
        for (String line : ndjson.split("\n")) {
            if (!line.isBlank()) {
                ObjectNode row = (ObjectNode) JSON.readTree(line);
                row.remove(List.of("version", "createdAt", "updatedAt"));
                records.add(JSON.writeValueAsString(row));
            }
        }
        return records;
    }

    @Test
    void anExportImportedIntoAnEmptiedRegistryGivesTheSameRecordsAndASecondImportChangesNothing() throws Exception {
        String exported = export();
        Set<String> before = records(exported);
        assertTrue(before.size() >= 13, "the seeded registry is exported: " + before.size());

        Set<String> parties = new TreeSet<>();
        List<String> remaining = new ArrayList<>();
        for (String line : exported.split("\n")) {
            JsonNode row = JSON.readTree(line);
            remaining.add(row.path("id").asText());
            row.path("parties")
                    .forEach(p -> parties.add(p.path("party").path("id").asText()));
        }
        // Children before the agreements they link to: each pass deletes what nothing refers to any more.
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
        for (String party : parties) {
            assertEquals(204, delete("/api/v1/parties/" + party), "party " + party);
        }
        assertEquals("", export().strip(), "the registry holds no agreement");

        JsonPath first = Imports.run(ADMIN, exported, "");
        assertEquals("DONE", first.getString("status"));
        assertEquals(before.size(), first.getInt("counts.created"));
        assertEquals(0, first.getInt("counts.refused"), () -> refusals(first.getString("id")));
        assertEquals(before, records(export()));

        JsonPath second = Imports.run(ADMIN, exported, "");
        assertEquals(0, second.getInt("counts.created"));
        assertEquals(0, second.getInt("counts.updated"));
        assertEquals(before.size(), second.getInt("counts.unchanged"));
        assertEquals(before, records(export()));
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
