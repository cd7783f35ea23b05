package io.accords.search;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code after} query parameter of an agreement list: continue after the page a cursor was given with. */
@RegisterForReflection(fields = true)
public class AfterParam {

    @QueryParam("after")
    @Parameter(
            description = "Continue from the page before: the nextCursor of its answer (also in its Link: next)."
                    + " Costs what the first page costs however deep it is, unlike page. Send the same filters and"
                    + " sort as for the page before, and no page")
    public String after;

    public Optional<ListCursor> cursor() {
        return after == null ? Optional.empty() : Optional.of(ListCursor.parse(after));
    }
}
