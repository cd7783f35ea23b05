package io.accords.history;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.Nullable;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What changed between two versions of a record. */
@RegisterForReflection
@Schema(name = "RevisionDiff", description = "The changes from one version of a record to another")
public record RevisionDiff(
        @Schema(description = "The version the patch applies to; null when it is the record's creation", examples = "0")
        @Nullable
        Long from,

        @Schema(description = "The version the patch produces", examples = "1")
        long to,

        @Schema(
                description = "An RFC 6902 JSON Patch: applied to version from (an empty object for a creation) it"
                        + " gives version to, as you may see both",
                maxItems = 10_000)
        List<Map<String, Object>> patch) {}
