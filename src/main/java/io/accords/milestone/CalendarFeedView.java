package io.accords.milestone;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accords.security.Classification;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A calendar feed as its owner reads it; its URL, which holds its secret, only in the answer that made it. */
@Schema(name = "CalendarFeed", description = "A calendar feed you made")
public record CalendarFeedView(
        UUID id,
        @Schema(examples = "Korea–Peru deliveries") String name,

        @Schema(description = "The highest classification it reads (lowered to your clearance now on every read)")
        Classification clearance,

        CalendarFeedInput.Filters filters,
        Instant createdAt,

        @Schema(description = "When a calendar client last read it; absent until one has")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant lastReadAt,

        @Schema(
                description = "The address to subscribe to, relative to this service's public address: it holds the"
                        + " feed's secret, so it is answered only once, when the feed is made. Keep it as you would a"
                        + " password; revoke the feed (DELETE) if it leaks",
                examples = "/api/v1/calendar/feeds/6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/acs_…")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String url) {

    static CalendarFeedView of(CalendarFeed feed, CalendarFeedInput.Filters filters, String url) {
        return new CalendarFeedView(feed.id, feed.name, feed.clearance, filters, feed.createdAt, feed.lastReadAt, url);
    }
}
