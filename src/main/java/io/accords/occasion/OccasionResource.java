package io.accords.occasion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.history.RevisionView;
import io.accords.http.IfMatchHeader;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
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

/** HTTP for occasions: parse, call {@link OccasionService}, shape the response. */
@Path("/api/v1/occasions")
@Tag(
        name = "Occasions",
        description = "Summits, state visits, exhibitions and ceremonies where agreements were signed or announced")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OccasionResource {

    private final OccasionService occasions;
    private final IdempotentCreates idempotency;

    OccasionResource(OccasionService occasions, IdempotentCreates idempotency) {
        this.idempotency = idempotency;
        this.occasions = occasions;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(
            operationId = "listOccasions",
            summary = "List occasions",
            description =
                    "Pages through all occasions, latest first. Sort keys: starts, name, country, kind, createdAt,"
                            + " updatedAt;"
                            + " prefix with - for descending. The order always ends with the id, so pages never overlap."
                            + " Link headers give the first, prev, next and last pages.")
    @APIResponse(responseCode = "200", description = "One page of occasions")
    public RestResponse<PageView<OccasionView>> list(
            @BeanParam @Valid PageParams page, @Parameter(hidden = true) @Context UriInfo uri) {
        PageView<OccasionView> result = occasions.list(page);
        return Responses.page(uri, result);
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "getOccasion",
            summary = "Get an occasion",
            description = "Returns one occasion with the agreements made there that you may see. The ETag header"
                    + " carries its version, for If-Match on later writes.")
    @APIResponse(responseCode = "200", description = "The occasion")
    public RestResponse<OccasionView> get(
            @Parameter(description = "The occasion's id", example = ApiExamples.SEED_OCCASION_ID) @PathParam("id")
                    UUID id) {
        OccasionView occasion = occasions.get(id);
        return Responses.ok(occasion);
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(
            operationId = "createOccasion",
            summary = "Create an occasion",
            description = "Records a summit, state visit, exhibition or ceremony; agreements then name it as their"
                    + " occasionId. Answers 201 with the occasion, its Location and its ETag.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "occasion", value = ApiExamples.OCCASION_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = OccasionView.class)))
    public RestResponse<OccasionView> create(
            @NotNull @Valid OccasionInput body,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(hidden = true) @Context UriInfo uri) {
        IdempotentCreates.Outcome<OccasionView> outcome = idempotency.create(
                idempotencyKey.value,
                idempotencyKey.scope(),
                body,
                OccasionView.class,
                () -> occasions.create(body),
                occasions::get);
        return Responses.created(uri, outcome.record(), outcome.replayed());
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "replaceOccasion",
            summary = "Replace an occasion",
            description = "Replaces every client-writable field; classification must be sent (send the current"
                    + " one to keep it), and only an admin may lower it (403). Send If-Match with the ETag you read"
                    + " to be sure nobody changed the occasion meanwhile (412 otherwise).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "occasion", value = ApiExamples.OCCASION_INPUT)))
    @APIResponse(responseCode = "200", description = "The replaced occasion")
    public RestResponse<OccasionView> replace(
            @Parameter(description = "The occasion's id", example = ApiExamples.SEED_OCCASION_ID) @PathParam("id")
                    UUID id,
            @NotNull @Valid OccasionInput body,
            @BeanParam IfMatchHeader ifMatch) {
        OccasionView replaced = occasions.replace(id, ifMatch.versions(), body);
        return Responses.ok(replaced);
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path(RecordIds.PATH)
    @Consumes("application/merge-patch+json")
    @Operation(
            operationId = "patchOccasion",
            summary = "Change some fields of an occasion",
            description = "Applies an RFC 7396 JSON merge patch: the members sent replace the stored ones, null"
                    + " removes one. The result must be a valid occasion.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples = @ExampleObject(name = "the city", value = "{\"city\": \"Lima\"}")))
    @APIResponse(responseCode = "200", description = "The changed occasion")
    public RestResponse<OccasionView> patch(
            @Parameter(description = "The occasion's id", example = ApiExamples.SEED_OCCASION_ID) @PathParam("id")
                    UUID id,
            @NotNull JsonNode body,
            @BeanParam IfMatchHeader ifMatch)
            throws JsonProcessingException {
        OccasionView patched = occasions.patch(id, ifMatch.versions(), body);
        return Responses.ok(patched);
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "deleteOccasion",
            summary = "Delete an occasion",
            description =
                    "Deletes an occasion no agreement was made at; otherwise answers 409 listing those agreements.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Agreements were made at the occasion")
    public RestResponse<Void> delete(
            @Parameter(description = "The occasion's id", example = ApiExamples.SEED_OCCASION_ID) @PathParam("id")
                    UUID id,
            @BeanParam IfMatchHeader ifMatch) {
        occasions.delete(id, ifMatch.versions());
        return RestResponse.noContent();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path(RecordIds.PATH + "/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getOccasionHistory",
            summary = "List the changes of an occasion",
            description = "Every create, update and delete of the occasion, newest first: who made it (the token's"
                    + " subject), when, the version, and the occasion as it stood after it. Revisions above your clearance"
                    + " are left out. After a deletion only admins can read it.")
    @APIResponse(responseCode = "200", description = "The revisions")
    public RestResponse<PageView<RevisionView>> history(
            @Parameter(description = "The occasion's id", example = ApiExamples.SEED_OCCASION_ID) @PathParam("id")
                    UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, occasions.history(id, page));
    }
}
