package io.accords.search;

import io.accords.agreement.AgreementView;
import io.accords.http.CountParam;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.party.PartyExamples;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * A party's agreements: an agreement listing, served where agreement listings are, under the party's URL. So the party
 * feature never depends on agreements.
 */
@Path("/api/v1/parties")
@Tag(name = "Parties")
@Produces(MediaType.APPLICATION_JSON)
public class PartyAgreementsResource {

    private final AgreementSearchService agreements;

    PartyAgreementsResource(AgreementSearchService agreements) {
        this.agreements = agreements;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH + "/agreements")
    @Operation(
            operationId = "listPartyAgreements",
            summary = "List a party's agreements",
            description = "Pages through the agreements that name this party in any role, with the same paging and"
                    + " sort keys as listAgreements, and its total counted the same way.")
    @APIResponse(responseCode = "200", description = "One page of agreements")
    public RestResponse<PageView<AgreementView>> agreements(
            @Parameter(description = "The party's id", example = PartyExamples.SEED_ID) @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page,
            @BeanParam @Valid CountParam count,
            @BeanParam AfterParam after,
            @Parameter(hidden = true) @Context UriInfo uri) {
        PageView<AgreementView> result = agreements.listNamingParty(
                id,
                page,
                count.exact(),
                after.cursor(),
                uri.getQueryParameters().containsKey("page"));
        return Responses.page(uri, result);
    }
}
