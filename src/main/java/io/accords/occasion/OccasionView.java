package io.accords.occasion;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.Versioned;
import io.accords.http.problem.RecordReference;
import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An occasion as the service returns it; read by id, with the agreements signed or announced there. */
@Schema(name = "Occasion", description = "A summit, state visit, exhibition or ceremony where agreements were made")
public record OccasionView(
        @Schema(examples = "0b6d4c8e-3f1a-5e2b-9c7d-1a2b3c4d5e6f")
        UUID id,

        @Schema(examples = "APEC Economic Leaders' Meeting 2024, Lima")
        String name,

        OccasionKind kind,
        @Schema(examples = "PE") String country,
        @Schema(examples = "Lima") @Nullable String city,
        @Schema(examples = "2024-11-15") PartialDate starts,
        @Schema(examples = "2024-11-16") @Nullable PartialDate ends,
        List<SourceInput> sources,

        @Schema(
                description = "How sensitive it is; callers see it only up to their token's clearance",
                examples = "PUBLIC")
        Classification classification,

        @Schema(description = "Increases with every change; also sent as the ETag", examples = "0")
        long version,

        Instant createdAt,
        Instant updatedAt,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "On a read by id: the agreements signed or announced there that you may see, by title (at"
                        + " most 100; the agreement search's occasion filter lists them all)",
                maxItems = OccasionService.LISTED_AGREEMENTS)
        List<RecordReference> agreements)
        implements Versioned {

    /** This occasion with the agreements made there. */
    OccasionView withAgreements(List<RecordReference> made) {
        return new OccasionView(
                id,
                name,
                kind,
                country,
                city,
                starts,
                ends,
                sources,
                classification,
                version,
                createdAt,
                updatedAt,
                made);
    }
}
