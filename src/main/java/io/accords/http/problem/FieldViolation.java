package io.accords.http.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reason a request was refused, tied to the field or parameter that caused it. */
@RegisterForReflection
@Schema(description = "One offending field or parameter and what is wrong with it")
public record FieldViolation(
        @Schema(
                description = "Path of the field in the request body (`parties[0].role`) or the parameter name",
                examples = "effective",
                maxLength = Problem.MAX_TEXT)
        String field,

        @Schema(
                description = "What to fix",
                examples = "must not be before signed (2024-11-16)",
                maxLength = Problem.MAX_TEXT)
        String message) {

    public FieldViolation {
        field = Problem.cut(field);
        message = Problem.cut(message);
    }
}
