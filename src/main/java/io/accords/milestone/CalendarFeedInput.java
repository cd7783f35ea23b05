package io.accords.milestone;

import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A calendar feed as its owner asks for it. */
@Schema(name = "CalendarFeedInput", description = "A calendar feed to make: its name, filters and clearance")
public record CalendarFeedInput(
        @Schema(description = "What the feed is for, as the calendar shows it", examples = "Korea–Peru deliveries")
        @NotBlank
        @Size(max = 200)
        String name,

        @Schema(description = "The milestone filters it serves, as GET /api/v1/milestones takes them") @Valid
        Filters filters,

        @Schema(
                description = "The highest classification it reads: at most your clearance now, which it is when"
                        + " left out; on every read it is lowered to what your tokens last showed",
                examples = "PUBLIC")
        Classification clearance) {

    /** The milestone feed's filters, by the names of its query parameters. */
    @Schema(name = "CalendarFeedFilters")
    public record Filters(
            @Schema(description = "Due on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)") @Size(max = 10) @Nullable
            String dueFrom,

            @Schema(description = "Due on or before this date") @Size(max = 10) @Nullable
            String dueTo,

            @Schema(description = "Due between today (UTC) and this many days ahead, 0 to 3660", examples = "90")
            @Size(max = 4)
            @Nullable
            String withinDays,

            @Schema(description = "ISO 3166-1 alpha-2 codes of a party's country", examples = "[\"PE\"]")
            @Size(max = 20)
            @Nullable
            List<@Size(max = 2) String> country,

            @Schema(description = "The agreements' sectors") @Size(max = 20) @Nullable
            List<@Size(max = 40) String> sector,

            @Schema(description = "Milestone statuses") @Size(max = 20) @Nullable
            List<@Size(max = 40) String> status,

            @Schema(description = "Milestone kinds; EXPIRY also selects agreements' expiries") @Size(max = 20) @Nullable
            List<@Size(max = 40) String> kind) {

        static final Filters NONE = new Filters(null, null, null, List.of(), List.of(), List.of(), List.of());

        /** The same filters as the query parameters of the calendar would give them. */
        MilestoneParams params() {
            MilestoneParams params = new MilestoneParams();
            params.dueFrom = dueFrom;
            params.dueTo = dueTo;
            params.withinDays = withinDays;
            params.country = country == null ? List.of() : country;
            params.sector = sector == null ? List.of() : sector;
            params.status = status == null ? List.of() : status;
            params.kind = kind == null ? List.of() : kind;
            return params;
        }
    }
}
