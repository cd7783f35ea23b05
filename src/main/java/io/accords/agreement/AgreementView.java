package io.accords.agreement;

import io.accords.common.PartialDate;
import io.accords.party.PartySummary;
import io.accords.common.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An agreement as the service returns it. */
@Schema(name = "Agreement", description = "A defence-industry cooperation agreement")
public record AgreementView(
        UUID id,
        @Schema(examples = "MOU on joint production of KF-21 fighter jet components") String title,
        String summary,
        AgreementType type,
        AgreementStatus status,
        List<Sector> sectors,
        List<CooperationMode> modes,
        List<Participation> parties,
        @Schema(description = "The parties' countries, ISO 3166-1 alpha-2, sorted", examples = "[\"KR\", \"PE\"]")
        List<String> countries,
        @Schema(examples = "[\"KF-21\"]") List<String> systems,
        @Schema(examples = "2024-11-16") PartialDate announced,
        @Schema(examples = "2024-11-16") PartialDate signed,
        @Schema(examples = "2025") PartialDate effective,
        @Schema(examples = "2030-12") PartialDate expires,
        AgreementInput.Money value,
        List<AgreementInput.Source> sources,
        UUID parentId,
        List<String> tags,
        @Schema(description = "How sensitive it is; callers see it only up to their token's clearance",
                examples = "PUBLIC") Classification classification,
        @Schema(description = "Increases with every change; also sent as the ETag", examples = "0") long version,
        Instant createdAt,
        Instant updatedAt) implements Versioned {

    /** A party and the role it plays. */
    @Schema(name = "Participation")
    public record Participation(PartySummary party, @Schema(examples = "SIGNATORY") PartyRole role) {
    }
}
