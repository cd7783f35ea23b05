package io.accords.search;

import io.accords.agreement.Facts;
import io.accords.agreement.SearchKeys;
import io.accords.common.IsoCodes;
import io.accords.common.PartialDate;
import io.accords.http.KnownQueryParameters;
import io.accords.http.QueryParameterTable;
import io.accords.http.problem.FieldViolation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the query's parameters by name, one filter at a time, collecting what is wrong with each so that a 400 names
 * every bad parameter at once. Each method answers null when its parameter is absent (the filter then does not apply).
 * Every list with filters reads them here, agreements and milestones alike, so a parameter means the same and is refused
 * in the same words wherever it is taken.
 */
public final class FilterReader {

    static final int MAX_VALUES = KnownQueryParameters.MAX_VALUES;
    static final int MAX_TEXT = 200;
    static final int MAX_TERMS = 10;

    private final Map<String, List<String>> query;
    final List<FieldViolation> errors = new ArrayList<>();

    public FilterReader(Map<String, List<String>> query) {
        this.query = query;
    }

    /** The parameter's single value (the first, if repeated), or null. */
    private String one(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A web-search style text query ({@link TextQuery}). */
    TextQuery text(String name) {
        String q = one(name);
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > MAX_TEXT) {
            errors.add(new FieldViolation(name, "must be at most " + MAX_TEXT + " characters"));
            return null;
        }
        try {
            return TextQuery.parse(q, MAX_TERMS);
        } catch (TextQuery.Invalid e) {
            errors.add(new FieldViolation(name, e.getMessage()));
            return null;
        }
    }

    /** Parties named by id or by acronym, any of which must take part. */
    PartyNames parties(String name) {
        Set<UUID> ids = new LinkedHashSet<>();
        Set<String> acronyms = new LinkedHashSet<>();
        for (String value : limited(name)) {
            UUID id = uuidOrNull(value);
            if (id != null) {
                ids.add(id);
            } else if (value.isBlank() || value.length() > 32) {
                errors.add(new FieldViolation(name, "'" + value + "' is neither a party id nor an acronym"));
            } else {
                acronyms.add(value.trim().toUpperCase(Locale.ROOT));
            }
        }
        return ids.isEmpty() && acronyms.isEmpty() ? null : new PartyNames(ids, acronyms);
    }

    /** Parties named by id and by acronym. */
    record PartyNames(Set<UUID> ids, Set<String> acronyms) {}

    /** What is wrong with the parameters read so far, each named. */
    public List<FieldViolation> errors() {
        return errors;
    }

    /** ISO 3166-1 alpha-2 codes, in upper case as they are written. */
    public Set<String> countries(String name) {
        Set<String> countries = new LinkedHashSet<>();
        for (String value : limited(name)) {
            if (IsoCodes.isCountry(value)) {
                countries.add(value);
            } else {
                errors.add(new FieldViolation(
                        name,
                        "'" + value + "' is not an ISO 3166-1 alpha-2 country code in upper case, such as KR or PE"));
            }
        }
        return nullIfEmpty(countries);
    }

    public <E extends Enum<E>> Set<E> enums(String name, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : limited(name)) {
            try {
                result.add(Enum.valueOf(type, value));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldViolation(
                        name,
                        "'" + value + "' is not one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(type.getEnumConstants())
                                                .map(Enum::name)
                                                .toList())));
            }
        }
        return nullIfEmpty(result);
    }

    /** Free-text values compared ignoring case (upper-cased here). */
    public Set<String> upperCased(String name, int maxLength) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : limited(name)) {
            if (value.isBlank() || value.length() > maxLength) {
                errors.add(new FieldViolation(name, "must be 1 to " + maxLength + " characters"));
            } else {
                values.add(value.trim().toUpperCase(Locale.ROOT));
            }
        }
        return nullIfEmpty(values);
    }

    /** The period {@code <date>From} to {@code <date>To}, either open; null when both are. */
    public DateRange range(String date) {
        PartialDate first = partialDate(date + "From");
        PartialDate last = partialDate(date + "To");
        if (first != null && last != null && first.first().isAfter(last.last())) {
            errors.add(new FieldViolation(date + "From", "is after " + date + "To"));
        }
        if (first == null && last == null) {
            return null;
        }
        return new DateRange(first == null ? null : first.first(), last == null ? null : last.last());
    }

    /** A period with an inclusive first and last day, either open. */
    public record DateRange(LocalDate from, LocalDate to) {}

    LocalDate day(String name) {
        String value = one(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldViolation(name, "must be a day as YYYY-MM-DD that exists, not '" + value + "'"));
            return null;
        }
    }

    Instant instant(String name) {
        String value = one(name);
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeException e) {
            errors.add(new FieldViolation(
                    name,
                    "must be an ISO 8601 instant such as 2025-01-31T12:00:00Z, or a day as YYYY-MM-DD, not '" + value
                            + "'"));
            return null;
        }
    }

    UUID agreementId(String name) {
        String value = one(name);
        if (value == null) {
            return null;
        }
        UUID id = uuidOrNull(value);
        if (id == null) {
            errors.add(new FieldViolation(name, "must be an agreement id (a UUID), not '" + value + "'"));
        }
        return id;
    }

    /** Ids of records of one kind (repeat for any of several). */
    Set<UUID> ids(String name, String record) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : limited(name)) {
            UUID id = uuidOrNull(value);
            if (id == null) {
                errors.add(new FieldViolation(name, "must be " + record + " id (a UUID), not '" + value + "'"));
            } else {
                ids.add(id);
            }
        }
        return nullIfEmpty(ids);
    }

    /** Identifiers in other registers, written scheme:value (repeat for any of several). */
    Set<SchemeValue> identifiers(String name) {
        Set<SchemeValue> identifiers = new LinkedHashSet<>();
        for (String value : limited(name)) {
            int colon = value.indexOf(':');
            if (colon < 1 || colon == value.length() - 1 || value.length() > 233) {
                errors.add(new FieldViolation(
                        name, "must be scheme:value, such as sipri:KR-PE-2024-0042, not '" + value + "'"));
            } else {
                identifiers.add(new SchemeValue(value.substring(0, colon), value.substring(colon + 1)));
            }
        }
        return nullIfEmpty(identifiers);
    }

    record SchemeValue(String scheme, String value) {}

    /** Facts and how firmly they are sourced, written fact:basis, as the search keys that match them. */
    List<String> factBases(String name) {
        Set<String> keys = new LinkedHashSet<>();
        for (String value : limited(name)) {
            int colon = value.indexOf(':');
            String fact = colon < 0 ? value : value.substring(0, colon);
            String basis = colon < 0 ? "" : value.substring(colon + 1).toUpperCase(Locale.ROOT);
            if (!Facts.RECORD_FACTS.contains(fact) || !SearchKeys.BASES.contains(basis)) {
                errors.add(new FieldViolation(
                        name,
                        "must be fact:basis, the fact one of " + String.join(", ", Facts.RECORD_FACTS)
                                + " and the basis one of " + String.join(", ", SearchKeys.BASES)
                                + ", such as status:STATED, not '" + value + "'"));
            } else {
                keys.add(SearchKeys.basis(fact, basis));
            }
        }
        return keys.isEmpty() ? null : List.copyOf(keys);
    }

    /** From today (UTC) to that many days ahead, for a count of days from 0 to 3660. */
    DateRange daysAhead(String name) {
        String value = one(name);
        if (value == null) {
            return null;
        }
        try {
            int days = Integer.parseInt(value.trim());
            if (days >= 0 && days <= MAX_DAYS_AHEAD) {
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                return new DateRange(today, today.plusDays(days));
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add(new FieldViolation(
                name, "must be a number of days from 0 to " + MAX_DAYS_AHEAD + ", not '" + value + "'"));
        return null;
    }

    /** Ten years. */
    static final int MAX_DAYS_AHEAD = QueryParameterTable.MAX_DAYS_AHEAD;

    private PartialDate partialDate(String name) {
        String value = one(name);
        if (value == null) {
            return null;
        }
        try {
            return PartialDate.parse(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldViolation(name, e.getMessage()));
            return null;
        }
    }

    private List<String> limited(String name) {
        List<String> values = query.get(name);
        if (values == null) {
            return List.of();
        }
        if (values.size() > MAX_VALUES) {
            errors.add(new FieldViolation(
                    name, "is repeated " + values.size() + " times; at most " + MAX_VALUES + " values are allowed"));
            return List.of();
        }
        return values;
    }

    private static <T> Set<T> nullIfEmpty(Set<T> values) {
        return values.isEmpty() ? null : values;
    }

    private static UUID uuidOrNull(String value) {
        try {
            return value.length() == 36 ? UUID.fromString(value) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
