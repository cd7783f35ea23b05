package io.accords.http;

import io.accords.http.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code sort} parameter ({@code -signed,title} or repeated {@code sort=} values) against a fixed list of keys,
 * and always ends the order with the id so that pages neither repeat nor skip records.
 */
public final class SortOrder {

    /** How many keys a sort may name, however they are sent. */
    public static final int MAX_KEYS = 5;

    private final Map<String, String> columns;
    private final String defaultSort;

    /**
     * @param columns     the sort keys clients may name, each with the query path it orders by
     * @param defaultSort the order used when the client names none, in the same syntax as the parameter
     */
    public SortOrder(Map<String, String> columns, String defaultSort) {
        this.columns = Map.copyOf(columns);
        this.defaultSort = defaultSort;
    }

    public Set<String> keys() {
        return columns.keySet();
    }

    public Sort parse(List<String> values) {
        List<String> keys = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String key : value.split(",")) {
                    if (!key.isBlank()) {
                        keys.add(key.trim());
                    }
                }
            }
        }
        if (keys.size() > MAX_KEYS) {
            throw ProblemException.invalid(
                    "sort",
                    "takes at most " + MAX_KEYS + " keys, comma-separated or repeated;" + " " + keys.size()
                            + " were given");
        }
        if (keys.isEmpty()) {
            keys.addAll(List.of(defaultSort.split(",")));
        }
        Sort sort = null;
        Set<String> seen = new LinkedHashSet<>();
        for (String key : keys) {
            boolean descending = key.startsWith("-");
            String name = descending || key.startsWith("+") ? key.substring(1) : key;
            String column = columns.get(name);
            if (column == null) {
                throw ProblemException.invalid(
                        "sort",
                        "unknown sort key '" + name + "'; use one of "
                                + String.join(
                                        ", ", columns.keySet().stream().sorted().toList())
                                + ", with a leading - for descending order");
            }
            if (!seen.add(name)) {
                throw ProblemException.invalid("sort", "names '" + name + "' more than once");
            }
            Sort.Direction direction = descending ? Sort.Direction.Descending : Sort.Direction.Ascending;
            sort = sort == null
                    ? Sort.by(column, direction, Sort.NullPrecedence.NULLS_LAST)
                    : sort.and(column, direction, Sort.NullPrecedence.NULLS_LAST);
        }
        return sort.and("id", Sort.Direction.Ascending);
    }
}
