package io.accords.party;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The few facts about a party that an agreement shows inline. */
@Schema(name = "PartySummary")
public record PartySummary(
        UUID id,
        @Schema(examples = "Korea Aerospace Industries") String name,
        @Schema(examples = "KAI") String acronym,
        @Schema(examples = "KR") String country) {}
