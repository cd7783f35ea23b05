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
                examples = "/problems/invalid-request",
                maxLength = 100)
        String type,

        @Schema(
                description = "Short summary of the kind of problem",
                examples = "Request is not valid",
                maxLength = 100)
        String title,

        @Schema(description = "HTTP status code", examples = "400", minimum = "400", maximum = "599")
        int status,

        @Schema(
                description = "What went wrong in this request and how to fix it",
                examples = "2 fields are not valid",
                maxLength = MAX_TEXT)
        String detail,

        @Schema(description = "Path of the request that failed", examples = "/api/v1/agreements", maxLength = MAX_PATH)
        String instance,

        @Schema(description = "Every offending field or parameter (validation problems only)", maxItems = MAX_ITEMS)
        List<FieldViolation> errors,

        @Schema(description = "Agreements that block the request (conflicts only)", maxItems = MAX_ITEMS)
        List<RecordReference> agreements) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The longest detail or message a problem carries; longer ones are cut, ending with an ellipsis. */
    public static final int MAX_TEXT = 2000;
    /** The longest path a request line can carry (the HTTP layer's limit). */
    public static final int MAX_PATH = 4096;
    /** The most offending fields or blocking agreements a problem lists. */
    public static final int MAX_ITEMS = 100;

    public Problem {
        detail = cut(detail);
        errors = errors == null || errors.size() <= MAX_ITEMS ? errors : List.copyOf(errors.subList(0, MAX_ITEMS));
        agreements = agreements == null || agreements.size() <= MAX_ITEMS
                ? agreements
                : List.copyOf(agreements.subList(0, MAX_ITEMS));
    }

    /** A text cut to {@link #MAX_TEXT} characters. */
    static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
