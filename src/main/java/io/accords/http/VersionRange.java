package io.accords.http;

import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Two versions of a record to compare: {@code from} and {@code to}. */
@RegisterForReflection(fields = true)
public class VersionRange {

    private static final String WHOLE = "\\d{1,18}";

    @QueryParam("from")
    @Parameter(
            description = "The version to start from",
            required = true,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"),
            example = "0")
    public String from;

    @QueryParam("to")
    @Parameter(
            description = "The version to arrive at (a seed record has only version 0: the example compares it"
                    + " with itself)",
            required = true,
            schema = @Schema(type = SchemaType.INTEGER, minimum = "0"),
            example = "0")
    public String to;

    public long from() {
        return versions()[0];
    }

    public long to() {
        return versions()[1];
    }

    private long[] versions() {
        List<FieldViolation> errors = new ArrayList<>();
        for (String[] given : new String[][] {{"from", from}, {"to", to}}) {
            if (given[1] == null || !given[1].trim().matches(WHOLE)) {
                errors.add(new FieldViolation(given[0], "must be a version number such as 0 or 3"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new long[] {Long.parseLong(from.trim()), Long.parseLong(to.trim())};
    }
}
