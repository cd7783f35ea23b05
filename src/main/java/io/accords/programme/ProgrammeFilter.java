package io.accords.programme;

import io.accords.http.problem.ProblemException;
import io.accords.search.FilterReader;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * Which programmes a list shows: every country named takes part, and the system is any of those named (compared
 * ignoring case). Read by the same {@link FilterReader} as the agreements' and milestones' filters.
 */
record ProgrammeFilter(Set<String> countries, Set<String> systems) {

    /** The list's query parameters. */
    @RegisterForReflection(fields = true)
    public static class Params {

        @QueryParam("country")
        @Parameter(
                description = "ISO 3166-1 alpha-2 code of a country that takes part, in upper case. Repeated, all"
                        + " must take part: country=KR&country=PE")
        public List<String> country;

        @QueryParam("system")
        @Parameter(description = "The weapon system, such as KF-21, ignoring case (repeat for any of several)")
        public List<String> system;

        /** The filter these parameters ask for; 400 naming every bad one. */
        ProgrammeFilter filter() {
            Map<String, List<String>> query = new HashMap<>();
            if (country != null) {
                query.put("country", country);
            }
            if (system != null) {
                query.put("system", system);
            }
            FilterReader read = new FilterReader(query);
            Set<String> countries = read.countries("country");
            Set<String> systems = read.upperCased("system", 100);
            if (!read.errors().isEmpty()) {
                throw ProblemException.invalid(read.errors());
            }
            return new ProgrammeFilter(countries == null ? Set.of() : countries, systems == null ? Set.of() : systems);
        }
    }
}
