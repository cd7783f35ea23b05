package io.accords.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A date known to the year ({@code 2024}), the month ({@code 2024-11}) or the day ({@code 2024-11-16}).
 * <p>
 * Press sources often give only a year or a month, so the registry keeps exactly the precision it was given. A partial
 * date covers a period: {@link #first()} is its first day and {@link #last()} its last; both are stored so that range
 * queries and ordering work on plain date columns.
 */
@Embeddable
@Schema(
        type = SchemaType.STRING,
        pattern = "^\\d{4}(-\\d{2}(-\\d{2})?)?$",
        description = "A date known to the year, month or day: YYYY, YYYY-MM or YYYY-MM-DD",
        examples = "2024-11")
public class PartialDate {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    @Column(nullable = false)
    private LocalDate first;

    @Column(nullable = false)
    private LocalDate last;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 5)
    private DatePrecision precision;

    protected PartialDate() {
        // for JPA
    }

    private PartialDate(LocalDate first, LocalDate last, DatePrecision precision) {
        this.first = first;
        this.last = last;
        this.precision = precision;
    }

    public static PartialDate ofYear(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        return new PartialDate(first, first.withDayOfYear(first.lengthOfYear()), DatePrecision.YEAR);
    }

    public static PartialDate ofMonth(int year, int month) {
        YearMonth yearMonth = YearMonth.of(year, month);
        return new PartialDate(yearMonth.atDay(1), yearMonth.atEndOfMonth(), DatePrecision.MONTH);
    }

    public static PartialDate ofDay(LocalDate day) {
        return new PartialDate(day, day, DatePrecision.DAY);
    }

    /**
     * Reads {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}.
     *
     * @throws IllegalArgumentException when the text is not one of those forms or names an impossible date
     */
    @JsonCreator
    public static PartialDate parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a date as YYYY, YYYY-MM or YYYY-MM-DD, not '" + text + "'");
        }
        int year = Integer.parseInt(matcher.group(1));
        try {
            if (matcher.group(2) == null) {
                return ofYear(year);
            }
            int month = Integer.parseInt(matcher.group(2));
            if (matcher.group(3) == null) {
                return ofMonth(year, month);
            }
            return ofDay(LocalDate.of(year, month, Integer.parseInt(matcher.group(3))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date that exists", e);
        }
    }

    public LocalDate first() {
        return first;
    }

    public LocalDate last() {
        return last;
    }

    public DatePrecision precision() {
        return precision;
    }

    /** True when every day of this period lies before every day of {@code other}: it is certainly earlier. */
    public boolean isCertainlyBefore(PartialDate other) {
        return last.isBefore(other.first);
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (precision) {
            case YEAR -> String.format("%04d", first.getYear());
            case MONTH -> first.format(DateTimeFormatter.ofPattern("uuuu-MM"));
            case DAY -> first.toString();
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PartialDate other && first.equals(other.first) && precision == other.precision;
    }

    @Override
    public int hashCode() {
        return Objects.hash(first, precision);
    }
}
