package io.accords.milestone;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.Responses;
import io.accords.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for what is coming up across the registry: the milestone feed and the same as a calendar. */
@Path("/api/v1")
@Tag(name = "Milestones")
public class UpcomingResource {

    /** The most events one calendar holds. */
    static final int CALENDAR_LIMIT = 2000;

    private final MilestoneService milestones;

    UpcomingResource(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/milestones")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listMilestones",
            summary = "List milestones across the registry",
            description = "Every milestone of the agreements you may see, by due date: withinDays=90 answers what is"
                    + " due in the next three months; filter by the agreements' countries and sectors, and by the"
                    + " milestones' status and kind. Agreements expiring soon: GET /api/v1/agreements"
                    + "?expiresWithinDays=90&sort=expires.")
    @APIResponse(responseCode = "200", description = "One page of milestones")
    public RestResponse<PageView<MilestoneView>> list(
            @BeanParam MilestoneParams filter,
            @BeanParam @Valid PageParams page,
            @Parameter(hidden = true) @Context UriInfo uri) {
        return Responses.page(uri, milestones.list(filter.filter(), page));
    }

    @RolesAllowed(Roles.READER)
    @GET
    @Path("/calendar")
    @Produces(MilestoneCalendar.MEDIA_TYPE)
    @Operation(
            operationId = "getCalendar",
            summary = "Subscribe to milestones and expiries as a calendar",
            description = "The milestones of the agreements you may see, and the agreements' expiries, as an"
                    + " iCalendar (RFC 5545) feed for a calendar client: one all-day event each, with a UID that"
                    + " stays the same and a SEQUENCE that follows the record's version, so refreshing updates events"
                    + " instead of duplicating them. Takes the milestone feed's filters; without dates it covers 90"
                    + " days back to two years ahead, at most " + CALENDAR_LIMIT + " events of each. For a calendar"
                    + " client, which cannot send a token, make a calendar feed (POST /api/v1/calendar/feeds) and"
                    + " subscribe to its address; a token is never taken in a URL.")
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
                            examples = @ExampleObject(name = "calendar", value = CALENDAR_EXAMPLE)))
    public RestResponse<String> calendar(@BeanParam MilestoneParams filter) {
        String calendar = MilestoneCalendar.of(milestones.calendar(filter.calendarFilter(), CALENDAR_LIMIT));
        return MilestoneCalendar.answer(calendar);
    }

    static final String CALENDAR_EXAMPLE = """
            BEGIN:VCALENDAR
            PRODID:-//Accords//Agreement milestones//EN
            VERSION:2.0
            CALSCALE:GREGORIAN
            X-WR-CALNAME:Accords milestones
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260601
            DTEND;VALUE=DATE:20260602
            SUMMARY:DELIVERY: First KF-21 wing components delivered to SEMAN (due 2026-06)
            UID:milestone-cf43ba93-33fc-5fc2-a1d8-b2e9e80b99f7@accords
            DTSTAMP:20261127T120000Z
            SEQUENCE:0
            CATEGORIES:DELIVERY
            END:VEVENT
            END:VCALENDAR
            """;
}
