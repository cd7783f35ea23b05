package io.accords.milestone;

import io.accords.agreement.AgreementExamples;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.idempotency.IdempotentCreates;
import io.accords.record.RecordKind;
import io.accords.record.RecordResource;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HTTP for an agreement's milestones: the record's own routes from {@link RecordResource}, under the agreement the
 * path names, and the agreement's list.
 */
@Path("/api/v1/agreements/{agreementId: " + RecordIds.UUID + "}/milestones")
@Tag(
        name = "Milestones",
        description = "Deliveries, payments, reviews and ceremonies due under agreements, and the calendar feed")
@RecordKind(
        noun = "milestone",
        parent = "agreement",
        seedId = MilestoneExamples.SEED_ID,
        get = "Returns one milestone of the agreement. The ETag header carries its version, for If-Match on later"
                + " writes.",
        create = "Records something the agreement promises by a date. Its classification is the agreement's unless"
                + " given. Answers 201 with the milestone, its Location and its ETag.",
        delete = "Deletes the milestone; its history stays. Send If-Match with the ETag you read.",
        input = MilestoneExamples.INPUT,
        inputName = "delivery",
        replace = MilestoneExamples.REPLACE,
        patch = "{\"status\": \"MET\", \"met\": \"2026-06-12\"}",
        patchName = "met",
        example = MilestoneExamples.MILESTONE,
        pageExample = MilestoneExamples.PAGE)
public class MilestoneResource extends RecordResource<MilestoneInput, MilestoneView> {

    private final MilestoneService milestones;

    @Parameter(description = "The agreement's id", example = AgreementExamples.SEED_ID)
    @PathParam("agreementId")
    UUID agreementId;

    /** For the container's proxy only: the parent is read per request, so this resource is request-scoped. */
    MilestoneResource() {
        this.milestones = null;
    }

    @Inject
    MilestoneResource(MilestoneService milestones, IdempotentCreates idempotency) {
        super(milestones, MilestoneView.class, idempotency);
        this.milestones = milestones;
    }

    @Override
    protected UUID parent() {
        return agreementId;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Operation(
            operationId = "listAgreementMilestones",
            summary = "List an agreement's milestones",
            description = "Its deliveries, payments, transfers, reviews, notices and expiries, by due date.")
    @APIResponse(responseCode = "200", description = "One page of milestones")
    public RestResponse<PageView<MilestoneView>> list(
            @BeanParam @Valid PageParams page, @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, milestones.list(MilestoneFilter.of(agreementId), page));
    }
}
