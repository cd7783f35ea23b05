package io.accords.common;

import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A published source of a record's facts, as clients write and read it. */
@Schema(name = "Source")
public record SourceInput(
        @Size(max = 200) @Schema(examples = "AJP") @Nullable String publisher,

        @Size(max = 500)
        @Schema(examples = "South Korea, Peru to expand cooperation in defense, critical minerals")
        @Nullable
        String title,

        @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = URL, message = "must be an http or https URL")
        @Schema(examples = "https://www.ajupress.com/")
        String url,

        @Schema(description = "Publication date", examples = "2024-11-17") @Nullable
        LocalDate published) {
    /**
     * An http or https URL, in either case. Written without inline flags such as {@code (?i)}, so that it means the
     * same in Java and in ECMA-262, where OpenAPI tools read it.
     */
    public static final String URL = "[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+[^\\s]*";
}
