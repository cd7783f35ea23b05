package io.accords.occasion;

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

/** What a client sends to create or replace an occasion. The service sets id, version and timestamps. */
@ReadBackAs(OccasionView.class)
@Schema(name = "OccasionInput", description = "An occasion as a client writes it")
public record OccasionInput(
        @NotBlank @Size(max = 300) @Schema(examples = "APEC Economic Leaders' Meeting 2024, Lima")
        String name,

        @NotNull @Schema(examples = "SUMMIT") OccasionKind kind,

        @NotNull
        @CountryCode
        @Schema(
                description = "Where it took place: ISO 3166-1 alpha-2",
                examples = "PE",
                pattern = CountryCode.PATTERN,
                minLength = 2,
                maxLength = 2)
        String country,

        @Size(max = 100) @Schema(examples = "Lima") String city,

        @Schema(description = "First day: YYYY, YYYY-MM or YYYY-MM-DD", examples = "2024-11-15")
        PartialDate starts,

        @Schema(description = "Last day, when it lasted more than one; not before starts", examples = "2024-11-16")
        PartialDate ends,

        @NotEmpty @Size(max = 20) @Schema(description = "Where the facts come from; at least one http(s) source")
        List<@NotNull @Valid SourceInput> sources,

        @Schema(
                description = "How sensitive it is: PUBLIC when left out on create, required on a change; at most your"
                        + " token's clearance; only an admin lowers it",
                examples = "PUBLIC")
        Classification classification)
        implements ClassifiedInput {}
