package io.accords.record;

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
import io.accords.http.Versioned;
import io.accords.idempotency.IdempotencyKeyHeader;
import io.accords.idempotency.IdempotentCreates;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The HTTP of every record kind, written once: get (also {@code asOf} a past instant), create with an
 * Idempotency-Key, replace and merge patch with If-Match, delete, the history and what each change changed. A kind
 * extends it with its {@code @Path} and {@link RecordKind}, and adds only what is its own (its list). Which words the
 * OpenAPI document says for each operation come from the {@link RecordKind}.
 *
 * @param <I> the record as a client writes it
 * @param <V> the record as a client reads it
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class RecordResource<I extends ClassifiedInput, V extends Versioned> {

    private final RecordService<?, I, V> records;
    private final Class<V> viewType;
    private final IdempotentCreates idempotency;

    /** For the container's proxies of a kind whose routes read its parent per request. */
    protected RecordResource() {
        this(null, null, null);
    }

    protected RecordResource(RecordService<?, I, V> records, Class<V> viewType, IdempotentCreates idempotency) {
        this.records = records;
        this.viewType = viewType;
        this.idempotency = idempotency;
    }

    /** The id of the record this kind sits under, read from the path; none for a record of its own. */
    protected UUID parent() {
        return null;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH)
    public RestResponse<V> get(@PathParam("id") UUID id, @BeanParam AsOfParam asOf) {
        Optional<Instant> at = asOf.instant();
        return at.isPresent()
                ? RestResponse.ok(records.asOf(parent(), id, at.get(), viewType))
                : Responses.ok(records.get(parent(), id));
    }

    @RolesAllowed(Roles.EDITOR)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "Created")
    public RestResponse<V> create(
            @NotNull @Valid I body,
            @BeanParam IdempotencyKeyHeader idempotencyKey,
            @Parameter(hidden = true) @Context UriInfo uri) {
        UUID parent = parent();
        IdempotentCreates.Outcome<V> outcome = idempotency.create(
                idempotencyKey.value,
                idempotencyKey.scope(),
                body,
                viewType,
                () -> records.add(parent, body),
                id -> records.get(parent, id));
        return Responses.created(uri, outcome.record(), outcome.replayed());
    }

    @RolesAllowed(Roles.EDITOR)
    @PUT
    @Path(RecordIds.PATH)
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<V> replace(@PathParam("id") UUID id, @NotNull @Valid I body, @BeanParam IfMatchHeader ifMatch) {
        return Responses.ok(records.replace(parent(), id, ifMatch.versions(), body));
    }

    @RolesAllowed(Roles.EDITOR)
    @PATCH
    @Path(RecordIds.PATH)
    @Consumes("application/merge-patch+json")
    public RestResponse<V> patch(@PathParam("id") UUID id, @NotNull JsonNode body, @BeanParam IfMatchHeader ifMatch)
            throws JsonProcessingException {
        return Responses.ok(records.patch(parent(), id, ifMatch.versions(), body));
    }

    @RolesAllowed(Roles.EDITOR)
    @DELETE
    @Path(RecordIds.PATH)
    @Produces(MediaType.WILDCARD) // nothing is answered on success: Accept does not matter (RFC 9110)
    @APIResponse(responseCode = "204", description = "Deleted")
    public RestResponse<Void> delete(@PathParam("id") UUID id, @BeanParam IfMatchHeader ifMatch) {
        records.delete(parent(), id, ifMatch.versions());
        return RestResponse.noContent();
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH + "/history")
    public RestResponse<PageView<RevisionView>> history(
            @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(
                uri, records.history(parent(), id, page).map(revision -> revision.withDiff(uri.getPath())));
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH + "/history/{version: \\d{1,18}}/diff")
    public RestResponse<RevisionDiff> revisionDiff(
            @PathParam("id") UUID id,
            @Parameter(description = "The version the change produced", example = "0") @PathParam("version")
                    long version) {
        return RestResponse.ok(records.diff(parent(), id, null, version));
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path(RecordIds.PATH + "/history/diff")
    public RestResponse<RevisionDiff> diff(@PathParam("id") UUID id, @BeanParam VersionRange versions) {
        return RestResponse.ok(records.diff(parent(), id, versions.from(), versions.to()));
    }
}
