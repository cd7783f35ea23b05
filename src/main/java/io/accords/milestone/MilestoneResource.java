package io.accords.milestone;

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

/** HTTP for an agreement's milestones: parse, call {@link MilestoneService}, shape the response. */
@Path("/api/v1/agreements")
@Tag(
        name = "Milestones",
        description = "Deliveries, payments, reviews and ceremonies due under agreements, and the calendar feed")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MilestoneResource {

    /** An agreement's milestones. */
    static final String MILESTONES = RecordIds.PATH + "/milestones";

    /** A milestone's path: its id is a UUID, as every record's. */
    static final String MILESTONE =
            MILESTONES + "/{milestoneId: [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final MilestoneService milestones;
    private final IdempotentCreates idempotency;

    MilestoneResource(MilestoneService milestones, IdempotentCreates idempotency) {
        this.milestones = milestones;
        this.idempotency = idempotency;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(MILESTONES)
    @Operation(
            operationId = "listAgreementMilestones",
            summary = "List an agreement's milestones",
            description = "Its deliveries, payments, transfers, reviews, notices and expiries, by due date.")
    @APIResponse(responseCode = "200", description = "One page of milestones")
    public RestResponse<PageView<MilestoneView>> list(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, milestones.list(MilestoneFilter.of(id), page));
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(MILESTONE)
    @Operation(
            operationId = "getMilestone",
            summary = "Get a milestone",
            description = "Returns one milestone of the agreement. The ETag header carries its version, for If-Match"
                    + " on later writes.")
    @APIResponse(responseCode = "200", description = "The milestone")
    public RestResponse<MilestoneView> get(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @Parameter(description = "The milestone's id", example = ApiExamples.SEED_MILESTONE_ID)
                    @PathParam("milestoneId")
                    UUID milestoneId) {
        return Responses.ok(milestones.get(id, milestoneId));
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Path(MILESTONES)
    @Operation(
            operationId = "createMilestone",
            summary = "Add a milestone to an agreement",
            description = "Records something the agreement promises by a date. Its classification is the agreement's"
                    + " unless given. Answers 201 with the milestone, its Location and its ETag.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "delivery", value = ApiExamples.MILESTONE_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = MilestoneView.class)))
    public RestResponse<MilestoneView> create(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @NotNull @Valid MilestoneInput body,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(hidden = true) @Context UriInfo uri) {
        IdempotentCreates.Outcome<MilestoneView> outcome = idempotency.create(
                idempotencyKey.value,
                idempotencyKey.scope(),
                body,
                MilestoneView.class,
                () -> milestones.add(id, body),
                milestoneId -> milestones.get(id, milestoneId));
        return Responses.created(uri, outcome.record(), outcome.replayed());
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path(MILESTONE)
    @Operation(
            operationId = "replaceMilestone",
            summary = "Replace a milestone",
            description = "Replaces every client-writable field; classification must be sent. Send If-Match with the"
                    + " ETag you read (412 otherwise).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "delivery", value = ApiExamples.MILESTONE_INPUT)))
    @APIResponse(responseCode = "200", description = "The replaced milestone")
    public RestResponse<MilestoneView> replace(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @Parameter(description = "The milestone's id", example = ApiExamples.SEED_MILESTONE_ID)
                    @PathParam("milestoneId")
                    UUID milestoneId,
            @NotNull @Valid MilestoneInput body,
            @BeanParam IfMatchHeader ifMatch) {
        return Responses.ok(milestones.replace(id, milestoneId, ifMatch.versions(), body));
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path(MILESTONE)
    @Consumes("application/merge-patch+json")
    @Operation(
            operationId = "patchMilestone",
            summary = "Change some fields of a milestone",
            description = "Applies an RFC 7396 JSON merge patch, such as marking it met.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples =
                                    @ExampleObject(
                                            name = "met",
                                            value = "{\"status\": \"MET\", \"met\": \"2026-06-12\"}")))
    @APIResponse(responseCode = "200", description = "The changed milestone")
    public RestResponse<MilestoneView> patch(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @Parameter(description = "The milestone's id", example = ApiExamples.SEED_MILESTONE_ID)
                    @PathParam("milestoneId")
                    UUID milestoneId,
            @NotNull JsonNode body,
            @BeanParam IfMatchHeader ifMatch)
            throws JsonProcessingException {
        return Responses.ok(milestones.patch(id, milestoneId, ifMatch.versions(), body));
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path(MILESTONE)
    @Operation(
            operationId = "deleteMilestone",
            summary = "Delete a milestone",
            description = "Deletes the milestone; its history stays. Send If-Match with the ETag you read.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @Parameter(description = "The milestone's id", example = ApiExamples.SEED_MILESTONE_ID)
                    @PathParam("milestoneId")
                    UUID milestoneId,
            @BeanParam IfMatchHeader ifMatch) {
        milestones.delete(id, milestoneId, ifMatch.versions());
        return RestResponse.noContent();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path(MILESTONE + "/history")
    @Operation(
            operationId = "getMilestoneHistory",
            summary = "List the changes of a milestone",
            description = "Every create, update and delete of the milestone, newest first, within your clearance.")
    @APIResponse(responseCode = "200", description = "The revisions")
    public RestResponse<PageView<RevisionView>> history(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @Parameter(description = "The milestone's id", example = ApiExamples.SEED_MILESTONE_ID)
                    @PathParam("milestoneId")
                    UUID milestoneId,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, milestones.history(id, milestoneId, page));
    }
}
