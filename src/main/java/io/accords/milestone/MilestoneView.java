package io.accords.milestone;

import io.accords.agreement.AgreementInput;
import io.accords.common.PartialDate;
import io.accords.common.SourceInput;
import io.accords.http.Versioned;
import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A milestone as the service returns it. */
@Schema(name = "Milestone", description = "Something an agreement promises by a date, and whether it happened")
public record MilestoneView(
        @Schema(examples = "cf43ba93-33fc-5fc2-a1d8-b2e9e80b99f7")
        UUID id,

        @Schema(examples = "a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5")
        UUID agreementId,

        @Schema(
                examples = "MOU between Korea Aerospace Industries and SEMAN on joint production of KF-21 fighter jet"
                        + " components",
                maxLength = AgreementInput.MAX_TITLE)
        String agreementTitle,

        MilestoneKind kind,

        @Schema(examples = "First KF-21 wing components delivered to SEMAN")
        String title,

        @Schema(examples = "2026-06") PartialDate due,
        @Schema(examples = "2026-06-12") @Nullable LocalDate met,
        MilestoneStatus status,

        @Schema(description = "Left out when the party is above your clearance") @Nullable
        UUID responsiblePartyId,

        @Schema(examples = "4") @Nullable Integer quantity,
        @Nullable String note,
        List<SourceInput> sources,

        @Schema(
                description = "How sensitive it is; callers see it only up to their token's clearance, and only when"
                        + " they may see its agreement",
                examples = "PUBLIC")
        Classification classification,

        @Schema(description = "Increases with every change; also sent as the ETag", examples = "0")
        long version,

        Instant createdAt,
        Instant updatedAt)
        implements Versioned {

    /** This milestone without its responsible party, for a caller who may not see the party. */
    MilestoneView withoutResponsible() {
        return new MilestoneView(
                id,
                agreementId,
                agreementTitle,
                kind,
                title,
                due,
                met,
                status,
                null,
                quantity,
                note,
                sources,
                classification,
                version,
                createdAt,
                updatedAt);
    }
}
