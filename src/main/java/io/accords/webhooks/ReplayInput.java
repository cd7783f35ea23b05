package io.accords.webhooks;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a subscription goes back (or on) to. */
@Schema(name = "ReplayInput", description = "Where to deliver from again")
public record ReplayInput(
        @NotBlank
        @Size(max = 64)
        @Schema(
                description = "A cursor of the change feed (the Link header's next of a read of GET /api/v1/changes),"
                        + " or \"now\"",
                examples = "now",
                maxLength = 64)
        String after) {}
