package io.accords.problem;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The methods each API path accepts, for the {@code Allow} header that RFC 9110 requires on a 405. The REST layer
 * does not tell its exception mappers which methods a path has, so they are listed here; a test compares this list
 * with the operations in the OpenAPI document.
 */
final class AllowedMethods {

    private static final String ID = "[^/]+";
    private static final Map<Pattern, Set<String>> PATHS = new LinkedHashMap<>();

    static {
        PATHS.put(Pattern.compile("/api/v1/(agreements|parties)/?"), methods("GET", "POST"));
        PATHS.put(Pattern.compile("/api/v1/(agreements|parties)/" + ID + "/?"),
                methods("GET", "PUT", "PATCH", "DELETE"));
        PATHS.put(Pattern.compile("/api/v1/parties/" + ID + "/agreements/?"), methods("GET"));
    }

    private AllowedMethods() {
    }

    static Set<String> at(String path) {
        for (Map.Entry<Pattern, Set<String>> entry : PATHS.entrySet()) {
            if (path != null && entry.getKey().matcher(path).matches()) {
                return entry.getValue();
            }
        }
        return Set.of();
    }

    private static Set<String> methods(String... methods) {
        return new TreeSet<>(Set.of(methods));
    }
}
