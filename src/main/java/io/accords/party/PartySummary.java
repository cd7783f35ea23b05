package io.accords.party;

import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The few facts about a party that an agreement shows inline. */
@Schema(name = "PartySummary")
public record PartySummary(
        UUID id,
        @Schema(examples = "Korea Aerospace Industries") String name,
        @Schema(examples = "KAI") @Nullable String acronym,
        @Schema(examples = "KR") String country,
        @Schema(examples = "COMPANY") PartyKind kind,

        @Schema(description = "How sensitive the party's record is; you see only parties up to your clearance")
        Classification classification) {}
