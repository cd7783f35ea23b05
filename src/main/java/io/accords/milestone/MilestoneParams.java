package io.accords.milestone;

import io.accords.agreement.Sector;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.accords.search.FilterReader;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The filters of the upcoming-milestones feed and the calendar, as the query gives them. */
@RegisterForReflection(fields = true)
public class MilestoneParams {

    /** Ten years. */
    static final int MAX_DAYS = 3660;

    private static final String DATE = "YYYY, YYYY-MM or YYYY-MM-DD";

    @QueryParam("dueFrom")
    @Parameter(description = "Due on or after this date (" + DATE + ")", example = "2024")
    public String dueFrom;

    @QueryParam("dueTo")
    @Parameter(description = "Due on or before this date (" + DATE + ")")
    public String dueTo;

    @QueryParam("withinDays")
    @Parameter(
            description = "Due between today (UTC) and this many days ahead, 0 to " + MAX_DAYS
                    + "; instead of dueFrom and dueTo",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0", maximum = "3660"))
    public String withinDays;

    @QueryParam("country")
    @Parameter(
            description = "ISO 3166-1 alpha-2 code of a party's country, in upper case. Repeated, all must take part:"
                    + " country=KR&country=PE finds milestones of agreements between Korea and Peru")
    public List<String> country;

    @QueryParam("sector")
    @Parameter(
            description = "The agreement's sector (repeat for any of several)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = Sector.class))
    public List<String> sector;

    @QueryParam("status")
    @Parameter(
            description = "Milestone status (repeat for any of several)",
            schema = @Schema(type = SchemaType.ARRAY, implementation = MilestoneStatus.class))
    public List<String> status;

    @QueryParam("kind")
    @Parameter(
            description = "Milestone kind (repeat for any of several); EXPIRY also selects agreements' expiries in"
                    + " the calendar",
            schema = @Schema(type = SchemaType.ARRAY, implementation = MilestoneKind.class))
    public List<String> kind;

    /**
     * The filter these parameters ask for, read by the same {@link FilterReader} as the agreements' filters (the same
     * spelling, caps and words); 400 naming every bad one.
     */
    MilestoneFilter filter() {
        Map<String, List<String>> query = new HashMap<>();
        put(query, "dueFrom", dueFrom == null ? null : List.of(dueFrom));
        put(query, "dueTo", dueTo == null ? null : List.of(dueTo));
        put(query, "country", country);
        put(query, "sector", sector);
        put(query, "status", status);
        put(query, "kind", kind);
        FilterReader read = new FilterReader(query);
        FilterReader.DateRange due = read.range("due");
        LocalDate from = due == null ? null : due.from();
        LocalDate to = due == null ? null : due.to();
        List<FieldViolation> errors = new ArrayList<>();
        if (withinDays != null) {
            if (from != null || to != null) {
                errors.add(new FieldViolation("withinDays", "give either withinDays or dueFrom/dueTo, not both"));
            } else if (withinDays.matches("\\d{1,4}") && Integer.parseInt(withinDays) <= MAX_DAYS) {
                from = LocalDate.now(ZoneOffset.UTC);
                to = from.plusDays(Integer.parseInt(withinDays));
            } else {
                errors.add(new FieldViolation(
                        "withinDays", "must be a number of days from 0 to " + MAX_DAYS + ", not '" + withinDays + "'"));
            }
        }
        Set<String> countries = orNone(read.countries("country"));
        Set<Sector> sectors = orNone(read.enums("sector", Sector.class));
        Set<MilestoneStatus> statuses = orNone(read.enums("status", MilestoneStatus.class));
        Set<MilestoneKind> kinds = orNone(read.enums("kind", MilestoneKind.class));
        errors.addAll(0, read.errors());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new MilestoneFilter(from, to, countries, sectors, statuses, kinds, null);
    }

    private static void put(Map<String, List<String>> query, String name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            query.put(name, values);
        }
    }

    private static <T> Set<T> orNone(Set<T> values) {
        return values == null ? Set.of() : values;
    }

    /** The filter with a window when none was asked for: from 90 days ago to two years ahead, for the calendar. */
    MilestoneFilter calendarFilter() {
        MilestoneFilter asked = filter();
        if (asked.dueFrom() != null || asked.dueTo() != null) {
            return asked;
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new MilestoneFilter(
                today.minusDays(90),
                today.plusYears(2),
                asked.countries(),
                asked.sectors(),
                asked.statuses(),
                asked.kinds(),
                null);
    }
}
