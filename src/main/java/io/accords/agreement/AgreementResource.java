package io.accords.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.history.RevisionDiff;
import io.accords.history.RevisionView;
import io.accords.http.AsOfParam;
import io.accords.http.IfMatchHeader;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.http.VersionRange;
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

/** HTTP for agreements: parse, call {@link AgreementService}, shape the response. */
@Path("/api/v1/agreements")
@Tag(
        name = "Agreements",
        description =
                "MOUs, contracts, joint declarations and licences: create, change, search, export, history and relations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AgreementResource {

    private final AgreementService agreements;

    private final IdempotentCreates idempotency;

    AgreementResource(AgreementService agreements, IdempotentCreates idempotency) {
        this.idempotency = idempotency;
        this.agreements = agreements;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "getAgreement",
            summary = "Get an agreement",
            description = "Returns one agreement with its parties, dates at the precision known, sources and"
                    + " version. The ETag header carries the version, for If-Match on later writes.")
    @APIResponse(responseCode = "200", description = "The agreement")
    public RestResponse<AgreementView> get(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @BeanParam AsOfParam asOf) {
        Optional<Instant> at = asOf.instant();
        return at.isPresent()
                ? RestResponse.ok(agreements.asOf(id, at.get(), AgreementView.class))
                : Responses.ok(agreements.get(id));
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Operation(
            operationId = "createAgreement",
            summary = "Create an agreement",
            description = "Records an agreement. Its parties and parent must already exist; dates take YYYY,"
                    + " YYYY-MM or YYYY-MM-DD. Answers 201 with the agreement, its Location and its ETag.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "agreement", value = ApiExamples.AGREEMENT_INPUT)))
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AgreementView.class)))
    public RestResponse<AgreementView> create(
            @NotNull @Valid AgreementInput body,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(hidden = true) @Context UriInfo uri) {
        IdempotentCreates.Outcome<AgreementView> outcome = idempotency.create(
                idempotencyKey.value,
                idempotencyKey.scope(),
                body,
                AgreementView.class,
                () -> agreements.create(body),
                agreements::get);
        return Responses.created(uri, outcome.record(), outcome.replayed());
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "replaceAgreement",
            summary = "Replace an agreement",
            description = "Replaces every client-writable field; classification must be sent (send the current"
                    + " one to keep it), and only an admin may lower it (403). Send If-Match with the ETag you read"
                    + " to be sure nobody changed the agreement meanwhile (412 otherwise).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "agreement", value = ApiExamples.AGREEMENT_INPUT)))
    @APIResponse(responseCode = "200", description = "The replaced agreement")
    public RestResponse<AgreementView> replace(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @NotNull @Valid AgreementInput body,
            @BeanParam IfMatchHeader ifMatch) {
        AgreementView replaced = agreements.replace(id, ifMatch.versions(), body);
        return Responses.ok(replaced);
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path(RecordIds.PATH)
    @Consumes("application/merge-patch+json")
    @Operation(
            operationId = "patchAgreement",
            summary = "Change some fields of an agreement",
            description = "Applies an RFC 7396 JSON merge patch: the members sent replace the stored ones, null"
                    + " removes one. The result must be a valid agreement.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/merge-patch+json",
                            examples =
                                    @ExampleObject(
                                            name = "now in force",
                                            value = "{\"status\": \"IN_FORCE\", \"effective\": \"2025-01\"}")))
    @APIResponse(responseCode = "200", description = "The changed agreement")
    public RestResponse<AgreementView> patch(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @NotNull JsonNode body,
            @BeanParam IfMatchHeader ifMatch)
            throws JsonProcessingException {
        AgreementView patched = agreements.patch(id, ifMatch.versions(), body);
        return Responses.ok(patched);
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path(RecordIds.PATH)
    @Operation(
            operationId = "deleteAgreement",
            summary = "Delete an agreement",
            description = "Deletes an agreement that no other agreement names as its parent; otherwise answers 409"
                    + " listing them.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "Other agreements name it as their parent")
    public RestResponse<Void> delete(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @BeanParam IfMatchHeader ifMatch) {
        agreements.delete(id, ifMatch.versions());
        return RestResponse.noContent();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path(RecordIds.PATH + "/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getAgreementHistory",
            summary = "List the changes of an agreement",
            description = "Every create, update and delete of the agreement, newest first: who made it (the token's"
                    + " subject), when, the version, and the agreement as it stood after it. Revisions above your"
                    + " clearance are left out. After a deletion only admins can read it.")
    @APIResponse(responseCode = "200", description = "The revisions")
    public RestResponse<PageView<RevisionView>> history(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, agreements.history(id, page).map(revision -> revision.withDiff(uri.getPath())));
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path(RecordIds.PATH + "/history/{version: \\d{1,18}}/diff")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getAgreementRevisionDiff",
            summary = "Show what one change of an agreement changed",
            description = "The change that produced this version, as an RFC 6902 JSON Patch from the version before it"
                    + " that you may see (from an empty object for the creation). Both as you may see them.")
    @APIResponse(responseCode = "200", description = "The patch")
    public RestResponse<RevisionDiff> revisionDiff(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @Parameter(description = "The version the change produced", example = "0") @PathParam("version")
                    long version) {
        return RestResponse.ok(agreements.diff(id, null, version));
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Path(RecordIds.PATH + "/history/diff")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getAgreementDiff",
            summary = "Compare two versions of an agreement",
            description = "What changed from version from to version to, as an RFC 6902 JSON Patch; either way round."
                    + " Both versions must be ones you may see.")
    @APIResponse(responseCode = "200", description = "The patch")
    public RestResponse<RevisionDiff> diff(
            @Parameter(description = "The agreement's id", example = ApiExamples.SEED_AGREEMENT_ID) @PathParam("id")
                    UUID id,
            @BeanParam VersionRange versions) {
        return RestResponse.ok(agreements.diff(id, versions.from(), versions.to()));
    }
}
