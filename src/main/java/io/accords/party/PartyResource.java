package io.accords.party;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.history.RevisionView;
import io.accords.http.AsOfParam;
import io.accords.http.IfMatchHeader;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.http.problem.Problem;
import io.accords.idempotency.IdempotencyKeyHeader;
import io.accords.idempotency.IdempotentCreates;
import io.accords.openapi.ApiExamples;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for parties: parse, call {@link PartyService}, shape the response. */
@Path("/api/v1/parties")
@Tag(
        name = "Parties",
        description =
                "Governments, agencies, armed services, state enterprises and companies that take part in agreements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PartyResource {

    private final PartyService parties;
    private final IdempotentCreates idempotency;

    PartyResource(PartyService parties, IdempotentCreates idempotency) {
        this.idempotency = idempotency;
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
        PageView<PartyView> result = parties.list(page);
        return Responses.page(uri, result);
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "getParty",
            summary = "Get a party",
            description = "Returns one party. The ETag header carries its version, for If-Match on later writes.")
    @APIResponse(responseCode = "200", description = "The party")
    public RestResponse<PartyView> get(
            @Parameter(description = "The party's id", example = ApiExamples.SEED_PARTY_ID) @PathParam("id") UUID id,
            @BeanParam AsOfParam asOf) {
        Optional<Instant> at = asOf.instant();
        return at.isPresent()
                ? RestResponse.ok(parties.asOf(id, at.get(), PartyView.class))
                : Responses.ok(parties.get(id));
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(
            operationId = "createParty",
            summary = "Create a party",
            description = "Creates a party. Its name must be unique within its country (409 otherwise). Answers 201"
                    + " with the party, its Location and its ETag.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "party", value = ApiExamples.PARTY_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PartyView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A party with this name already exists in this country",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class),
                            examples = @ExampleObject(name = "duplicate", value = ApiExamples.DUPLICATE_PARTY)))
    public RestResponse<PartyView> create(
            @NotNull @Valid PartyInput body,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(hidden = true) @Context UriInfo uri) {
        IdempotentCreates.Outcome<PartyView> outcome = idempotency.create(
                idempotencyKey.value,
                idempotencyKey.scope(),
                body,
                PartyView.class,
                () -> parties.create(body),
                parties::get);
        return Responses.created(uri, outcome.record(), outcome.replayed());
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "replaceParty",
            summary = "Replace a party",
            description = "Replaces every client-writable field; classification must be sent (send the current"
                    + " one to keep it), and only an admin may lower it (403). Send If-Match with the ETag you read"
                    + " to be sure nobody changed the party meanwhile (412 otherwise).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "party", value = ApiExamples.PARTY_INPUT)))
    @APIResponse(responseCode = "200", description = "The replaced party")
    @APIResponse(responseCode = "409", description = "Another party in this country has the new name")
    public RestResponse<PartyView> replace(
            @Parameter(description = "The party's id", example = ApiExamples.SEED_PARTY_ID) @PathParam("id") UUID id,
            @NotNull @Valid PartyInput body,
            @BeanParam IfMatchHeader ifMatch) {
        PartyView replaced = parties.replace(id, ifMatch.versions(), body);
        return Responses.ok(replaced);
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path(RecordIds.PATH)
    @Consumes("application/merge-patch+json")
    @Operation(
            operationId = "patchParty",
            summary = "Change some fields of a party",
            description = "Applies an RFC 7396 JSON merge patch: the members sent replace the stored ones, null"
                    + " removes one. The result must be a valid party.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples =
                                    @ExampleObject(name = "new alias", value = "{\"aliases\": [\"Korea Aerospace\"]}")))
    @APIResponse(responseCode = "200", description = "The changed party")
    @APIResponse(responseCode = "409", description = "Another party in this country has the new name")
    public RestResponse<PartyView> patch(
            @Parameter(description = "The party's id", example = ApiExamples.SEED_PARTY_ID) @PathParam("id") UUID id,
            @NotNull JsonNode body,
            @BeanParam IfMatchHeader ifMatch)
            throws JsonProcessingException {
        PartyView patched = parties.patch(id, ifMatch.versions(), body);
        return Responses.ok(patched);
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "deleteParty",
            summary = "Delete a party",
            description = "Deletes a party that no agreement names; otherwise answers 409 listing those agreements.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Agreements still name the party")
    public RestResponse<Void> delete(
            @Parameter(description = "The party's id", example = ApiExamples.SEED_PARTY_ID) @PathParam("id") UUID id,
            @BeanParam IfMatchHeader ifMatch) {
        parties.delete(id, ifMatch.versions());
        return RestResponse.noContent();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path(RecordIds.PATH + "/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getPartyHistory",
            summary = "List the changes of a party",
            description = "Every create, update and delete of the party, newest first: who made it (the token's"
                    + " subject), when, the version, and the party as it stood after it. Revisions above your clearance"
                    + " are left out. After a deletion only admins can read it.")
    @APIResponse(responseCode = "200", description = "The revisions")
    public RestResponse<PageView<RevisionView>> history(
            @Parameter(description = "The party's id", example = ApiExamples.SEED_PARTY_ID) @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, parties.history(id, page));
    }
}
