package io.accords.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every error response. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail, served as application/problem+json")
public record Problem(
        @Schema(
                description = "URI reference that identifies the kind of problem",
                examples = "/problems/invalid-request")
        String type,

        @Schema(description = "Short summary of the kind of problem", examples = "Request is not valid")
        String title,

        @Schema(description = "HTTP status code", examples = "400")
        int status,

        @Schema(description = "What went wrong in this request and how to fix it", examples = "2 fields are not valid")
        String detail,

        @Schema(description = "Path of the request that failed", examples = "/api/v1/agreements")
        String instance,

        @Schema(description = "Every offending field or parameter (validation problems only)")
        List<FieldViolation> errors,

        @Schema(description = "Agreements that block the request (conflicts only)")
        List<RecordReference> agreements) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
