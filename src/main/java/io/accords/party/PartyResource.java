package io.accords.party;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.Responses;
import io.accords.idempotency.IdempotentCreates;
import io.accords.record.RecordKind;
import io.accords.record.RecordResource;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for parties: the record's own routes from {@link RecordResource}, and the list. */
@Path("/api/v1/parties")
@Tag(
        name = "Parties",
        description =
                "Governments, agencies, armed services, state enterprises and companies that take part in agreements")
@RecordKind(
        noun = "party",
        seedId = PartyExamples.SEED_ID,
        get = "Returns one party. The ETag header carries its version, for If-Match on later writes.",
        create = "Creates a party. Its name must be unique within its country (409 otherwise). Answers 201 with the"
                + " party, its Location and its ETag.",
        delete = "Deletes a party that no agreement names; otherwise answers 409 listing those agreements.",
        conflict = "Agreements still name the party",
        duplicate = "A party with this name already exists in this country",
        duplicateExample = PartyExamples.DUPLICATE,
        input = PartyExamples.INPUT,
        inputName = "party",
        replace = PartyExamples.REPLACE,
        patch = "{\"aliases\": [\"Korea Aerospace\"]}",
        patchName = "new alias",
        example = PartyExamples.PARTY,
        pageExample = PartyExamples.PAGE)
public class PartyResource extends RecordResource<PartyInput, PartyView> {

    private final PartyService parties;

    PartyResource(PartyService parties, IdempotentCreates idempotency) {
        super(parties, PartyView.class, idempotency);
        this.parties = parties;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(
            operationId = "listParties",
            summary = "List parties",
            description = "Pages through all parties. Sort keys: name, acronym, country, kind, createdAt, updatedAt;"
                    + " prefix with - for descending. The order always ends with the id, so pages never overlap."
                    + " Link headers give the first, prev, next and last pages.")
    @APIResponse(responseCode = "200", description = "One page of parties")
    public RestResponse<PageView<PartyView>> list(
            @BeanParam @Valid PageParams page, @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, parties.list(page));
    }
}
