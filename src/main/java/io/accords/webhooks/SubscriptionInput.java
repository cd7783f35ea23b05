package io.accords.webhooks;

import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a caller asks to be told of, and where. */
@Schema(name = "SubscriptionInput", description = "A webhook subscription to make")
public record SubscriptionInput(
        @NotBlank
        @Size(max = 2000)
        @Schema(
                description = "Where to deliver: an https address on the public internet",
                examples = "https://mirror.example.org/accords-events",
                maxLength = 2000)
        String target,

        @Size(max = 500) @Schema(examples = "Our search index", maxLength = 500) @Nullable
        String description,

        @Size(max = 20)
        @Schema(description = "The kinds of record to deliver; all when absent", examples = "[\"agreement\"]")
        @Nullable
        List<@NotBlank @Size(max = 32) String> kinds,

        @Size(max = 3)
        @Schema(
                description = "The changes to deliver: created, updated, deleted; all when absent",
                examples = "[\"created\", \"deleted\"]")
        @Nullable
        List<ChangeType> types,

        @Schema(
                description = "The highest classification to deliver (at most your clearance, which is the default);"
                        + " lowered at each delivery to what your tokens show then",
                examples = "PUBLIC")
        @Nullable
        Classification clearance,

        @Size(max = 64)
        @Schema(
                description = "Where to start: \"now\" (the default) for what happens from now on, or the Link"
                        + " header's next of a read of GET /api/v1/changes",
                examples = "now",
                maxLength = 64)
        @Nullable
        String after) {}
