package io.accords.http;

import java.lang.reflect.InvocationTargetException;
import java.util.List;

/**
 * Query parameters an operation takes from a table instead of from {@code @QueryParam}s of its own, such as the search
 * filters. The operation names the table's class in an OpenAPI extension,
 * {@code @Extension(name = QueryParameterTable.EXTENSION, value = "<class name>")}: the OpenAPI document lists the
 * table's parameters in its place, and {@code KnownQueryParameters} accepts them. The class needs a public no-argument
 * constructor.
 */
public interface QueryParameterTable {

    String EXTENSION = "x-query-parameters";

    /** The parameters, in the order they are read (and their mistakes reported). */
    List<Documented> parameters();

    /**
     * One query parameter as the OpenAPI document shows it.
     *
     * @param values the enumeration its values come from, or null for free text
     * @param repeatable whether it may be given several times
     * @param example a value (a list of them when repeatable), or null
     */
    /** The furthest a "within this many days" parameter looks ahead: ten years. */
    int MAX_DAYS_AHEAD = 3660;

    record Documented(
            String name, String description, Class<? extends Enum<?>> values, boolean repeatable, Object example) {}

    /** The table a class name in the extension names. */
    static QueryParameterTable named(String className) {
        try {
            return (QueryParameterTable) Class.forName(className, true, QueryParameterTable.class.getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ClassNotFoundException
                | NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new IllegalStateException("No query parameter table " + className, e);
        }
    }
}
