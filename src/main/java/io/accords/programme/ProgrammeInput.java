package io.accords.programme;

import io.accords.common.CountryCode;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.problem.ReadBackAs;
import io.accords.record.ClassifiedInput;
import io.accords.security.Classification;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client sends to create or replace a programme. The service sets id, version and timestamps. */
@ReadBackAs(ProgrammeView.class)
@Schema(name = "ProgrammeInput", description = "A programme as a client writes it")
public record ProgrammeInput(
        @NotBlank @Size(max = 300) @Schema(examples = "KF-21 Boramae fighter")
        String name,

        @NotBlank
        @Size(max = 100)
        @Schema(
                description = "The weapon system it develops, produces or buys, as agreements name it in their"
                        + " systems: its agreements are those that do",
                examples = "KF-21")
        String system,

        @Size(max = 2000) @Schema(examples = "Korea's indigenous 4.5-generation fighter")
        String description,

        @Schema(description = "When it began: YYYY, YYYY-MM or YYYY-MM-DD", examples = "2015-12")
        PartialDate started,

        @NotEmpty
        @Size(max = 30)
        @Schema(
                description = "The countries that take part: ISO 3166-1 alpha-2 in upper case, each once",
                examples = "[\"KR\", \"PE\"]")
        List<@NotNull @CountryCode @Size(min = 2, max = 2) String> countries,

        @NotEmpty @Size(max = 20) @Schema(description = "Where the facts come from; at least one http(s) source")
        List<@NotNull @Valid SourceInput> sources,

        @Schema(
                description = "How sensitive it is: PUBLIC when left out on create, required on a change; at"
                        + " most your token's clearance; only an admin lowers it",
                examples = "PUBLIC")
        Classification classification)
        implements ClassifiedInput {

    /** How many countries a programme names at most. */
    public static final int MAX_COUNTRIES = 30;
}
