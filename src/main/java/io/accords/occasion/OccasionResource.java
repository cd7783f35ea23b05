package io.accords.occasion;

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

/** HTTP for occasions: the record's own routes from {@link RecordResource}, and the list. */
@Path("/api/v1/occasions")
@Tag(
        name = "Occasions",
        description = "Summits, state visits, exhibitions and ceremonies where agreements were signed or announced")
@RecordKind(
        noun = "occasion",
        seedId = OccasionExamples.SEED_ID,
        get = "Returns one occasion with the agreements made there that you may see. The ETag header carries its"
                + " version, for If-Match on later writes.",
        create = "Records a summit, state visit, exhibition or ceremony; agreements then name it as their"
                + " occasionId. Answers 201 with the occasion, its Location and its ETag.",
        delete = "Deletes an occasion no agreement was made at; otherwise answers 409 listing those agreements.",
        conflict = "Agreements were made at the occasion",
        input = OccasionExamples.INPUT,
        inputName = "occasion",
        replace = OccasionExamples.REPLACE,
        patch = "{\"city\": \"Lima\"}",
        patchName = "the city",
        example = OccasionExamples.OCCASION,
        pageExample = OccasionExamples.PAGE)
public class OccasionResource extends RecordResource<OccasionInput, OccasionView> {

    private final OccasionService occasions;

    OccasionResource(OccasionService occasions, IdempotentCreates idempotency) {
        super(occasions, OccasionView.class, idempotency);
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
        return Responses.page(uri, occasions.list(page));
    }
}
