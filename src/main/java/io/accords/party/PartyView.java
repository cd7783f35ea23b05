package io.accords.party;

import io.accords.http.Versioned;
import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A party as the service returns it. */
@Schema(name = "Party", description = "A government, agency, state enterprise or company")
public record PartyView(
        @Schema(examples = "3f0d6f7e-2b7c-4f7e-9a55-0d1c2c3b4a51")
        UUID id,

        @Schema(examples = "Korea Aerospace Industries") String name,
        @Schema(examples = "KAI") @Nullable String acronym,
        List<String> aliases,

        @Schema(
                description = "Acronyms and short names in common use that the sources do not give, added by the"
                        + " registry's editors",
                examples = "[\"KAI\"]")
        List<String> editorialAliases,

        @Schema(examples = "KR") String country,
        PartyKind kind,
        List<PartyInput.Identifier> identifiers,

        @Schema(
                description = "How sensitive it is; callers see it only up to their token's clearance",
                examples = "PUBLIC")
        Classification classification,

        @Schema(description = "Increases with every change; also sent as the ETag", examples = "0")
        long version,

        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}
