package io.accords.search;

import io.accords.agreement.AgreementStatus;
import io.accords.agreement.AgreementType;
import io.accords.agreement.CooperationMode;
import io.accords.agreement.Sector;
import io.accords.common.IsoCodes;
import io.accords.common.PartialDate;
import io.accords.common.SearchText;
import io.accords.problem.FieldViolation;
import io.accords.problem.ProblemException;
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
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked agreement filter: what {@link AgreementSearchParams} asked for, typed. Empty collections and null values
 * do not filter.
 *
 * @param terms        folded words and phrases that must each begin a word of the agreement's text
 * @param partyIds     parties named by id; with {@code partyAcronyms}, any of them must take part
 * @param countries    countries that must all take part
 * @param activeOn     the day the agreement must be in force on
 * @param updatedSince the earliest last change
 */
public record AgreementFilter(
        List<String> terms,
        Set<UUID> partyIds,
        Set<String> partyAcronyms,
        Set<String> countries,
        Set<Sector> sectors,
        Set<CooperationMode> modes,
        Set<AgreementType> types,
        Set<AgreementStatus> statuses,
        Set<String> systems,
        DateRange signed,
        DateRange effective,
        DateRange expires,
        LocalDate activeOn,
        Instant updatedSince,
        UUID parent) {

    public static final int MAX_VALUES = 20;
    public static final int MAX_TEXT = 200;
    public static final int MAX_TERMS = 10;
    private static final Pattern PHRASE_OR_WORD = Pattern.compile("\"([^\"]*)\"?|(\\S+)");

    /** No filter: every agreement. */
    public static final AgreementFilter NONE = parse(new AgreementSearchParams());

    /** The agreements naming one party. */
    public static AgreementFilter namingParty(UUID partyId) {
        AgreementSearchParams params = new AgreementSearchParams();
        params.party = List.of(partyId.toString());
        return parse(params);
    }

    /** A period with an inclusive first and last day, either open. */
    public record DateRange(LocalDate from, LocalDate to) {

        static final DateRange OPEN = new DateRange(null, null);

        public boolean isOpen() {
            return from == null && to == null;
        }
    }

    /** Reads the parameters, answering 400 with every bad one named when any is wrong. */
    public static AgreementFilter parse(AgreementSearchParams params) {
        Reader reader = new Reader();
        AgreementFilter filter = new AgreementFilter(
                reader.terms(params.q),
                reader.partyIds(params.party),
                reader.partyAcronyms(params.party),
                reader.countries(params.country),
                reader.enums("sector", params.sector, Sector.class),
                reader.enums("mode", params.mode, CooperationMode.class),
                reader.enums("type", params.type, AgreementType.class),
                reader.enums("status", params.status, AgreementStatus.class),
                reader.systems(params.system),
                reader.range("signed", params.signedFrom, params.signedTo),
                reader.range("effective", params.effectiveFrom, params.effectiveTo),
                reader.range("expires", params.expiresFrom, params.expiresTo),
                reader.day("activeOn", params.activeOn),
                reader.instant("updatedSince", params.updatedSince),
                reader.uuid("parent", params.parent));
        if (!reader.errors.isEmpty()) {
            throw ProblemException.invalid(reader.errors);
        }
        return filter;
    }

    /** Reads parameters one by one, collecting what is wrong with each. */
    private static final class Reader {

        final List<FieldViolation> errors = new ArrayList<>();

        List<String> terms(String q) {
            if (q == null || q.isBlank()) {
                return List.of();
            }
            if (q.length() > MAX_TEXT) {
                errors.add(new FieldViolation("q", "must be at most " + MAX_TEXT + " characters"));
                return List.of();
            }
            Set<String> terms = new LinkedHashSet<>();
            Matcher matcher = PHRASE_OR_WORD.matcher(q);
            while (matcher.find()) {
                String folded = SearchText.fold(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
                if (matcher.group(1) != null) {
                    if (!folded.isEmpty()) {
                        terms.add(folded);
                    }
                } else {
                    terms.addAll(Arrays.stream(folded.split(" "))
                            .filter(word -> !word.isEmpty())
                            .toList());
                }
            }
            if (terms.isEmpty()) {
                errors.add(new FieldViolation("q", "has no letters or digits to search for"));
            } else if (terms.size() > MAX_TERMS) {
                errors.add(
                        new FieldViolation("q", "has " + terms.size() + " words or phrases; use at most " + MAX_TERMS));
            }
            return List.copyOf(terms);
        }

        Set<UUID> partyIds(List<String> values) {
            Set<UUID> ids = new LinkedHashSet<>();
            for (String value : limited("party", values)) {
                UUID id = uuidOrNull(value);
                if (id != null) {
                    ids.add(id);
                } else if (value.isBlank() || value.length() > 32) {
                    errors.add(new FieldViolation("party", "'" + value + "' is neither a party id nor an acronym"));
                }
            }
            return ids;
        }

        Set<String> partyAcronyms(List<String> values) {
            Set<String> acronyms = new LinkedHashSet<>();
            for (String value : values == null ? List.<String>of() : values) {
                if (uuidOrNull(value) == null && !value.isBlank() && value.length() <= 32) {
                    acronyms.add(value.trim().toUpperCase(Locale.ROOT));
                }
            }
            return acronyms;
        }

        Set<String> countries(List<String> values) {
            Set<String> countries = new LinkedHashSet<>();
            for (String value : limited("country", values)) {
                if (IsoCodes.isCountry(value)) {
                    countries.add(value);
                } else {
                    errors.add(new FieldViolation(
                            "country",
                            "'" + value
                                    + "' is not an ISO 3166-1 alpha-2 country code in upper case, such as KR or PE"));
                }
            }
            return countries;
        }

        <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
            Set<E> result = EnumSet.noneOf(type);
            for (String value : limited(name, values)) {
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
            return result;
        }

        Set<String> systems(List<String> values) {
            Set<String> systems = new LinkedHashSet<>();
            for (String value : limited("system", values)) {
                if (value.isBlank() || value.length() > 100) {
                    errors.add(new FieldViolation("system", "must be 1 to 100 characters"));
                } else {
                    systems.add(value.trim().toUpperCase(Locale.ROOT));
                }
            }
            return systems;
        }

        DateRange range(String name, String from, String to) {
            PartialDate first = partialDate(name + "From", from);
            PartialDate last = partialDate(name + "To", to);
            if (first != null && last != null && first.first().isAfter(last.last())) {
                errors.add(new FieldViolation(name + "From", "is after " + name + "To"));
            }
            if (first == null && last == null) {
                return DateRange.OPEN;
            }
            return new DateRange(first == null ? null : first.first(), last == null ? null : last.last());
        }

        LocalDate day(String name, String value) {
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

        Instant instant(String name, String value) {
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
                        "must be an ISO 8601 instant such as 2025-01-31T12:00:00Z, or a" + " day as YYYY-MM-DD, not '"
                                + value + "'"));
                return null;
            }
        }

        UUID uuid(String name, String value) {
            if (value == null) {
                return null;
            }
            UUID id = uuidOrNull(value);
            if (id == null) {
                errors.add(new FieldViolation(name, "must be an agreement id (a UUID), not '" + value + "'"));
            }
            return id;
        }

        private PartialDate partialDate(String name, String value) {
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

        private List<String> limited(String name, List<String> values) {
            if (values == null) {
                return List.of();
            }
            if (values.size() > MAX_VALUES) {
                errors.add(new FieldViolation(
                        name,
                        "is repeated " + values.size() + " times; at most " + MAX_VALUES + " values are allowed"));
                return List.of();
            }
            return values;
        }

        private static UUID uuidOrNull(String value) {
            try {
                return value.length() == 36 ? UUID.fromString(value) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
