package io.accords.search;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.accords.support.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.accords.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Search over agreements: every filter alone and combined, text folding and phrases, facets that agree with the list,
 * paging and the sync walk under inserts, CSV and NDJSON export, and every bad filter. Fixtures carry a system name no
 * other test uses, so a filter on it isolates them from the seed data and from other tests.
 */
@QuarkusTest
class AgreementSearchApiTest {

    static final String AGREEMENTS = "/api/v1/agreements";
    static final String KAI_SEMAN = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";
    static final String HHI_SIMA = "e0b02e68-d667-510a-8733-20ed4c686e2b";
    static final ObjectMapper JSON = new ObjectMapper();

    static String marker() {
        return "ZQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    static String word() {
        return "zq" + UUID.randomUUID().toString().substring(0, 8);
    }

    static List<String> ids(RequestSpecification request) {
        return request.when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.id");
    }

    static RequestSpecification search() {
        return given().queryParam("size", 100);
    }

    @Test
    void answersTheAnalystsQuestionsFromTheSeeds() {
        // Which naval agreements involve both Korea and Peru?
        search().queryParam("sector", "NAVAL")
                .queryParam("country", "KR", "PE")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(HHI_SIMA))
                .body("items.sectors", everyItem(hasItem("NAVAL")))
                .body("items.countries", everyItem(hasItems("KR", "PE")));
        // What KF-21-related agreements were signed in 2024?
        search().queryParam("system", "kf-21")
                .queryParam("signedFrom", "2024")
                .queryParam("signedTo", "2024")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items.id", hasItem(KAI_SEMAN))
                .body("items.systems", everyItem(hasItem("KF-21")))
                .body("items.signed", everyItem(containsString("2024")));
        // How many agreements per sector involve Peru?
        given().queryParam("country", "PE")
                .when()
                .get(AGREEMENTS + "/facets")
                .then()
                .statusCode(200)
                .body("sectors.value", hasItems("NAVAL", "AEROSPACE", "CRITICAL_MINERALS", "LAND_SYSTEMS"));
    }

    @Test
    void textSearchIgnoresCaseAndAccents() {
        String word = word();
        String party = createParty(with(party(Api.unique("Fábrica Naval del Perú"), "PE"), "acronym", "FNP"));
        String id = createAgreement(with(agreement(party), "title", "Ñandú cooperation " + word));
        for (String q : List.of(
                word + " peru",
                word.toUpperCase(Locale.ROOT) + " PERÚ",
                word + " fabrica",
                word + " nandu",
                word + " fnp",
                "\"" + word + "\"")) {
            assertEquals(List.of(id), ids(search().queryParam("q", q)), "q=" + q);
        }
        assertEquals(List.of(), ids(search().queryParam("q", word + " chile")), "every word must match");
        // Words from the seeds, through the parties' names and the agreements' words.
        assertTrue(
                ids(search().queryParam("q", "peru")).contains(KAI_SEMAN),
                "Peru in its summary and its witnesses' names");
        assertTrue(ids(search().queryParam("q", "sima")).contains(HHI_SIMA), "SIMA's name");
    }

    @Test
    void findsAgreementsByAPartysNewNameAfterItChanges() {
        String word = word();
        String party = createParty("KR");
        String id = createAgreement(agreement(party));
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"aliases\": [\"" + word + " Marine\"]}")
                .when()
                .patch("/api/v1/parties/" + party)
                .then()
                .statusCode(200);
        assertEquals(List.of(id), ids(search().queryParam("q", word + " marine")));
    }

    @Test
    void severalWordsNarrowAndQuotedPhrasesMatchAsPhrases() {
        String word = word();
        String party = createParty("KR");
        String inOrder = createAgreement(with(agreement(party), "title", "Alpha beta gamma " + word));
        String reversed = createAgreement(with(agreement(party), "title", "Beta, alpha and gamma " + word));
        createAgreement(with(agreement(party), "title", "Alpha only " + word));
        assertEquals(3, ids(search().queryParam("q", word)).size());
        assertEquals(Set.of(inOrder, reversed), Set.copyOf(ids(search().queryParam("q", "alpha beta " + word))));
        assertEquals(List.of(inOrder), ids(search().queryParam("q", "\"alpha beta\" " + word)));
        assertEquals(
                List.of(reversed),
                ids(search().queryParam("q", "\"beta, alpha\" " + word)),
                "punctuation inside a phrase is folded like the text's");
        assertEquals(
                Set.of(inOrder, reversed),
                Set.copyOf(ids(search().queryParam("q", "bet " + word))),
                "a word matches the start of words");
        assertEquals(List.of(), ids(search().queryParam("q", "eta " + word)), "but not their middle");
    }

    @Test
    void textSearchTakesWebSearchSyntax() {
        String word = word();
        String party = createParty("KR");
        String frigate = createAgreement(with(agreement(party), "title", "Frigate alpha " + word));
        String corvette = createAgreement(with(agreement(party), "title", "Corvette alpha " + word));
        String submarine = createAgreement(with(agreement(party), "title", "Submarine programme " + word));
        assertEquals(List.of(submarine), ids(search().queryParam("q", word + " -alpha")), "-word leaves it out");
        assertEquals(
                Set.of(frigate, corvette),
                Set.copyOf(ids(search().queryParam("q", word + " frigate OR corvette"))),
                "or accepts either");
        assertEquals(
                Set.of(frigate, submarine),
                Set.copyOf(ids(search().queryParam("q", word + " -\"corvette alpha\""))),
                "a phrase can be left out");
        assertEquals(List.of(submarine), ids(search().queryParam("q", word + " submar")), "words match as prefixes");
        assertEquals(
                List.of(corvette),
                ids(search().queryParam("q", word + " -frigate -submarine")),
                "several exclusions all apply");
        given().queryParam("q", "-" + word)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("q"))
                .body("errors[0].message", containsString("only leaves words out"));
    }

    @Test
    void textResultsComeMostRelevantFirstWithSnippets() {
        String word = word();
        String party = createParty("KR");
        String longSummary = "Under this agreement the parties set up a working group that meets twice a year to plan"
                + " training, exchanges of staff and joint studies, and the " + word.toUpperCase(Locale.ROOT)
                + " study of coastal radar coverage, whose results both navies share before the end of the decade.";
        String weak = createAgreement(with(with(agreement(party), "title", "Coastal study"), "summary", longSummary));
        String strong = createAgreement(with(
                with(with(agreement(party), "title", "Joint " + word + " radar"), "tags", List.of(word)),
                "summary",
                "The " + word + " radar, built together."));
        var page = search().queryParam("q", word)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(strong, weak), page.getList("items.id"), "relevance first when q is given");
        assertEquals("title", page.getString("items[0].snippet.field"));
        assertEquals("Joint " + word + " radar", page.getString("items[0].snippet.text"));
        assertEquals(6, page.getInt("items[0].snippet.highlights[0].start"));
        assertEquals(word.length(), page.getInt("items[0].snippet.highlights[0].length"));
        String cut = page.getString("items[1].snippet.text");
        int start = page.getInt("items[1].snippet.highlights[0].start");
        assertEquals("summary", page.getString("items[1].snippet.field"));
        assertTrue(cut.startsWith("…") && cut.length() < longSummary.length(), cut);
        assertEquals(
                word.toUpperCase(Locale.ROOT),
                cut.substring(start, start + page.getInt("items[1].snippet.highlights[0].length")));
        assertEquals(
                List.of(weak, strong),
                ids(search().queryParam("q", word).queryParam("sort", "title")),
                "an explicit sort wins");
        given().when().get(AGREEMENTS + "/" + strong).then().statusCode(200).body("$", not(hasKey("snippet")));
    }

    @Test
    void anAgreementFoundByAPartysAliasShowsTheAliasInItsSnippet() {
        String alias = word();
        String party = given().contentType(ContentType.JSON)
                .body(with(party(unique("Aliased Yard"), "KR"), "aliases", List.of("The " + alias + " yard")))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String found = createAgreement(agreement(party));
        var page = search().queryParam("q", alias)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(List.of(found), page.getList("items.id"), "found by the alias alone");
        assertEquals("parties", page.getString("items[0].snippet.field"));
        String text = page.getString("items[0].snippet.text");
        int start = page.getInt("items[0].snippet.highlights[0].start");
        assertEquals(alias, text.substring(start, start + page.getInt("items[0].snippet.highlights[0].length")));
    }

    @Test
    void relevanceNeedsAQueryAndPagesByNumber() {
        String word = word();
        String party = createParty("KR");
        IntStream.range(0, 3).forEach(i -> createAgreement(with(agreement(party), "title", "Paged " + word)));
        given().queryParam("sort", "relevance")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"))
                .body("errors[0].message", containsString("needs a q"));
        given().queryParam("q", word)
                .queryParam("size", 2)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("nextCursor", nullValue())
                .header("Link", containsString("page=2>; rel=\"next\""));
        String cursor = given().queryParam("size", 1)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        given().queryParam("q", word)
                .queryParam("sort", "relevance")
                .queryParam("after", cursor)
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("after"));
    }

    @Test
    void eachFilterSelectsItsAgreements() {
        String system = marker();
        String kr = createParty("KR");
        String pe = createParty("PE");
        String cl = createParty("CL");
        Map<String, Object> base = with(agreement(kr, pe), "systems", List.of(system));
        String naval = createAgreement(base);
        String air = createAgreement(with(
                with(
                        with(
                                with(agreement(kr, cl), "systems", List.of(system)),
                                "sectors",
                                List.of("AEROSPACE", "TRAINING")),
                        "modes",
                        List.of("LICENSED_PRODUCTION")),
                "type",
                "CONTRACT"));
        String proposed =
                createAgreement(with(with(with(base, "status", "PROPOSED"), "signed", null), "parentId", naval));
        String inForce = createAgreement(with(
                with(with(with(base, "status", "IN_FORCE"), "signed", "2023-05"), "effective", "2023-07-01"),
                "expires",
                "2026"));

        assertFilter(system, Map.of(), naval, air, proposed, inForce);
        assertFilter(system, Map.of("sector", List.of("AEROSPACE")), air);
        assertFilter(system, Map.of("sector", List.of("AEROSPACE", "NAVAL")), naval, air, proposed, inForce);
        assertFilter(system, Map.of("mode", List.of("LICENSED_PRODUCTION")), air);
        assertFilter(system, Map.of("type", List.of("CONTRACT")), air);
        assertFilter(system, Map.of("status", List.of("PROPOSED", "IN_FORCE")), proposed, inForce);
        assertFilter(system, Map.of("country", List.of("CL")), air);
        assertFilter(system, Map.of("country", List.of("KR", "PE")), naval, proposed, inForce);
        assertFilter(system, Map.of("country", List.of("PE", "CL")));
        assertFilter(system, Map.of("party", List.of(cl)), air);
        assertFilter(system, Map.of("party", List.of(cl, pe)), naval, air, proposed, inForce);
        assertFilter(system, Map.of("party", List.of("tst")), naval, air, proposed, inForce);
        assertFilter(system, Map.of("parent", List.of(naval)), proposed);
        assertFilter(system, Map.of("signedFrom", List.of("2024-11-16")), naval, air);
        assertFilter(system, Map.of("signedTo", List.of("2024-11-15")), inForce);
        assertFilter(system, Map.of("signedFrom", List.of("2023-05-31"), "signedTo", List.of("2023-06")), inForce);
        assertFilter(system, Map.of("signedFrom", List.of("2023-06"), "signedTo", List.of("2024-11-15")));
        assertFilter(system, Map.of("effectiveFrom", List.of("2023"), "effectiveTo", List.of("2023-07")), inForce);
        assertFilter(system, Map.of("expiresFrom", List.of("2026-12-31")), inForce);
        assertFilter(system, Map.of("expiresTo", List.of("2025")));
        assertFilter(system, Map.of("activeOn", List.of("2024-01-01")), inForce);
        assertFilter(system, Map.of("activeOn", List.of("2023-06-30")));
        assertFilter(system, Map.of("activeOn", List.of("2027-01-01")), naval, air);
        assertFilter(system, Map.of("activeOn", List.of("2025-01-01"), "sector", List.of("NAVAL")), naval, inForce);
        assertFilter(system, Map.of("updatedSince", List.of("2999-01-01")));
        String since =
                given().when().get(AGREEMENTS + "/" + inForce).then().extract().path("updatedAt");
        assertFilter(system, Map.of("updatedSince", List.of(since)), inForce);
        assertFilter(
                system,
                Map.of(
                        "sector",
                        List.of("NAVAL"),
                        "status",
                        List.of("SIGNED"),
                        "country",
                        List.of("PE"),
                        "signedFrom",
                        List.of("2024")),
                naval);
    }

    private static void assertFilter(String system, Map<String, List<String>> filter, String... expected) {
        RequestSpecification request = search().queryParam("system", system.toLowerCase(Locale.ROOT));
        filter.forEach((name, values) -> request.queryParam(name, values.toArray()));
        assertEquals(Set.of(expected), Set.copyOf(ids(request)), "filter " + filter);
        RequestSpecification facets = given().queryParam("system", system);
        filter.forEach((name, values) -> facets.queryParam(name, values.toArray()));
        facets.when().get(AGREEMENTS + "/facets").then().statusCode(200).body("total", equalTo(expected.length));
    }

    /** For each value of a facet whose parameter is not in the filter already (OR would widen it). */
    @Test
    void facetCountsEqualTheListTotalsForEachValue() {
        String system = marker();
        String kr = createParty("KR");
        createAgreement(with(agreement(kr, createParty("PE")), "systems", List.of(system)));
        createAgreement(with(
                with(agreement(kr, createParty("CL")), "systems", List.of(system)),
                "sectors",
                List.of("NAVAL", "MRO")));
        createAgreement(with(
                with(with(agreement(kr), "systems", List.of(system)), "signed", "2019"),
                "modes",
                List.of("OFFSET", "PROCUREMENT")));
        Map<String, String> parameters = Map.of(
                "sectors",
                "sector",
                "modes",
                "mode",
                "countries",
                "country",
                "types",
                "type",
                "statuses",
                "status",
                "signedYears",
                "signedFrom");
        for (Map<String, String> filter : List.of(
                Map.of("system", system),
                Map.of("country", "PE"),
                Map.of("system", system, "signedFrom", "2024", "country", "KR"))) {
            JsonNode facets = JSON.valueToTree(given().queryParams(filter)
                    .when()
                    .get(AGREEMENTS + "/facets")
                    .then()
                    .statusCode(200)
                    .extract()
                    .as(Map.class));
            assertEquals(total(filter, null, null), facets.path("total").asLong());
            parameters.forEach((facet, parameter) -> {
                if (filter.containsKey(parameter) && !parameter.equals("country")) {
                    return;
                }
                assertFalse(facets.path(facet).isEmpty(), facet + " for " + filter);
                for (JsonNode count : facets.path(facet)) {
                    String value = count.path("value").asText();
                    assertEquals(
                            total(filter, parameter, value),
                            count.path("count").asLong(),
                            facet + "=" + value + " for " + filter);
                }
            });
        }
    }

    private static long total(Map<String, String> filter, String parameter, String value) {
        RequestSpecification request = given().queryParams(filter).queryParam("size", 1);
        if (parameter != null) {
            request.queryParam(parameter, value);
            if (parameter.equals("signedFrom")) {
                request.queryParam("signedTo", value);
            }
        }
        return request.when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("total");
    }

    @Test
    void listPagesNeitherRepeatNorSkipRecords() {
        String system = marker();
        String party = createParty("KR");
        Set<String> created = new LinkedHashSet<>();
        IntStream.range(0, 5)
                .forEach(i -> created.add(createAgreement(
                        with(with(agreement(party), "systems", List.of(system)), "title", "Same title"))));
        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            Response response = given().queryParam("system", system)
                    .queryParam("size", 2)
                    .queryParam("page", page)
                    .queryParam("sort", "title")
                    .when()
                    .get(AGREEMENTS);
            response.then().statusCode(200).body("total", equalTo(5)).body("totalPages", equalTo(3));
            seen.addAll(response.jsonPath().getList("items.id"));
        }
        assertEquals(created, new HashSet<>(seen));
        assertEquals(5, seen.size(), "no page repeats a record");
    }

    @Test
    void syncWalksEveryRecordOnceWhileOthersAreInserted() {
        String system = marker();
        String party = createParty("KR");
        Set<String> before = new LinkedHashSet<>();
        IntStream.range(0, 7)
                .forEach(i -> before.add(createAgreement(with(agreement(party), "systems", List.of(system)))));
        List<String> walked = new ArrayList<>();
        Set<String> insertedDuringWalk = new HashSet<>();
        String cursor = null;
        for (int step = 0; step < 20; step++) {
            RequestSpecification request = given().queryParam("system", system).queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.when().get(AGREEMENTS + "/sync");
            response.then().statusCode(200).header("Link", containsString("rel=\"next\""));
            List<String> items = response.jsonPath().getList("items.id");
            walked.addAll(items);
            cursor = response.jsonPath().getString("nextCursor");
            if (items.isEmpty()) {
                break;
            }
            if (step < 2) {
                insertedDuringWalk.add(createAgreement(with(agreement(party), "systems", List.of(system))));
            }
        }
        assertEquals(walked.size(), new HashSet<>(walked).size(), "no record twice: " + walked);
        assertTrue(walked.containsAll(before), "every record that existed is walked");
        assertTrue(walked.containsAll(insertedDuringWalk), "records inserted during the walk come after it");
        // A change moves a record after the cursor kept: the client sees it again, once.
        String changed = before.iterator().next();
        given().header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"status\": \"IN_FORCE\"}")
                .when()
                .patch(AGREEMENTS + "/" + changed)
                .then()
                .statusCode(200);
        given().queryParam("system", system)
                .queryParam("cursor", cursor)
                .when()
                .get(AGREEMENTS + "/sync")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of(changed)));
    }

    @Test
    void exportsCsvThatRoundTrips() throws Exception {
        String system = marker();
        String party = createParty(party(Api.unique("Société \"Ñ\", Perú"), "PE"));
        String tricky = "Title with, a comma; \"quotes\"\nand a line break — ünïcödé";
        String id = createAgreement(with(
                with(with(agreement(party), "systems", List.of(system, "KF-21")), "title", tricky),
                "value",
                Map.of("amount", 1500000.5, "currency", "USD")));
        String other = createAgreement(with(agreement(party), "systems", List.of(system)));
        Response response = given().queryParam("system", system)
                .queryParam("format", "csv")
                .when()
                .get(AGREEMENTS + "/export");
        response.then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("agreements.csv"));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith("id,title,type,status,sectors,modes,parties,countries,systems,"), body);
        assertTrue(body.contains("\r\n"), "RFC 4180 line breaks");
        try (MappingIterator<Map<String, String>> rows = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(body)) {
            List<Map<String, String>> all = rows.readAll();
            assertEquals(2, all.size());
            Map<String, String> row =
                    all.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
            assertEquals(tricky, row.get("title"));
            assertEquals(system + ";KF-21", row.get("systems"));
            assertEquals("NAVAL", row.get("sectors"));
            assertEquals("PE", row.get("countries"));
            assertTrue(row.get("parties").startsWith("Société \"Ñ\", Perú"), row.get("parties"));
            assertEquals("1500000.50", row.get("valueAmount"));
            assertEquals("USD", row.get("valueCurrency"));
            assertEquals("2024-11-16", row.get("signed"));
            assertTrue(all.stream().anyMatch(r -> r.get("id").equals(other)));
        }
    }

    @Test
    void exportsNdjsonChosenByAccept() throws Exception {
        String system = marker();
        String party = createParty("PE");
        Set<String> created = Set.of(
                createAgreement(with(agreement(party), "systems", List.of(system))),
                createAgreement(with(agreement(party), "systems", List.of(system))));
        Response response = given().accept("application/x-ndjson")
                .queryParam("system", system)
                .when()
                .get(AGREEMENTS + "/export");
        response.then().statusCode(200).contentType(containsString("application/x-ndjson"));
        String[] lines = new String(response.asByteArray(), StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        Set<String> exported = new HashSet<>();
        for (String line : lines) {
            JsonNode agreement = JSON.readTree(line);
            exported.add(agreement.path("id").asText());
            JsonNode stored = JSON.readTree(given().when()
                    .get(AGREEMENTS + "/" + agreement.path("id").asText())
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            assertEquals(stored, agreement, "a line is the agreement as GET returns it");
        }
        assertEquals(created, exported);
    }

    @Test
    void exportFollowsAcceptQualityValues() {
        String system = marker();
        createAgreement(with(agreement(createParty("PE")), "systems", List.of(system)));
        given().accept("text/csv;q=0.4, application/x-ndjson")
                .queryParam("system", system)
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .contentType(containsString("application/x-ndjson"));
        given().accept("application/x-ndjson;q=0.2, text/csv;q=0.9")
                .queryParam("system", system)
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"));
        given().accept("application/x-ndjson")
                .queryParam("system", system)
                .queryParam("format", "csv")
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"));
    }

    @Test
    void exportsEveryMatchAcrossChunks() {
        String system = marker();
        String party = createParty("KR");
        int count = 2 * ConfigProvider.getConfig().getValue("accords.export.chunk-size", Integer.class) + 3;
        Map<String, Object> body = with(agreement(party), "systems", List.of(system));
        for (int i = 0; i < count; i++) {
            createAgreement(body);
        }
        String csv = given().queryParam("system", system)
                .queryParam("format", "csv")
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(count + 1, csv.split("\r\n").length, "a header and one row per agreement");
        String ndjson = given().queryParam("system", system)
                .queryParam("format", "ndjson")
                .when()
                .get(AGREEMENTS + "/export")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertEquals(count, ndjson.lines().distinct().count());
    }

    @Test
    void rejectsBadFiltersNamingTheParameter() {
        Map<String, Map<String, List<String>>> cases = new LinkedHashMap<>();
        cases.put("sector", Map.of("sector", List.of("SPACESHIPS")));
        cases.put("mode", Map.of("mode", List.of("naval")));
        cases.put("type", Map.of("type", List.of("mou")));
        cases.put("status", Map.of("status", List.of("DONE")));
        cases.put("country", Map.of("country", List.of("kr")));
        cases.put("signedFrom", Map.of("signedFrom", List.of("2024-13")));
        cases.put("signedTo", Map.of("signedTo", List.of("2023-02-29")));
        cases.put("effectiveFrom", Map.of("effectiveFrom", List.of("2025"), "effectiveTo", List.of("2024-12")));
        cases.put("expiresTo", Map.of("expiresTo", List.of("soon")));
        cases.put("activeOn", Map.of("activeOn", List.of("2024")));
        cases.put("updatedSince", Map.of("updatedSince", List.of("yesterday")));
        cases.put("parent", Map.of("parent", List.of("1; drop table agreement")));
        cases.put("party", Map.of("party", List.of("x".repeat(40))));
        cases.put("q", Map.of("q", List.of("x".repeat(201))));
        cases.put(
                "system",
                Map.of("system", IntStream.range(0, 21).mapToObj(i -> "S" + i).toList()));
        cases.forEach((parameter, query) -> {
            for (String path :
                    List.of(AGREEMENTS, AGREEMENTS + "/facets", AGREEMENTS + "/sync", AGREEMENTS + "/export")) {
                RequestSpecification request = given();
                query.forEach((name, values) -> request.queryParam(name, values.toArray()));
                Response response = request.when().get(path);
                assertEquals(400, response.statusCode(), parameter + " on " + path);
                assertProblem(response.then(), 400, "/problems/invalid-request", path)
                        .body("errors.field", hasItem(parameter));
            }
        });
        Map<String, Map<String, String>> listOnly =
                Map.of("sort", Map.of("sort", "value"), "size", Map.of("size", "101"), "q", Map.of("q", "!!!"));
        listOnly.forEach((parameter, query) -> assertProblem(
                        given().queryParams(query).when().get(AGREEMENTS).then(),
                        400,
                        "/problems/invalid-request",
                        AGREEMENTS)
                .body("errors.field", hasItem(parameter)));
        assertProblem(
                        given().queryParam("format", "xml")
                                .when()
                                .get(AGREEMENTS + "/export")
                                .then(),
                        400,
                        "/problems/invalid-request",
                        AGREEMENTS + "/export")
                .body("errors.field", equalTo(List.of("format")));
        assertProblem(
                        given().queryParam("cursor", "bm90IGEgY3Vyc29y")
                                .when()
                                .get(AGREEMENTS + "/sync")
                                .then(),
                        400,
                        "/problems/invalid-request",
                        AGREEMENTS + "/sync")
                .body("errors.field", equalTo(List.of("cursor")));
        for (String size : List.of("0", "501", "ten", "99999999999")) {
            assertProblem(
                            given().queryParam("size", size)
                                    .when()
                                    .get(AGREEMENTS + "/sync")
                                    .then(),
                            400,
                            "/problems/invalid-request",
                            AGREEMENTS + "/sync")
                    .body("errors.field", equalTo(List.of("size")));
        }
        assertProblem(
                        given().queryParam("sector", "NAVY")
                                .queryParam("country", "XX")
                                .when()
                                .get(AGREEMENTS)
                                .then(),
                        400,
                        "/problems/invalid-request",
                        AGREEMENTS)
                .body("errors.field", hasItems("sector", "country"));
    }

    @Test
    void treatsInjectionAttemptsAsPlainText() {
        for (String q : List.of("'; DROP TABLE agreement; --", "%", "_", "\\", "' OR '1'='1", "\" OR 1=1 --")) {
            given().queryParam("q", q + " zqnothing")
                    .when()
                    .get(AGREEMENTS)
                    .then()
                    .statusCode(200)
                    .body("total", equalTo(0));
        }
        given().queryParam("system", "%")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("party", "' OR 1=1 --")
                .when()
                .get(AGREEMENTS)
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().when().get(AGREEMENTS + "/" + KAI_SEMAN).then().statusCode(200);
    }
}
