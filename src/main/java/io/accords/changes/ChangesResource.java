package io.accords.changes;

import io.accords.http.PublicUrls;
import io.accords.security.Caller;
import io.accords.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * HTTP for the change feed: a page of changes after a cursor, and the same changes as a stream of Server-Sent Events.
 */
@Path(ChangeFeed.PATH)
@Tag(
        name = "Changes",
        description = "Every change of every record, in order, as CloudEvents: for services that keep a copy of the"
                + " registry or act on its changes")
public class ChangesResource {

    public static final String BATCH = "application/cloudevents-batch+json";
    /** How many changes a stream reads at a time, and how often it looks for more. */
    private static final int STREAM_BATCH = 100;

    private static final Duration POLL = Duration.ofMillis(200);
    /** How long a stream stays quiet before it sends a comment (the server closes a connection idle for 90 s). */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final ChangeFeed feed;

    ChangesResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Produces({BATCH, MediaType.APPLICATION_JSON})
    @Operation(
            operationId = "listChanges",
            summary = "Read the changes after a cursor",
            description = "Every create, change and delete of every kind of record, in the order they were made, as"
                    + " CloudEvents (a JSON array, application/cloudevents-batch+json): each once, none skipped, even"
                    + " while replicas write at once. Read on with after set to the last event's id (the Link header's"
                    + " next); an empty page means there is nothing newer yet. Only changes you may see are there: a"
                    + " record raised above your clearance is deleted to you, one lowered into your view is created.")
    @APIResponse(
            responseCode = "200",
            description = "The changes, oldest first; the Link header's next goes on after the last",
            content = {
                @Content(
                        mediaType = BATCH,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = CloudEvent.class, maxItems = 1000),
                        examples = @ExampleObject(name = "a change and a deletion", value = ChangeExamples.BATCH)),
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(type = SchemaType.ARRAY, implementation = CloudEvent.class, maxItems = 1000),
                        examples = @ExampleObject(name = "a change and a deletion", value = ChangeExamples.BATCH))
            })
    public RestResponse<List<CloudEvent>> list(
            @BeanParam @Valid ChangeParams params,
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Pattern(regexp = "\\d{1,4}", message = "must be a whole number from 1 to 1000")
                    @Min(value = 1, message = "must be a whole number from 1 to 1000")
                    @Max(value = 1000, message = "must be a whole number from 1 to 1000")
                    @Parameter(
                            description = "How many changes at most, 1 to 1000",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "1000",
                                            defaultValue = "100"),
                            // Prefilled in Swagger UI: a page a person reads, and a browser lays out at once.
                            example = "20")
                    String limit,
            @Parameter(hidden = true) @Context UriInfo uri) {
        ChangeFeed.Page page =
                feed.after(feed.start(params.after, params.kind), Integer.parseInt(limit), params.kind, params.data());
        Link next = Link.fromUriBuilder(PublicUrls.request(uri).replaceQueryParam("after", page.next()))
                .rel("next")
                .build();
        return RestResponse.ResponseBuilder.ok(
                        page.changes().stream().map(ChangeFeed.Placed::event).toList())
                .header("Link", next.toString())
                .build();
    }

    @GET
    @Path("stream")
    @Blocking // reads the cursor's start from the database before the stream begins
    @RolesAllowed(Roles.READER)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            operationId = "streamChanges",
            summary = "Follow the changes as Server-Sent Events",
            description = "The feed's changes as they are made, each an SSE event whose id is the change's id and whose"
                    + " data is the CloudEvent. An EventSource that reconnects sends Last-Event-ID and goes on where"
                    + " it stopped; so does a stream opened with after. The stream ends after maxSeconds (and is"
                    + " opened again by an EventSource), so that a follower's clearance is checked again.")
    @APIResponse(
            responseCode = "200",
            description = "A stream of events: id, the change's id; data, the CloudEvent as JSON",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema = @Schema(type = SchemaType.STRING, maxLength = 100_000_000),
                            examples = @ExampleObject(name = "one change", value = ChangeExamples.STREAM)))
    public Multi<OutboundSseEvent> stream(
            @BeanParam @Valid ChangeParams params,
            @HeaderParam("Last-Event-ID")
                    @Parameter(
                            description = "Sent by an EventSource that reconnects: the id of the last event it had;"
                                    + " it overrides after")
                    String lastEventId,
            @QueryParam("maxSeconds")
                    @DefaultValue("3600")
                    @Pattern(regexp = "\\d{1,4}", message = "must be a whole number of seconds from 1 to 3600")
                    @Min(value = 1, message = "must be a whole number of seconds from 1 to 3600")
                    @Max(value = 3600, message = "must be a whole number of seconds from 1 to 3600")
                    @Parameter(
                            description = "How long the stream lasts, 1 to 3600 seconds",
                            schema =
                                    @Schema(
                                            type = SchemaType.INTEGER,
                                            minimum = "1",
                                            maximum = "3600",
                                            defaultValue = "3600"),
                            // Prefilled in Swagger UI: a second of the feed, not an hour of it (without after, that
                            // second replays the feed from its first change).
                            example = "1")
                    String maxSeconds,
            @Context Sse sse) {
        int seconds = Integer.parseInt(maxSeconds);
        boolean resumed = lastEventId != null && !lastEventId.isBlank();
        ChangeCursors.Cursor start =
                resumed ? feed.start(lastEventId, "Last-Event-ID", params.kind) : feed.start(params.after, params.kind);
        Caller caller = feed.caller();
        ChangeData data = params.data();
        List<String> kinds = params.kind;
        AtomicReference<ChangeCursors.Cursor> cursor = new AtomicReference<>(start);
        AtomicLong quietSince = new AtomicLong(System.nanoTime());
        return Multi.createFrom()
                .ticks()
                .startingAfter(Duration.ofMillis(1))
                .every(POLL)
                .onOverflow()
                .drop()
                .select()
                .first(Duration.ofSeconds(seconds))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem()
                .transformToIterable(tick -> {
                    ChangeFeed.Page page = feed.as(caller, () -> feed.after(cursor.get(), STREAM_BATCH, kinds, data));
                    cursor.set(page.resume());
                    if (page.changes().isEmpty()) {
                        // A comment now and then, so that no proxy (nor this server) closes a quiet stream as idle.
                        if (System.nanoTime() - quietSince.get() < KEEP_ALIVE.toNanos()) {
                            return List.of();
                        }
                        quietSince.set(System.nanoTime());
                        return List.of(
                                sse.newEventBuilder().comment("no change yet").build());
                    }
                    quietSince.set(System.nanoTime());
                    List<ChangeFeed.Placed> changes = page.changes();
                    return changes.stream()
                            .map(change -> sse.newEventBuilder()
                                    // The last event's SSE id goes on after the page; each the cursor after itself.
                                    .id(feed.resumeAfter(change, page))
                                    .mediaType(MediaType.APPLICATION_JSON_TYPE)
                                    .data(CloudEvent.class, change.event())
                                    .build())
                            .toList();
                });
    }
}
