package io.accords.agreement;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.party;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which source supports which fact of an agreement, and how firmly; uncited facts are shown so. */
@QuarkusTest
class ProvenanceApiTest {

    private static final String KAI_SEMAN = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";
    private static final String AJP = "https://ajupress.com/view/20241117095639112";
    private static final String SOURCE = "https://example.org/news/1";

    private static Map<String, Object> claim(String fact, String basis, List<String> sources, String note) {
        Map<String, Object> claim = new HashMap<>();
        claim.put("fact", fact);
        claim.put("basis", basis);
        claim.put("sources", sources);
        if (note != null) {
            claim.put("note", note);
        }
        return claim;
    }

    @Test
    void theKaiSemanMouShowsWhichArticleStatesItsSignatureDate() {
        given().when()
                .get("/api/v1/agreements/" + KAI_SEMAN)
                .then()
                .statusCode(200)
                .body("claims.find { it.fact == 'signed' }.basis", equalTo("STATED"))
                .body("claims.find { it.fact == 'signed' }.sources", contains(AJP))
                .body("sources.url", hasItem(AJP))
                .body("uncited", empty());
    }

    @Test
    void everySeededFactCitesItsArticle() throws IOException {
        List<String> ids = new ArrayList<>();
        for (String seed : List.of("seed/seed-articles.json", "seed/seed-provenance.json")) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(seed)) {
                new ObjectMapper()
                        .readTree(in)
                        .path("agreements")
                        .forEach(a -> ids.add(a.path("id").asText()));
            }
        }
        assertTrue(ids.size() >= 13, "the seed sets list their agreements: " + ids);
        for (String id : ids) {
            given().when()
                    .get("/api/v1/agreements/" + id)
                    .then()
                    .statusCode(200)
                    .body("uncited", empty())
                    .body("claims.sources.flatten()", everyItem(startsWith("https://")));
        }
    }

    @Test
    void factsNoClaimCitesAreListedAsUncited() {
        String kr = createParty("KR");
        Map<String, Object> body =
                with(agreement(kr), "claims", List.of(claim("signed", "STATED", List.of(SOURCE), null)));
        String id = createAgreement(body);
        given().when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("claims[0].fact", equalTo("signed"))
                .body(
                        "uncited",
                        containsInAnyOrder("type", "status", "sectors", "modes", "parties/" + kr, "systems/KF-21"))
                .body("uncited", not(hasItem("signed")));
    }

    @Test
    void aClaimMustCiteAFactTheAgreementHoldsWithItsOwnSources() {
        String kr = createParty("KR");
        Map<String, Object> body = with(
                agreement(kr),
                "claims",
                List.of(
                        claim("expires", "STATED", List.of(SOURCE), null),
                        claim("status", "STATED", List.of("https://elsewhere.example/x"), null),
                        claim("signed", "REPORTED", List.of(), null),
                        claim("type", "INFERRED", List.of(), null),
                        claim("systems/kf-21", "STATED", List.of(SOURCE), null),
                        claim("systems/KF-21", "STATED", List.of(SOURCE), null)));
        given().contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.find { it.field == 'claims[0].fact' }.message", containsString("names no fact"))
                .body(
                        "errors.find { it.field == 'claims[1].sources[0]' }.message",
                        containsString("not one of this agreement's sources"))
                .body("errors.find { it.field == 'claims[2].sources' }.message", containsString("reports"))
                .body("errors.find { it.field == 'claims[3].note' }.message", containsString("why"))
                .body("errors.find { it.field == 'claims[5].fact' }.message", containsString("second time"));
    }

    @Test
    void searchFiltersOnHowFirmlyAFactIsSourced() {
        String kr = createParty("KR");
        String stated = createAgreement(
                with(agreement(kr), "claims", List.of(claim("status", "STATED", List.of(SOURCE), null))));
        String inferred = createAgreement(with(
                agreement(kr),
                "claims",
                List.of(claim("status", "INFERRED", List.of(), "No source says it was signed"))));
        String uncited = createAgreement(agreement(kr));
        assertEquals(List.of(stated), ids(kr, "status:STATED"));
        assertEquals(List.of(inferred), ids(kr, "status:inferred"));
        assertEquals(List.of(uncited), ids(kr, "status:UNCITED"));
        given().queryParam("basis", "colour:STATED")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("basis"))
                .body("errors[0].message", containsString("status:STATED"));
    }

    private static List<String> ids(String party, String basis) {
        return given().queryParam("party", party)
                .queryParam("basis", basis)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void claimsAboutAPartyHiddenFromTheCallerAreHiddenAndKeptOnItsWrites() {
        String kr = createParty("KR");
        String secret = given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .contentType(ContentType.JSON)
                .body(with(party("Hidden yard " + System.nanoTime(), "PE"), "classification", "CONFIDENTIAL"))
                .when()
                .post("/api/v1/parties")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Map<String, Object> body = agreement(kr, secret);
        body.put(
                "claims",
                List.of(
                        claim("parties/" + kr, "STATED", List.of(SOURCE), null),
                        claim("parties/" + secret, "STATED", List.of(SOURCE), "The hidden yard signed")));
        String id = given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .contentType(ContentType.JSON)
                .body(body)
                .log()
                .ifValidationFails()
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String publicBody = given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("claims.fact", contains("parties/" + kr))
                .body("uncited", not(hasItem("parties/" + secret)))
                .extract()
                .asString();
        assertTrue(!publicBody.contains(secret) && !publicBody.contains("hidden yard"), publicBody);
        given().header(Tokens.bearer("editor", "PUBLIC"))
                .header("If-Match", "\"0\"")
                .contentType("application/merge-patch+json")
                .body("{\"claims\": []}")
                .when()
                .patch("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("claims", empty());
        given().header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .when()
                .get("/api/v1/agreements/" + id)
                .then()
                .statusCode(200)
                .body("claims.fact", contains("parties/" + secret));
    }
}
