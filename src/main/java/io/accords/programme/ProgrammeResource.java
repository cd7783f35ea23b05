package io.accords.programme;

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

/** HTTP for programmes: the record's own routes from {@link RecordResource}, and the list with its filters. */
@Path("/api/v1/programmes")
@Tag(
        name = "Programmes",
        description = "The development, production or acquisition of one weapon system, which agreements name")
@RecordKind(
        noun = "programme",
        seedId = ProgrammeExamples.SEED_ID,
        get = "Returns one programme, with where its agreements are. The ETag header carries its version, for"
                + " If-Match on later writes.",
        create = "Records a programme: the weapon system agreements name in their systems, and the countries that"
                + " take part. Answers 201 with the programme, its Location and its ETag.",
        delete = "Deletes a programme; its agreements, which only name its system, stay.",
        input = ProgrammeExamples.INPUT,
        inputName = "programme",
        replace = ProgrammeExamples.REPLACE,
        patch = "{\"countries\": [\"KR\", \"PE\", \"ID\"]}",
        patchName = "another country",
        example = ProgrammeExamples.PROGRAMME,
        pageExample = ProgrammeExamples.PAGE)
public class ProgrammeResource extends RecordResource<ProgrammeInput, ProgrammeView> {

    private final ProgrammeService programmes;

    ProgrammeResource(ProgrammeService programmes, IdempotentCreates idempotency) {
        super(programmes, ProgrammeView.class, idempotency);
        this.programmes = programmes;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(
            operationId = "listProgrammes",
            summary = "List programmes",
            description = "Pages through the programmes, by name, those of every country given and of any system"
                    + " given. Sort keys: name, system, started, createdAt, updatedAt; prefix with - for descending."
                    + " The order always ends with the id, so pages never overlap. Link headers give the first,"
                    + " prev, next and last pages.")
    @APIResponse(responseCode = "200", description = "One page of programmes")
    public RestResponse<PageView<ProgrammeView>> list(
            @BeanParam ProgrammeFilter.Params filter,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, programmes.list(filter.filter(), page));
    }
}
