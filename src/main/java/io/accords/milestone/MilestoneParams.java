package io.accords.milestone;

import io.accords.agreement.Sector;
import io.accords.common.IsoCodes;
import io.accords.common.PartialDate;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
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
    @Parameter(description = "ISO 3166-1 alpha-2 code of a party's country (repeat for any of several)")
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

    /** The filter these parameters ask for; 400 naming every bad one. */
    MilestoneFilter filter() {
        List<FieldViolation> errors = new ArrayList<>();
        LocalDate from = date("dueFrom", dueFrom, PartialDate::first, errors);
        LocalDate to = date("dueTo", dueTo, PartialDate::last, errors);
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
        if (from != null && to != null && from.isAfter(to)) {
            errors.add(new FieldViolation("dueFrom", "is after dueTo"));
        }
        Set<String> countries = new LinkedHashSet<>();
        for (String code : country == null ? List.<String>of() : country) {
            String upper = code.trim().toUpperCase(Locale.ROOT);
            if (IsoCodes.isCountry(upper)) {
                countries.add(upper);
            } else {
                errors.add(new FieldViolation(
                        "country", "must be an ISO 3166-1 alpha-2 code such as PE, not '" + code + "'"));
            }
        }
        Set<Sector> sectors = enums("sector", sector, Sector.class, errors);
        Set<MilestoneStatus> statuses = enums("status", status, MilestoneStatus.class, errors);
        Set<MilestoneKind> kinds = enums("kind", kind, MilestoneKind.class, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new MilestoneFilter(from, to, countries, sectors, statuses, kinds, null);
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

    private static LocalDate date(
            String name, String value, Function<PartialDate, LocalDate> end, List<FieldViolation> errors) {
        if (value == null) {
            return null;
        }
        try {
            return end.apply(PartialDate.parse(value.trim()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(name, e.getMessage()));
            return null;
        }
    }

    private static <E extends Enum<E>> Set<E> enums(
            String name, List<String> values, Class<E> type, List<FieldViolation> errors) {
        Set<E> found = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                found.add(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation(
                        name,
                        "must be one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(type.getEnumConstants())
                                                .map(Enum::name)
                                                .toList()) + ", not '" + value + "'"));
            }
        }
        return found;
    }
}
