package io.accords.milestone;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.PublicUrls;
import io.accords.http.RecordIds;
import io.accords.http.Responses;
import io.accords.openapi.SchemaExample;
import io.accords.security.Roles;
import jakarta.annotation.security.PermitAll;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HTTP for calendar feeds: make, list, read and revoke your own (with your token), and the feed's address itself, which
 * a calendar client reads with no token: the secret in it is the only credential it takes.
 */
@Path(CalendarFeedService.PATH)
@Tag(
        name = "Calendar feeds",
        description = "Subscription addresses for calendar clients, which cannot send a token: each made by a caller"
                + " for itself, holding a secret, revocable")
@SchemaExample(schema = "CalendarFeed", value = CalendarExamples.CALENDAR_FEED)
@SchemaExample(schema = "PageViewCalendarFeedView", value = CalendarExamples.CALENDAR_FEED_PAGE)
public class CalendarFeedResource {

    private final CalendarFeedService feeds;

    CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @POST
    @RolesAllowed(Roles.READER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createCalendarFeed",
            summary = "Make a calendar feed",
            description = "Makes a feed of the milestones and expiries your filters select, and answers its address"
                    + " (url): subscribe to it from a calendar client, after this service's public address. The"
                    + " address holds a secret and is answered only now; it reads with at most your clearance (or"
                    + " the lower one you name), lowered on every read to what your tokens last showed, and stops"
                    + " reading once your tokens no longer have the reader role. At most 20 feeds each.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarFeedInput.class),
                            examples =
                                    @ExampleObject(
                                            name = "deliveries involving Peru",
                                            value = "{\"name\": \"Korea–Peru milestones\", \"filters\":"
                                                    + " {\"withinDays\": \"365\", \"country\": [\"PE\"]}}")))
    @APIResponse(
            responseCode = "201",
            description = "The feed, with its address",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = CalendarFeedView.class)))
    @APIResponse(responseCode = "409", description = "You have as many feeds as one caller may")
    public RestResponse<CalendarFeedView> create(@Valid @NotNull CalendarFeedInput input) {
        CalendarFeedView feed = feeds.create(input);
        return RestResponse.ResponseBuilder.<CalendarFeedView>create(RestResponse.Status.CREATED)
                .entity(feed)
                .header("Location", PublicUrls.of(CalendarFeedService.PATH + "/" + feed.id()))
                .build();
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listCalendarFeeds",
            summary = "List your calendar feeds",
            description = "The feeds you made, newest first, without their addresses (those were told once).")
    @APIResponse(responseCode = "200", description = "One page of your feeds")
    public RestResponse<PageView<CalendarFeedView>> list(
            @BeanParam @Valid PageParams page, @Parameter(hidden = true) @Context UriInfo uri) {
        page.refuseSort("feeds are listed newest first");
        return Responses.page(uri, feeds.list(page));
    }

    @GET
    @Path(RecordIds.PATH)
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getCalendarFeed",
            summary = "Get one of your calendar feeds",
            description = "Its name, filters, clearance and when a calendar client last read it; not its address,"
                    + " which was told once.")
    @APIResponse(responseCode = "200", description = "The feed, without its address")
    public CalendarFeedView get(
            @Parameter(
                            description = "The feed's id, from the answer that made it",
                            example = CalendarExamples.CALENDAR_FEED_ID)
                    @PathParam("id")
                    UUID id) {
        return feeds.get(id);
    }

    @DELETE
    @Path(RecordIds.PATH)
    @Produces(MediaType.WILDCARD) // nothing is answered on success: Accept does not matter (RFC 9110)
    @RolesAllowed(Roles.READER)
    @Operation(
            operationId = "revokeCalendarFeed",
            summary = "Revoke one of your calendar feeds",
            description = "Its address answers 404 from now on. An admin may revoke any feed (one whose address"
                    + " leaked), and revoking one that is not there, or no longer, answers an admin 204 too: its"
                    + " address answers 404 either way.")
    @APIResponse(responseCode = "204", description = "Revoked")
    public void revoke(
            @Parameter(description = "The feed's id", example = CalendarExamples.REVOKED_FEED_ID) @PathParam("id")
                    UUID id) {
        feeds.revoke(id);
    }

    @GET
    @Path(RecordIds.PATH + "/{secret}")
    @PermitAll
    @SecurityRequirements
    @Produces(MilestoneCalendar.MEDIA_TYPE)
    @Operation(
            operationId = "readCalendarFeed",
            summary = "Read a calendar feed (its address)",
            description = "What a calendar client subscribes to: the address a feed's creation answered, with no"
                    + " token (the secret in it is the credential). An iCalendar (RFC 5545) feed as GET"
                    + " /api/v1/calendar answers, read as the feed's creator with at most the feed's clearance and"
                    + " the creator's now. 404 for a revoked feed, a wrong secret, and a creator who may no longer"
                    + " read, alike.")
    @APIResponse(
            responseCode = "200",
            description = "The calendar",
            content =
                    @Content(
                            mediaType = MilestoneCalendar.MEDIA_TYPE,
                            schema =
                                    @Schema(
                                            type =
                                                    org.eclipse.microprofile.openapi.annotations.enums.SchemaType
                                                            .STRING),
                            examples = @ExampleObject(name = "calendar", value = UpcomingResource.CALENDAR_EXAMPLE)))
    public RestResponse<String> calendar(
            @Parameter(description = "The feed's id", example = CalendarExamples.CALENDAR_FEED_ID) @PathParam("id")
                    UUID id,
            @Parameter(
                            description = "The feed's secret, from its address",
                            example = CalendarExamples.CALENDAR_FEED_SECRET)
                    @PathParam("secret")
                    String secret) {
        return MilestoneCalendar.answer(feeds.calendar(id, secret, UpcomingResource.CALENDAR_LIMIT));
    }
}
