package io.accords.http;

import io.accords.http.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code asOf}: read a record as it stood at a past instant, from its history. */
@RegisterForReflection(fields = true)
public class AsOfParam {

    @QueryParam("asOf")
    @Parameter(
            description = "Answer the record as it stood then, from its history, with the version it was: an ISO 8601"
                    + " instant (2024-12-01T00:00:00Z) or a day (its start in UTC). 404 when it did not exist then;"
                    + " no ETag, since it is not the current version")
    public String asOf;

    /** The instant asked for, if any; 400 naming asOf when it is not one. */
    public Optional<Instant> instant() {
        if (asOf == null) {
            return Optional.empty();
        }
        String value = asOf.trim();
        try {
            return Optional.of(
                    value.length() == 10
                            ? LocalDate.parse(value)
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant()
                            : Instant.parse(value));
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    "asOf",
                    "must be an instant such as 2024-12-01T00:00:00Z, or a day such as 2024-12-01; not '" + asOf + "'");
        }
    }
}
