package io.accords.programme;

import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.Versioned;
import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A programme as the service returns it. */
@Schema(name = "Programme", description = "The development, production or acquisition of one weapon system")
public record ProgrammeView(
        @Schema(examples = "5b0c1d2e-3f4a-5b6c-8d7e-9f0a1b2c3d4e")
        UUID id,

        @Schema(examples = "KF-21 Boramae fighter") String name,
        @Schema(examples = "KF-21") String system,
        @Nullable String description,
        @Schema(examples = "2015-12") @Nullable PartialDate started,

        @Schema(
                description = "The countries that take part, ISO 3166-1 alpha-2",
                maxItems = ProgrammeInput.MAX_COUNTRIES)
        List<@Size(min = 2, max = 2) String> countries,

        List<SourceInput> sources,

        @Schema(
                description = "How sensitive it is; callers see it only up to their token's clearance",
                examples = "PUBLIC")
        Classification classification,

        @Schema(description = "Increases with every change; also sent as the ETag", examples = "0")
        long version,

        Instant createdAt,
        Instant updatedAt,

        @Schema(
                description = "Where its agreements are: the agreement search for its system, which lists"
                        + " those each caller may see",
                examples = "/api/v1/agreements?system=KF-21",
                maxLength = 400)
        String agreements)
        implements Versioned {

    /** The agreement search for a system. */
    static String agreementsOf(String system) {
        return "/api/v1/agreements?system=" + URLEncoder.encode(system, StandardCharsets.UTF_8);
    }
}
