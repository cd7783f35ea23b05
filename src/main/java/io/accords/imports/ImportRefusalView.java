package io.accords.imports;

import io.accords.http.problem.Problem;
import jakarta.annotation.Nullable;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A row an import refused, and why: the problem a single write of it would have answered. */
@Schema(name = "ImportRefusal")
public record ImportRefusalView(
        @Schema(description = "The row's line number in the file, from 1", examples = "7")
        int row,

        @Schema(description = "The record the row would have written, when it was read that far") @Nullable
        UUID recordId,

        Problem problem) {}
