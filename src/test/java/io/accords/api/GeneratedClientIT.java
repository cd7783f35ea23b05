package io.accords.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.client.ApiClient;
import io.accords.client.ApiException;
import io.accords.client.api.AgreementsApi;
import io.accords.client.api.PartiesApi;
import io.accords.client.model.Agreement;
import io.accords.client.model.AgreementFacets;
import io.accords.client.model.AgreementInput;
import io.accords.client.model.AgreementPatch;
import io.accords.client.model.AgreementStatus;
import io.accords.client.model.AgreementType;
import io.accords.client.model.Classification;
import io.accords.client.model.PageViewAgreementView;
import io.accords.client.model.ParticipationInput;
import io.accords.client.model.Party;
import io.accords.client.model.PartyInput;
import io.accords.client.model.PartyKind;
import io.accords.client.model.PartyRole;
import io.accords.client.model.Problem;
import io.accords.client.model.Sector;
import io.accords.client.model.Source;
import io.accords.support.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from {@code openapi/openapi.yaml} by openapi-generator (pom.xml, as a user would generate
 * one), run against the packaged application: every call answers a typed record, not {@code void}. The scenario is the
 * one the Python and TypeScript clients run (GeneratedClientsIT): list, get, create, merge patch with If-Match,
 * history and a diff, search by relevance, facets, NDJSON export, the calendar, a graph as DOT, typed problems for
 * 412, 409 and 404, and a delete.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

    /** KAI–SEMAN MOU and SIMA, from the seed articles. */
    private static final UUID KAI_SEMAN_MOU = UUID.fromString("a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5");

    private static final UUID SIMA = UUID.fromString("4b024cb2-b5b6-5f7f-b089-72ee93814156");

    private static ApiClient client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://localhost:" + RestAssured.port);
        client.setRequestInterceptor(request -> request.header("Authorization", Tokens.defaultAuthorization()));
        return client;
    }

    /** A GET through the generated client's own HTTP client and request interceptor (its token), as text. */
    private static String raw(String path, String accept) throws Exception {
        ApiClient client = client();
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(client.getBaseUri() + path))
                .header("Accept", accept);
        client.getRequestInterceptor().accept(request);
        return client.getHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
    }

    @Test
    void aGeneratedClientListsReadsCreatesPatchesSearchesAndReadsProblems() throws Exception {
        AgreementsApi agreements = new AgreementsApi(client());
        PartiesApi parties = new PartiesApi(client());

        PageViewAgreementView page = agreements.listAgreements(
                null, null, null, null, null, null, null, null, null, null, null, null, null, 1, null, null, null, null,
                null, null, 5, null, null, null, null, null);
        assertEquals(5, page.getItems().size());
        assertEquals(PageViewAgreementView.TotalRelationEnum.EQ, page.getTotalRelation());
        assertTrue(page.getTotal() >= 12, "the seed agreements: " + page.getTotal());

        Agreement mou = agreements.getAgreement(KAI_SEMAN_MOU, null);
        assertEquals(KAI_SEMAN_MOU, mou.getId());
        assertTrue(mou.getTitle().contains("KF-21"), mou.getTitle());

        Party party = parties.createParty(
                new PartyInput()
                        .name("Generated Client Shipyard " + UUID.randomUUID())
                        .country("KR")
                        .kind(PartyKind.COMPANY)
                        .classification(Classification.PUBLIC),
                null);
        assertEquals("KR", party.getCountry());

        String system = "GEN-" + UUID.randomUUID().toString().substring(0, 8);
        Agreement created = agreements.createAgreement(
                new AgreementInput()
                        .title("Generated client MOU " + system)
                        .type(AgreementType.MOU)
                        .status(AgreementStatus.SIGNED)
                        .sectors(Set.of(Sector.NAVAL))
                        .parties(List.of(
                                new ParticipationInput().partyId(party.getId()).role(PartyRole.SIGNATORY),
                                new ParticipationInput().partyId(SIMA).role(PartyRole.SIGNATORY)))
                        .systems(List.of(system))
                        .signed("2025-03")
                        .sources(List.of(new Source().url("https://example.org/news/generated"))),
                null);
        assertEquals(0L, created.getVersion());
        assertEquals(List.of("KR", "PE"), created.getCountries());

        Agreement patched = agreements.patchAgreement(
                created.getId(),
                "\"0\"",
                new AgreementPatch().status(AgreementStatus.IN_FORCE).effective("2025-04"));
        assertEquals(AgreementStatus.IN_FORCE, patched.getStatus());
        assertEquals(1L, patched.getVersion());

        PageViewAgreementView found = agreements.listAgreements(
                null,
                null,
                null,
                "exact",
                List.of("KR", "PE"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(Sector.NAVAL),
                null,
                null,
                null,
                null,
                List.of(AgreementStatus.IN_FORCE),
                List.of(system),
                null,
                null);
        assertEquals(1L, found.getTotal());
        assertEquals(created.getId(), found.getItems().get(0).getId());
        AgreementFacets facets = agreements.countAgreementFacets(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(system),
                null,
                null);
        assertEquals(1L, facets.getTotal());

        ApiException stale = assertThrows(
                ApiException.class,
                () -> agreements.patchAgreement(
                        created.getId(), "\"0\"", new AgreementPatch().status(AgreementStatus.SIGNED)));
        assertEquals(412, stale.getCode());
        Problem problem = client().getObjectMapper().readValue(stale.getResponseBody(), Problem.class);
        assertEquals("/problems/precondition-failed", problem.getType());
        assertEquals(Integer.valueOf(412), problem.getStatus());
        assertTrue(problem.getDetail().contains("version 1"), problem.getDetail());

        assertEquals(
                List.of(1L, 0L),
                agreements.getAgreementHistory(created.getId(), null, null, null).getItems().stream()
                        .map(revision -> revision.getVersion())
                        .toList());
        assertTrue(agreements.getAgreementDiff(created.getId(), 0L, 1L).getPatch().stream()
                .anyMatch(op -> "/status".equals(String.valueOf(((java.util.Map<?, ?>) op).get("path")))));
        PageViewAgreementView relevant = agreements.listAgreements(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "Generated client " + system,
                null,
                null,
                null,
                5,
                null,
                null,
                null,
                null,
                null);
        assertEquals(created.getId(), relevant.getItems().get(0).getId());
        assertTrue(relevant.getItems().get(0).getSnippet() != null);
        // The Java client reads every body as JSON: NDJSON, the calendar and DOT go through its HTTP client and token.
        String ndjson = raw("/api/v1/agreements/export?format=ndjson&system=" + system, "application/x-ndjson");
        assertTrue(ndjson.startsWith("{\"id\":\"" + created.getId()), ndjson);
        String calendar = raw("/api/v1/calendar", "text/calendar");
        assertTrue(calendar.startsWith("BEGIN:VCALENDAR"), calendar);
        String graph = raw("/api/v1/agreements/" + KAI_SEMAN_MOU + "/relations", "text/vnd.graphviz");
        assertTrue(graph.startsWith("digraph"), graph);

        ApiException duplicate = assertThrows(
                ApiException.class,
                () -> parties.createParty(
                        new PartyInput()
                                .name(party.getName())
                                .country("KR")
                                .kind(PartyKind.COMPANY)
                                .classification(Classification.PUBLIC),
                        null));
        assertEquals(409, duplicate.getCode());
        assertEquals(
                "/problems/conflict",
                client().getObjectMapper()
                        .readValue(duplicate.getResponseBody(), Problem.class)
                        .getType());

        agreements.deleteAgreement(created.getId(), "\"1\"");
        ApiException gone = assertThrows(ApiException.class, () -> agreements.getAgreement(created.getId(), null));
        assertEquals(404, gone.getCode());
        assertEquals(
                "/problems/not-found",
                client().getObjectMapper()
                        .readValue(gone.getResponseBody(), Problem.class)
                        .getType());
    }
}
