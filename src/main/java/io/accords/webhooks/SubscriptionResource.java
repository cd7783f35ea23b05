package io.accords.webhooks;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.PublicUrls;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.openapi.SchemaExample;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

/** HTTP for webhook subscriptions: each caller's own, an admin's any. */
@Path(Subscriptions.PATH)
@Tag(
        name = "Webhooks",
        description = "Be told of changes: the registry posts each change you may see, as a CloudEvent signed the"
                + " Standard Webhooks way, to an address of yours, in order, at least once")
@SchemaExample(schema = "Subscription", value = SubscriptionExamples.SUBSCRIPTION)
@SchemaExample(schema = "PageViewSubscriptionView", value = SubscriptionExamples.PAGE)
@SchemaExample(schema = "Delivery", value = SubscriptionExamples.DELIVERY)
@SchemaExample(schema = "PageViewDeliveryView", value = SubscriptionExamples.DELIVERY_PAGE)
public class SubscriptionResource {

    private static final String ID = "The subscription's id";

    private final Subscriptions subscriptions;

    SubscriptionResource(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @POST
    @RolesAllowed(Roles.READER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createSubscription",
            summary = "Subscribe to changes",
            description = "Makes a subscription that posts every change you may see (of the kinds and types you name)"
                    + " to your target, an https address on the public internet, from now on (or from a cursor of the"
                    + " change feed). Deliveries are read as you, with at most the clearance you name, lowered at each"
                    + " to what your tokens show then; they stop if your tokens no longer carry the reader role. The"
                    + " answer holds the signing secret, told only now. At most 20 subscriptions each.")
    @APIResponse(
            responseCode = "201",
            description = "The subscription, with its secret",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SubscriptionView.class)))
    @APIResponse(responseCode = "409", description = "You have as many subscriptions as one caller may")
    public RestResponse<SubscriptionView> create(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = SubscriptionInput.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "agreements for a search index",
                                                            value = SubscriptionExamples.INPUT)))
                    @Valid
                    @NotNull
                    SubscriptionInput input) {
        SubscriptionView made = subscriptions.create(input);
        return RestResponse.ResponseBuilder.<SubscriptionView>create(RestResponse.Status.CREATED)
                .entity(made)
                .header("Location", PublicUrls.of(Subscriptions.PATH + "/" + made.id()))
                .build();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listSubscriptions",
            summary = "List your subscriptions",
            description = "Yours, newest first (an admin's: everyone's), without their secrets.")
    @APIResponse(responseCode = "200", description = "One page of subscriptions")
    public RestResponse<PageView<SubscriptionView>> list(
            @BeanParam @Valid PageParams page, @Parameter(hidden = true) @Context UriInfo uri) {
        page.refuseSort("subscriptions are listed newest first");
        return Responses.page(uri, subscriptions.list(page));
    }

    @GET
    @Path(RecordIds.PATH)
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getSubscription",
            summary = "Get one of your subscriptions",
            description = "Its target, filters, status (and why, when paused or disabled) and failures in a row.")
    @APIResponse(responseCode = "200", description = "The subscription, without its secret")
    public SubscriptionView get(
            @Parameter(description = ID, example = SubscriptionExamples.ID) @PathParam("id") UUID id) {
        return subscriptions.get(id);
    }

    @POST
    @Path(RecordIds.PATH + "/pause")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "pauseSubscription",
            summary = "Pause deliveries",
            description = "No change is delivered until you resume it; none is lost meanwhile.")
    @APIResponse(responseCode = "200", description = "The subscription, paused")
    public SubscriptionView pause(
            @Parameter(description = ID, example = SubscriptionExamples.ID) @PathParam("id") UUID id) {
        return subscriptions.pause(id);
    }

    @POST
    @Path(RecordIds.PATH + "/resume")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "resumeSubscription",
            summary = "Resume deliveries",
            description = "Delivers again from where it stopped, at once: after a pause, or once you mended what"
                    + " disabled it.")
    @APIResponse(responseCode = "200", description = "The subscription, active")
    public SubscriptionView resume(
            @Parameter(description = ID, example = SubscriptionExamples.ID) @PathParam("id") UUID id) {
        return subscriptions.resume(id);
    }

    @POST
    @Path(RecordIds.PATH + "/secret")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rotateSubscriptionSecret",
            summary = "Rotate the signing secret",
            description = "Answers a new secret, told only now. For 24 hours deliveries carry a signature with each of"
                    + " the two (webhook-signature lists both), so your receiver can change over.")
    @APIResponse(responseCode = "200", description = "The subscription, with its new secret")
    public SubscriptionView rotate(
            @Parameter(description = ID, example = SubscriptionExamples.ID) @PathParam("id") UUID id) {
        return subscriptions.rotate(id);
    }

    @POST
    @Path(RecordIds.PATH + "/replay")
    @RolesAllowed(Roles.READER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "replaySubscription",
            summary = "Deliver again from a cursor",
            description = "Moves the subscription to a cursor of the change feed (or now): every change after it is"
                    + " delivered, again if it was before, with the same webhook-id.")
    @APIResponse(responseCode = "200", description = "The subscription, moved")
    public SubscriptionView replay(
            @Parameter(description = ID, example = SubscriptionExamples.ID) @PathParam("id") UUID id,
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = ReplayInput.class),
                                            examples =
                                                    @ExampleObject(
                                                            name = "from now",
                                                            value = SubscriptionExamples.REPLAY)))
                    @Valid
                    @NotNull
                    ReplayInput input) {
        return subscriptions.replay(id, input.after());
    }

    @GET
    @Path(RecordIds.PATH + "/deliveries")
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listSubscriptionDeliveries",
            summary = "Read the delivery log",
            description = "Every attempt, newest first: which change, when, the target's status code, and what went"
                    + " wrong.")
    @APIResponse(responseCode = "200", description = "One page of attempts")
    public RestResponse<PageView<DeliveryView>> deliveries(
            @Parameter(description = ID, example = SubscriptionExamples.ID) @PathParam("id") UUID id,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        page.refuseSort("attempts are listed newest first");
        return Responses.page(uri, subscriptions.deliveries(id, page));
    }

    @DELETE
    @Path(RecordIds.PATH)
    @Produces(MediaType.WILDCARD) // nothing is answered on success: Accept does not matter (RFC 9110)
    @RolesAllowed(Roles.READER)
    @Operation(
            operationId = "deleteSubscription",
            summary = "Delete a subscription",
            description = "Nothing more is delivered; its log goes with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(
            @Parameter(description = ID, example = SubscriptionExamples.DELETED_ID) @PathParam("id") UUID id) {
        subscriptions.delete(id);
    }
}
