package io.accords.imports;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accords.support.Api;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An export imported back unchanged changes nothing, in either format: no record updated, created or refused, no new
 * version, relations' notes and sources and everything else CSV cannot carry kept as stored. Run on the whole registry
 * (the seeded records and whatever earlier tests made, in the database the suite shares), exported by an admin who
 * sees all of it. ImportRoundTripTest does the same on a freshly seeded database of its own, and the restore elsewhere.
 */
@QuarkusTest
class WholeRegistryRoundTripTest {

    private static final Header ADMIN = Tokens.bearer("admin", "CONFIDENTIAL");

    @ParameterizedTest
    @ValueSource(strings = {"csv", "ndjson"})
    void anUntouchedExportImportsBackChangingNothing(String format) {
        // Texts a CSV cell carries no differently from a left-out one, or might trim.
        String party = Api.createParty("KR");
        for (String summary : new String[] {"", "   ", " spaced out "}) {
            Api.createAgreement(Api.with(Api.agreement(party), "summary", summary));
        }
        String before = export("ndjson");
        String file = format.equals("ndjson") ? before : export("csv");
        String contentType = format.equals("csv") ? "text/csv" : "application/x-ndjson";
        JsonPath job = Imports.finished(ADMIN, Imports.submit(ADMIN, file, "", contentType));
        String refusals = given().header(ADMIN)
                .when()
                .get("/api/v1/imports/" + job.getString("id") + "/refusals")
                .asString();
        assertEquals("DONE", job.getString("status"), refusals);
        assertEquals(0, job.getInt("counts.refused"), refusals);
        String after = export("ndjson");
        assertEquals(0, job.getInt("counts.created"), () -> job.prettify() + changed(before, after));
        assertEquals(0, job.getInt("counts.updated"), () -> job.prettify() + changed(before, after));
        assertEquals(job.getInt("counts.read"), job.getInt("counts.unchanged"));
        assertEquals(before, after, "every agreement as it was, version and relations included");
    }

    /** The lines of the first export the second does not hold, and what it holds instead. */
    private static String changed(String before, String after) {
        java.util.Set<String> now = new java.util.HashSet<>(java.util.List.of(after.split("\n")));
        java.util.Set<String> then = new java.util.HashSet<>(java.util.List.of(before.split("\n")));
        return "\nbefore: " + then.stream().filter(line -> !now.contains(line)).toList() + "\nafter: "
                + now.stream().filter(line -> !then.contains(line)).toList();
    }

    private static String export(String format) {
        return Api.export(ADMIN, format, java.util.Map.of());
    }
}
