package io.accords.agreement;

import static io.accords.support.Api.agreement;
import static io.accords.support.Api.createAgreement;
import static io.accords.support.Api.createParty;
import static io.accords.support.Api.getAgreement;
import static io.accords.support.Api.unique;
import static io.accords.support.Api.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typed relations between agreements, read both ways and drawn as a graph; identifiers in other registers; each party's
 * own dates. Nothing above the caller's clearance shows in any of them.
 */
@QuarkusTest
class AgreementRelationsApiTest {

    static final String KAI_SEMAN = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5";
    static final String DECLARATION = "e00caf6c-330a-5333-ae42-6ee3039d37c3";

    private static Map<String, Object> relation(String kind, String agreementId) {
        return Map.of("kind", kind, "agreementId", agreementId, "note", "a test relation");
    }

    @Test
    void theRelationsAroundTheKaiSemanMouAreDrawnAsJsonDotAndMermaid() {
        given().queryParam("depth", 2)
                .when()
                .get("/api/v1/agreements/" + KAI_SEMAN + "/relations")
                .then()
                .statusCode(200)
                .body("root", equalTo(KAI_SEMAN))
                .body("nodes[0].id", equalTo(KAI_SEMAN))
                .body("nodes.id", hasItem(DECLARATION))
                .body("nodes.find { it.id == '" + DECLARATION + "' }.distance", equalTo(1))
                .body("links.find { it.agreementId == '" + DECLARATION + "' }.relation", equalTo("RELATED"))
                .body("edges.find { it.from == '" + KAI_SEMAN + "' }.kind", equalTo("RELATED"));
        String dot = given().accept("text/vnd.graphviz")
                .when()
                .get("/api/v1/agreements/" + KAI_SEMAN + "/relations")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/vnd.graphviz"))
                .extract()
                .asString();
        assertTrue(dot.startsWith("digraph relations {"), dot);
        assertTrue(dot.contains("\"" + KAI_SEMAN + "\" -> \"" + DECLARATION + "\" [label=\"RELATED\"]"), dot);
        String mermaid = given().accept("text/vnd.mermaid")
                .when()
                .get("/api/v1/agreements/" + KAI_SEMAN + "/relations")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/vnd.mermaid"))
                .extract()
                .asString();
        assertTrue(mermaid.startsWith("flowchart LR"), mermaid);
        assertTrue(mermaid.contains("n0 -->|RELATED| n1"), mermaid);
    }

    @Test
    void aRelationReadsAsItsInverseFromTheOtherSideAndCyclesEnd() {
        String old = createAgreement(agreement(createParty("KR")));
        String framework = createAgreement(agreement(createParty("KR")));
        String replacement = createAgreement(with(
                with(agreement(createParty("KR")), "relations", List.of(relation("SUPERSEDES", old))),
                "parentId",
                framework));
        // A cycle: the old one also relates back to its replacement.
        String etag = getAgreement(old).extract().header("ETag");
        given().header("If-Match", etag)
                .contentType("application/merge-patch+json")
                .body(Map.of("relations", List.of(relation("RELATED", replacement))))
                .when()
                .patch("/api/v1/agreements/" + old)
                .then()
                .statusCode(200)
                .body("relations[0].kind", equalTo("RELATED"));
        given().queryParam("depth", 5)
                .when()
                .get("/api/v1/agreements/" + old + "/relations")
                .then()
                .statusCode(200)
                .body("nodes.id", containsInAnyOrder(old, replacement, framework))
                .body("links.relation", containsInAnyOrder("SUPERSEDED_BY", "RELATED"))
                .body("edges.kind", containsInAnyOrder("SUPERSEDES", "RELATED", "IMPLEMENTS"))
                .body("truncated", equalTo(false));
        given().when()
                .get("/api/v1/agreements/" + framework + "/relations")
                .then()
                .statusCode(200)
                .body("links.relation", containsInAnyOrder("IMPLEMENTED_BY"));
        // An agreement others relate to is not deleted from under them.
        given().header("If-Match", getAgreement(old).extract().header("ETag"))
                .header(Tokens.bearer("admin", "CONFIDENTIAL"))
                .when()
                .delete("/api/v1/agreements/" + old)
                .then()
                .statusCode(409);
    }

    @Test
    void badRelationsAreA400NamingTheField() {
        String other = createAgreement(agreement(createParty("KR")));
        given().contentType(ContentType.JSON)
                .body(with(agreement(createParty("KR")), "relations", List.of(relation("IMPLEMENTS", other))))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("relations[0].kind"));
        given().contentType(ContentType.JSON)
                .body(with(
                        agreement(createParty("KR")),
                        "relations",
                        List.of(relation("AMENDS", "5d7b5c56-8b2b-4b53-9d8e-3c1e6b0b2a11"))))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("relations[0].agreementId"));
        given().queryParam("depth", 9)
                .when()
                .get("/api/v1/agreements/" + other + "/relations")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("depth"));
    }

    @Test
    void aPublicReaderNeitherSeesNorWalksThroughAConfidentialAgreement() {
        String open = createAgreement(agreement(createParty("KR")));
        String secret = createAgreement(with(
                with(agreement(createParty("KR")), "classification", "CONFIDENTIAL"),
                "relations",
                List.of(relation("AMENDS", open))));
        String beyond =
                createAgreement(with(agreement(createParty("KR")), "relations", List.of(relation("RELATED", secret))));
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .queryParam("depth", 3)
                .when()
                .get("/api/v1/agreements/" + open + "/relations")
                .then()
                .statusCode(200)
                .body("nodes.id", containsInAnyOrder(open))
                .body("edges.size()", equalTo(0));
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get("/api/v1/agreements/" + beyond)
                .then()
                .statusCode(200)
                .body("relations.size()", equalTo(0));
        String picture = given().header(Tokens.bearer("reader", "PUBLIC"))
                .accept("text/vnd.graphviz")
                .queryParam("depth", 3)
                .when()
                .get("/api/v1/agreements/" + beyond + "/relations")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(picture.contains(beyond) && !picture.contains(secret) && !picture.contains(open), picture);
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .when()
                .get("/api/v1/agreements/" + secret + "/relations")
                .then()
                .statusCode(404);
        getAgreement(beyond).statusCode(200).body("relations[0].agreementId", equalTo(secret));
    }

    @Test
    void anAgreementIsFoundByItsIdentifierAndAnIdentifierNamesOneAgreement() {
        String sipri = unique("sipri").replace(' ', '-');
        Map<String, Object> body = with(
                agreement(createParty("KR")),
                "identifiers",
                List.of(Map.of("scheme", "sipri", "value", sipri), Map.of("scheme", "ocds", "value", "ocds-x-1")));
        String id = createAgreement(body);
        given().queryParam("identifier", "sipri:" + sipri)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("items.id", containsInAnyOrder(id));
        given().contentType(ContentType.JSON)
                .body(with(
                        agreement(createParty("KR")),
                        "identifiers",
                        List.of(Map.of("scheme", "sipri", "value", sipri))))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(409)
                .body("detail", containsString(id));
        // A caller who may not see the holder learns only that the identifier is taken.
        String secretValue = unique("unts").replace(' ', '-');
        createAgreement(with(
                with(agreement(createParty("KR")), "classification", "CONFIDENTIAL"),
                "identifiers",
                List.of(Map.of("scheme", "unts", "value", secretValue))));
        given().header(Tokens.bearer("editor", "PUBLIC"))
                .contentType(ContentType.JSON)
                .body(with(
                        agreement(createParty("KR")),
                        "identifiers",
                        List.of(Map.of("scheme", "unts", "value", secretValue))))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(409)
                .body("detail", containsString("another agreement"));
        given().header(Tokens.bearer("reader", "PUBLIC"))
                .queryParam("identifier", "unts:" + secretValue)
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        given().queryParam("identifier", "sipri")
                .when()
                .get("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("identifier"));
        given().accept("text/csv")
                .queryParam("identifier", "sipri:" + sipri)
                .when()
                .get("/api/v1/agreements/export")
                .then()
                .statusCode(200)
                .body(containsString("ocds:ocds-x-1;sipri:" + sipri));
    }

    @Test
    void eachPartyKeepsItsOwnSignatureConsentAndWithdrawal() {
        String korea = createParty("KR");
        String peru = createParty("PE");
        Map<String, Object> body = with(
                agreement(korea, peru),
                "parties",
                List.of(
                        Map.of("partyId", korea, "role", "SIGNATORY", "signed", "2024-11-16", "consented", "2025-03"),
                        Map.of("partyId", peru, "role", "SIGNATORY", "signed", "2024-11-16", "withdrawn", "2029")));
        String id = createAgreement(body);
        getAgreement(id)
                .statusCode(200)
                .body("parties.find { it.party.id == '" + korea + "' }.consented", equalTo("2025-03"))
                .body("parties.find { it.party.id == '" + peru + "' }.withdrawn", equalTo("2029"));
        given().contentType(ContentType.JSON)
                .body(with(
                        agreement(korea),
                        "parties",
                        List.of(Map.of("partyId", korea, "role", "SIGNATORY", "signed", "2025", "consented", "2024"))))
                .when()
                .post("/api/v1/agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(containsString("parties[0].consented")));
    }
}
