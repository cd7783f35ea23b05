package io.accords.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract validator every test response goes through finds what it must find, and nothing else. */
class ContractTest {

    private static final String PARTY = "/api/v1/parties/6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01";
    private static final String GOOD_PARTY = """
            {"id": "6a1f0c57-2f0e-4c38-9b7e-2d0a5b1c7e01", "name": "Korea Aerospace Industries", "acronym": null,
             "aliases": [], "editorialAliases": [], "country": "KR", "kind": "COMPANY", "identifiers": [], "classification": "PUBLIC",
             "version": 0, "createdAt": "2026-11-23T10:15:30Z", "updatedAt": "2026-11-23T10:15:30Z"}""";

    private final Contract contract = Contract.get();

    @Test
    void anAnswerAsTheContractSaysPasses() {
        assertEquals(List.of(), contract.violations("GET", PARTY, 200, "application/json", GOOD_PARTY));
        assertEquals(List.of(), contract.violations("DELETE", PARTY, 204, null, ""));
    }

    @Test
    void aNullWhereTheContractSaysNoneIsFound() {
        List<String> found =
                contract.violations("GET", PARTY, 200, "application/json", GOOD_PARTY.replace("\"KR\"", "null"));
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).contains("$.country"), found.toString());
    }

    @Test
    void aMissingRequiredMemberIsFound() {
        List<String> found = contract.violations(
                "GET", PARTY, 200, "application/json", GOOD_PARTY.replace("\"acronym\": null,", ""));
        assertTrue(found.toString().contains("acronym"), found.toString());
    }

    @Test
    void anUndeclaredStatusOrMediaTypeIsFound() {
        assertTrue(contract.violations("GET", PARTY, 418, "application/json", "{}")
                .toString()
                .contains("status 418"));
        assertTrue(contract.violations("GET", PARTY, 200, "text/html", "<p>")
                .toString()
                .contains("text/html"));
        assertTrue(contract.violations("DELETE", PARTY, 204, "application/json", "{}")
                .toString()
                .contains("with a body"));
    }

    @Test
    void aRefusalOutsideTheContractMustStillBeAProblem() {
        String problem = "{\"type\": \"/problems/not-found\", \"title\": \"Not found\", \"status\": 404,"
                + " \"detail\": \"Nothing is served at /api/v1/treaties\", \"instance\": \"/api/v1/treaties\"}";
        assertEquals(
                List.of(), contract.violations("GET", "/api/v1/treaties", 404, "application/problem+json", problem));
        assertTrue(
                !contract.violations("GET", "/api/v1/treaties", 404, "application/problem+json", "{\"status\": \"x\"}")
                        .isEmpty());
        assertTrue(!contract.violations("GET", "/api/v1/treaties", 200, "application/json", "{}")
                .isEmpty());
    }

    @Test
    void eachLineOfAnNdjsonExportIsAnAgreement() {
        List<String> found =
                contract.violations("GET", "/api/v1/agreements/export", 200, "application/x-ndjson", "{\"id\": 1}\n");
        assertTrue(found.toString().contains("line 1"), found.toString());
        assertEquals(
                List.of(), contract.violations("GET", "/api/v1/agreements/export", 200, "application/x-ndjson", ""));
    }
}
