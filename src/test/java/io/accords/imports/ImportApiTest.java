package io.accords.imports;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Api;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bulk import as an editor meets it: counts, per-row problems, dry runs, atomic files, links and clearance. */
@QuarkusTest
class ImportApiTest {

    /** Cleared for everything, so its rows may create records under ids of their own. */
    private static final Header EDITOR = Tokens.bearer("editor", "CONFIDENTIAL");

    /** Someone from whom records are hidden: its rows name only the ids of records it may see. */
    private static final Header RESTRICTED_EDITOR = Tokens.bearer("editor", "RESTRICTED");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String line(Map<String, Object> agreement) throws Exception {
        return JSON.writeValueAsString(agreement);
    }

    private static Map<String, Object> row(String id, String party) {
        Map<String, Object> body = agreement(party);
        body.put("id", id);
        return body;
    }

    private static String ndjson(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(r -> {
                    try {
                        return line(r);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static int status(String id) {
        return given().header(EDITOR)
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void goodRowsAreWrittenAndEachBadRowIsRefusedWithTheProblemASingleWriteWouldAnswer() {
        String party = createParty("KR");
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        Map<String, Object> badRow = row(bad, party);
        badRow.put("status", "MAYBE");
        String file = ndjson(List.of(row(good, party), badRow)) + "{not json\n";
        JsonPath job = Imports.run(EDITOR, file, "");
        assertEquals("DONE", job.getString("status"));
        assertEquals(3, job.getInt("rows"));
        assertEquals(3, job.getInt("counts.read"));
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(2, job.getInt("counts.refused"));
        assertEquals(1.0, job.getDouble("progress"));
        assertEquals(200, status(good));
        assertEquals(404, status(bad));
        refusalsOf(job.getString("id"))
                .body("total", equalTo(2))
                .body("items[0].row", equalTo(2))
                .body("items[0].recordId", equalTo(bad))
                .body("items[0].problem.status", equalTo(400))
                .body("items[0].problem.errors[0].field", equalTo("status"))
                .body("items[1].row", equalTo(3))
                .body("items[1].problem.detail", containsString("not well-formed JSON"));
    }

    @Test
    void aSecondRunOfTheSameFileChangesNothingAndAChangedRowUpdatesItsRecord() {
        String party = createParty("KR");
        String id = UUID.randomUUID().toString();
        Map<String, Object> row = row(id, party);
        assertEquals(1, Imports.run(EDITOR, ndjson(List.of(row)), "").getInt("counts.created"));
        JsonPath again = Imports.run(EDITOR, ndjson(List.of(row)), "");
        assertEquals(0, again.getInt("counts.created"));
        assertEquals(0, again.getInt("counts.updated"));
        assertEquals(1, again.getInt("counts.unchanged"));
        row.put("status", "IN_FORCE");
        assertEquals(1, Imports.run(EDITOR, ndjson(List.of(row)), "").getInt("counts.updated"));
        given().header(EDITOR)
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("version", equalTo(1));
    }

    @Test
    void aRowWithoutIdIsMatchedByItsIdentifier() {
        String party = createParty("KR");
        Map<String, Object> row = agreement(party);
        String value = "IMP-" + UUID.randomUUID();
        row.put("identifiers", List.of(Map.of("scheme", "contract", "value", value)));
        assertEquals(1, Imports.run(EDITOR, ndjson(List.of(row)), "").getInt("counts.created"));
        row.put("status", "IN_FORCE");
        JsonPath second = Imports.run(EDITOR, ndjson(List.of(row)), "");
        assertEquals(0, second.getInt("counts.created"));
        assertEquals(1, second.getInt("counts.updated"));
        given().header(EDITOR)
                .queryParam("identifier", "contract:" + value)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].status", equalTo("IN_FORCE"));
    }

    @Test
    void aDryRunCountsWithoutWriting() {
        String party = createParty("KR");
        String id = UUID.randomUUID().toString();
        JsonPath job = Imports.run(EDITOR, ndjson(List.of(row(id, party))), "?dryRun=true");
        assertEquals(true, job.getBoolean("dryRun"));
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(404, status(id));
    }

    @Test
    void anAtomicFileWithABadRowWritesNothing() {
        String party = createParty("KR");
        String good = UUID.randomUUID().toString();
        Map<String, Object> bad = row(UUID.randomUUID().toString(), party);
        bad.remove("title");
        JsonPath job = Imports.run(EDITOR, ndjson(List.of(row(good, party), bad)), "?atomic=true");
        assertEquals("REFUSED", job.getString("status"));
        assertEquals(1, job.getInt("counts.refused"));
        assertEquals(0, job.getInt("counts.created"));
        assertEquals(404, status(good));
        refusalsOf(job.getString("id"))
                .body("items[0].row", equalTo(2))
                .body("items[0].problem.errors.field", hasItem("title"));
        JsonPath whole = Imports.run(EDITOR, ndjson(List.of(row(good, party))), "?atomic=true");
        assertEquals("DONE", whole.getString("status"));
        assertEquals(200, status(good));
    }

    @Test
    void aRowLinkingToAnAgreementLaterInTheFileIsWrittenOnceThatOneIs() {
        String party = createParty("KR");
        String child = UUID.randomUUID().toString();
        String parent = UUID.randomUUID().toString();
        Map<String, Object> childRow = row(child, party);
        childRow.put("parentId", parent);
        JsonPath job = Imports.run(EDITOR, ndjson(List.of(childRow, row(parent, party))), "");
        assertEquals(2, job.getInt("counts.created"));
        assertEquals(0, job.getInt("counts.refused"));
        given().header(EDITOR)
                .when()
                .get("/api/v1/agreements/" + child)
                .then()
                .statusCode(200)
                .body("parentId", equalTo(parent));
    }

    @Test
    void rowsAreWrittenWithTheSendersClearanceAndJobsAreTheirs() {
        String party = createParty("KR");
        Map<String, Object> secret = row(UUID.randomUUID().toString(), party);
        secret.put("classification", "CONFIDENTIAL");
        JsonPath job = Imports.run(RESTRICTED_EDITOR, ndjson(List.of(secret)), "");
        assertEquals(1, job.getInt("counts.refused"));
        Header another = new Header(
                "Authorization",
                "Bearer " + Tokens.sign(Tokens.claims("editor", "CONFIDENTIAL").subject("another-editor")));
        given().header(another)
                .when()
                .get("/api/v1/imports/" + job.getString("id"))
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().header(another)
                .when()
                .get("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(job.getString("id"))));
        given().header(RESTRICTED_EDITOR)
                .when()
                .get("/api/v1/imports")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(job.getString("id")));
        given().header(Tokens.bearer("reader", "CONFIDENTIAL"))
                .contentType("application/x-ndjson")
                .body(ndjson(List.of(secret)).getBytes())
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(403);
    }

    @Test
    void aJobIsReadOnlyWithTheClearanceItWasSentWith() {
        String party = createParty("KR");
        Map<String, Object> bad = row(UUID.randomUUID().toString(), party);
        bad.put("classification", "CONFIDENTIAL");
        bad.put("title", "Confidential row title " + UUID.randomUUID());
        bad.put("status", "MAYBE");
        String job = Imports.run(EDITOR, ndjson(List.of(bad)), "").getString("id");
        refusalsOf(job).body("items[0].problem.errors[0].field", equalTo("status"));
        // The same subject with a lower clearance, and an admin cleared below the job, learn nothing of it.
        for (Header lower :
                List.of(Tokens.bearer("editor", "PUBLIC"), RESTRICTED_EDITOR, Tokens.bearer("admin", "RESTRICTED"))) {
            for (String path : List.of("/api/v1/imports/" + job, "/api/v1/imports/" + job + "/refusals")) {
                given().header(lower)
                        .when()
                        .get(path)
                        .then()
                        .statusCode(404)
                        .contentType("application/problem+json")
                        .body(not(containsString("Confidential row title")));
            }
            given().header(lower)
                    .when()
                    .get("/api/v1/imports?size=100")
                    .then()
                    .statusCode(200)
                    .body("items.id", not(hasItem(job)));
        }
        given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .when()
                .get("/api/v1/imports/" + job)
                .then()
                .statusCode(200)
                .body("counts.refused", equalTo(1));
    }

    @Test
    void aCsvExportEditedInASpreadsheetImportsBackKeepingWhatCsvDoesNotCarry() {
        String party = createParty("KR");
        Map<String, Object> body = agreement(party);
        // A quoted cell with a comma, a quote and a line break: one CSV record over two lines.
        body.put("summary", "Signed in Lima, \"at the summit\".\nA second line.");
        body.put(
                "claims",
                List.of(Map.of("fact", "signed", "basis", "STATED", "sources", List.of("https://example.org/news/1"))));
        String id = given().header(EDITOR)
                .contentType("application/json")
                .body(body)
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String csv = Api.export(EDITOR, "csv", Map.of("party", party));
        JsonPath same = Imports.run(EDITOR, csv, "", "text/csv");
        assertEquals(1, same.getInt("counts.unchanged"), () -> refusals(same.getString("id")));
        JsonPath edited = Imports.run(EDITOR, csv.replace(",SIGNED,", ",IN_FORCE,"), "", "text/csv");
        assertEquals(1, edited.getInt("counts.updated"), () -> refusals(edited.getString("id")));
        given().header(EDITOR)
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("claims[0].fact", equalTo("signed"))
                .body("sources[0].publisher", equalTo("Test Wire"));
        String header = csv.substring(0, csv.indexOf('\n') + 1);
        String unknownParty = csv.substring(csv.indexOf('\n') + 1)
                .replaceFirst("^[^,]*,", ",")
                .replaceFirst("Test Party [0-9a-f]{8} \\(", "Nobody (");
        JsonPath refused = Imports.run(EDITOR, header + unknownParty, "", "text/csv");
        assertEquals(1, refused.getInt("counts.refused"));
        refusalsOf(refused.getString("id")).body("items[0].problem.errors.field", hasItem("parties"));
    }

    /** A row as the export writes it: its party inline, created by the import when missing. */
    private static Map<String, Object> exported(String id, String partyId, String partyName) {
        Map<String, Object> body = agreement();
        body.put("id", id);
        body.put(
                "parties",
                List.of(Map.of(
                        "party",
                        Map.of(
                                "id", partyId,
                                "name", partyName,
                                "country", "KR",
                                "kind", "COMPANY",
                                "classification", "PUBLIC"),
                        "role",
                        "SIGNATORY")));
        return body;
    }

    @Test
    void aRecordWrittenTwiceInOneBatchIsCreatedThenUpdatedWithARevisionForEach() {
        String id = UUID.randomUUID().toString();
        String partyId = UUID.randomUUID().toString();
        Map<String, Object> first = exported(id, partyId, unique("Batch Shipyard"));
        Map<String, Object> second = new HashMap<>(first);
        second.put("status", "IN_FORCE");
        JsonPath job = Imports.run(EDITOR, ndjson(List.of(first, second)), "");
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(1, job.getInt("counts.updated"));
        assertEquals(0, job.getInt("counts.refused"));
        given().header(EDITOR)
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("IN_FORCE"))
                .body("version", equalTo(1))
                .body("parties[0].party.id", equalTo(partyId));
        given().header(EDITOR)
                .when()
                .get("/api/v1/agreements/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.version", contains(1, 0));
        given().header(EDITOR)
                .when()
                .get("/api/v1/parties/" + partyId)
                .then()
                .statusCode(200)
                .body("version", equalTo(0));
    }

    @Test
    void rowsOfOneBatchThatOnlyTheDatabaseRefusesTogetherAreRefusedOneByOneWithTheirProblem() {
        // Two new parties of one name in one country: each row alone is fine, together the second is taken.
        String name = unique("Twin Shipyard");
        String kept = UUID.randomUUID().toString();
        String refused = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        String party = createParty("KR");
        JsonPath job = Imports.run(
                EDITOR,
                ndjson(List.of(
                        exported(kept, UUID.randomUUID().toString(), name),
                        exported(refused, UUID.randomUUID().toString(), name),
                        row(after, party))),
                "");
        assertEquals("DONE", job.getString("status"));
        assertEquals(2, job.getInt("counts.created"));
        assertEquals(1, job.getInt("counts.refused"));
        assertEquals(200, status(kept));
        assertEquals(404, status(refused));
        assertEquals(200, status(after));
        refusalsOf(job.getString("id"))
                .body("items", hasSize(1))
                .body("items[0].row", equalTo(2))
                .body("items[0].recordId", equalTo(refused))
                .body("items[0].problem.status", equalTo(409))
                .body("items[0].problem.detail", containsString(name));
    }

    @Test
    void aRowTheDatabaseCannotStoreIsRefusedForWhatItHoldsNotAsAConflict() {
        // PostgreSQL stores no NUL character (H2 does): there the row is refused as a single POST would be, a 400
        // saying what to remove, never "a record written at the same time".
        String id = UUID.randomUUID().toString();
        Map<String, Object> nul = row(id, createParty("KR"));
        nul.put("title", "Naval \u0000 cooperation");
        JsonPath job = Imports.run(EDITOR, ndjson(List.of(nul)), "");
        assertEquals("DONE", job.getString("status"));
        if (job.getInt("counts.refused") == 0) {
            assertEquals(200, status(id), "stored where the database can store it");
            return;
        }
        refusalsOf(job.getString("id"))
                .body("items", hasSize(1))
                .body("items[0].problem.status", equalTo(400))
                .body("items[0].problem.detail", containsString("NUL character"))
                .body("items[0].problem.detail", not(containsString("same time")));
        assertEquals(404, status(id));
    }

    private static String refusals(String job) {
        return refusalsOf(job).extract().asString();
    }

    /** The job's refused rows, as its sender reads them. */
    private static ValidatableResponse refusalsOf(String job) {
        return refusalsOf(EDITOR, job);
    }

    private static ValidatableResponse refusalsOf(Header sender, String job) {
        return given().header(sender)
                .when()
                .get("/api/v1/imports/" + job + "/refusals")
                .then()
                .statusCode(200);
    }

    @Test
    void aRowAnswersAlikeWhetherItsIdIsHiddenDeletedOrUnknownAndNamesNoHiddenRecord() {
        String party = createParty("KR");
        Header admin = Tokens.bearer("admin", "CONFIDENTIAL");
        Map<String, Object> hidden = agreement(party);
        hidden.put("classification", "CONFIDENTIAL");
        hidden.put("title", "Hidden title " + UUID.randomUUID());
        String identifier = "HIDDEN-" + UUID.randomUUID();
        hidden.put("identifiers", List.of(Map.of("scheme", "sipri", "value", identifier)));
        String hiddenId = given().header(admin)
                .contentType("application/json")
                .body(hidden)
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String deletedId = given().header(admin)
                .contentType("application/json")
                .body(agreement(party))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header(admin)
                .header("If-Match", "\"0\"")
                .when()
                .delete("/api/v1/agreements/" + deletedId)
                .then()
                .statusCode(204);
        String unknownId = UUID.randomUUID().toString();
        // The hidden agreement's identifier, in a row without id: matched to no record the sender may see.
        Map<String, Object> byIdentifier = agreement(party);
        byIdentifier.put("identifiers", List.of(Map.of("scheme", "sipri", "value", identifier)));
        String file = ndjson(List.of(row(hiddenId, party), row(deletedId, party), row(unknownId, party), byIdentifier));
        for (String query : List.of("", "?dryRun=true")) {
            JsonPath job = Imports.run(RESTRICTED_EDITOR, file, query);
            assertEquals(0, job.getInt("counts.created"), query);
            assertEquals(4, job.getInt("counts.refused"), query);
            JsonPath refusals =
                    refusalsOf(RESTRICTED_EDITOR, job.getString("id")).extract().jsonPath();
            List<String> ids = List.of(hiddenId, deletedId, unknownId);
            for (int i = 0; i < 3; i++) {
                assertEquals(409, refusals.getInt("items[" + i + "].problem.status"));
                assertEquals(
                        refusals.getString("items[0].problem.detail").replace(hiddenId, "ID"),
                        refusals.getString("items[" + i + "].problem.detail").replace(ids.get(i), "ID"),
                        "a hidden, a deleted and an unknown id answer alike");
            }
            assertEquals(409, refusals.getInt("items[3].problem.status"));
            assertEquals(
                    "Identifier sipri:" + identifier + " already names another agreement; one identifier names one"
                            + " agreement",
                    refusals.getString("items[3].problem.detail"));
            String all = refusals.prettify();
            assertEquals(false, all.contains((String) hidden.get("title")), all);
            assertEquals(false, refusals.getString("items[3]").contains(hiddenId), all);
        }
        given().header(admin)
                .when()
                .get("/api/v1/agreements/" + hiddenId)
                .then()
                .statusCode(200)
                .body("title", equalTo(hidden.get("title")))
                .body("version", equalTo(0));
        // Cleared for everything, a sender creates under the unknown id, never under the deleted one.
        JsonPath job = Imports.run(EDITOR, ndjson(List.of(row(deletedId, party), row(unknownId, party))), "");
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(1, job.getInt("counts.refused"));
        refusalsOf(job.getString("id"))
                .body("items[0].recordId", equalTo(deletedId))
                .body("items[0].problem.detail", containsString("never under the id a deleted agreement had"));
        assertEquals(404, status(deletedId));
        assertEquals(200, status(unknownId));
        given().header(admin)
                .when()
                .get("/api/v1/agreements/" + deletedId + "/history")
                .then()
                .statusCode(200)
                .body("items.action", contains("DELETED", "CREATED"));
    }

    @Test
    void aRowNamingAPartyItMayNotSeeAnswersAlikeAndNewPartiesAreValidated() {
        Header admin = Tokens.bearer("admin", "CONFIDENTIAL");
        String hiddenParty = given().header(admin)
                .contentType("application/json")
                .body(Map.of(
                        "name",
                        unique("Hidden Yard"),
                        "country",
                        "KR",
                        "kind",
                        "COMPANY",
                        "classification",
                        "CONFIDENTIAL"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String file = ndjson(List.of(
                exported(UUID.randomUUID().toString(), hiddenParty, unique("Any name")),
                exported(UUID.randomUUID().toString(), UUID.randomUUID().toString(), unique("Any name"))));
        JsonPath job = Imports.run(RESTRICTED_EDITOR, file, "");
        assertEquals(2, job.getInt("counts.refused"));
        JsonPath refusals =
                refusalsOf(RESTRICTED_EDITOR, job.getString("id")).extract().jsonPath();
        assertEquals(refusals.getString("items[0].problem.errors"), refusals.getString("items[1].problem.errors"));
        assertEquals("parties[0].party.id", refusals.getString("items[0].problem.errors[0].field"));
        assertEquals(false, refusals.prettify().contains("Hidden Yard"), refusals.prettify());

        Map<String, Object> blank = agreement();
        blank.put("id", UUID.randomUUID().toString());
        blank.put(
                "parties",
                List.of(Map.of(
                        "party",
                        Map.of("id", UUID.randomUUID().toString(), "name", " ", "country", "zz", "kind", "COMPANY"),
                        "role",
                        "SIGNATORY")));
        JsonPath invalid = Imports.run(EDITOR, ndjson(List.of(blank)), "");
        assertEquals(1, invalid.getInt("counts.refused"));
        refusalsOf(invalid.getString("id"))
                .body("items[0].problem.status", equalTo(400))
                .body("items[0].problem.errors.field", hasItem("parties[0].party.name"))
                .body("items[0].problem.errors.field", hasItem("parties[0].party.country"));
    }

    @Test
    void anEmptyFileOrABadFlagIsA400() {
        given().header(EDITOR)
                .contentType("application/x-ndjson")
                .body("\n\n".getBytes())
                .when()
                .post("/api/v1/imports")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("no rows"));
        given().header(EDITOR)
                .contentType("application/x-ndjson")
                .body("{}\n".getBytes())
                .when()
                .post("/api/v1/imports?dryRun=yes")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("dryRun"));
    }
}
