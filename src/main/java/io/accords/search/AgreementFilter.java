package io.accords.search;

import io.accords.http.QueryParameterTable;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A checked agreement filter: the value each filter of {@link AgreementFilters} read from the query, for those given.
 * Filters not given do not apply.
 */
public final class AgreementFilter {

    /** No filter: every agreement. */
    public static final AgreementFilter NONE = parse(Map.of());

    private final Map<SearchFilter<?>, Object> values;
    private final Map<String, List<String>> query;

    private AgreementFilter(Map<SearchFilter<?>, Object> values, Map<String, List<String>> query) {
        this.values = values;
        this.query = query;
    }

    /** The agreements naming one party. */
    public static AgreementFilter namingParty(UUID partyId) {
        return parse(Map.of("party", List.of(partyId.toString())));
    }

    /** Reads the query's filter parameters, answering 400 with every bad one named when any is wrong. */
    public static AgreementFilter parse(Map<String, List<String>> query) {
        return read(query, "", List.of());
    }

    private static AgreementFilter read(Map<String, List<String>> query, String prefix, List<FieldViolation> errors) {
        FilterReader reader = new FilterReader(query);
        Map<SearchFilter<?>, Object> values = new LinkedHashMap<>();
        for (SearchFilter<?> filter : AgreementFilters.ALL) {
            Object value = filter.reading().apply(reader);
            if (value != null) {
                values.put(filter, value);
            }
        }
        List<FieldViolation> all = new java.util.ArrayList<>(errors);
        reader.errors.forEach(v -> all.add(new FieldViolation(prefix + v.field(), v.message())));
        if (!all.isEmpty()) {
            throw ProblemException.invalid(all);
        }
        return new AgreementFilter(Collections.unmodifiableMap(values), Map.copyOf(query));
    }

    /**
     * Reads filters given as a body's field (a webhook subscription's {@code agreements}): 400 naming
     * {@code field.parameter} for a bad value, and for a name that is no filter's.
     */
    public static AgreementFilter parse(String field, Map<String, List<String>> given) {
        List<String> names = AgreementFilters.ALL.stream()
                .flatMap(filter -> filter.parameters().stream())
                .map(QueryParameterTable.Documented::name)
                .toList();
        List<FieldViolation> unknown = given.keySet().stream()
                .filter(name -> !names.contains(name))
                .sorted()
                .map(name ->
                        new FieldViolation(field + "." + name, "is not a filter of agreements: use one of " + names))
                .toList();
        return read(given, field + ".", unknown);
    }

    /** Adds the condition of every filter given. */
    void applyTo(AgreementCriteria criteria) {
        values.forEach((filter, value) -> filter.apply(value, criteria));
    }

    /** The text query (q), when given. */
    public Optional<TextQuery> text() {
        return Optional.ofNullable((TextQuery) valueOf("q"));
    }

    /** The value read for the filter taking this parameter, or null when it was not given. */
    Object valueOf(String parameter) {
        return values.entrySet().stream()
                .filter(entry -> entry.getKey().parameters().stream()
                        .anyMatch(p -> p.name().equals(parameter)))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AgreementFilter filter && filter.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "AgreementFilter" + query;
    }
}
