package io.accords.history;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accords.security.Classification;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A revision as the history endpoints list it. */
@RegisterForReflection
@Schema(name = "Revision", description = "One change of a record")
public record RevisionView(
        @Schema(description = "The record's version after the change (for a deletion, its last)", examples = "1")
        long version,

        @Schema(examples = "UPDATED") Revision.Action action,

        @Schema(description = "Subject of the token that made the change", examples = "analyst-7", maxLength = 200)
        String actor,

        @Schema(examples = "2026-11-23T10:15:30Z") Instant at,

        @Schema(description = "The record's classification then (PUBLIC for parties)", examples = "PUBLIC")
        Classification classification,

        @Schema(
                description = "Set when this change lowered the classification (only an admin may): what it was"
                        + " before, shown to callers cleared for that level",
                examples = "RESTRICTED")
        @Nullable
        Classification declassifiedFrom,

        @Schema(
                description = "The record as it stood after the change (before it, for a deletion): an Agreement or a"
                        + " Party, as the record type's own GET shows it")
        Map<String, Object> record,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "Where the change this revision made is shown as an RFC 6902 JSON Patch (not for a"
                        + " deletion)",
                examples = "/api/v1/agreements/a9ef1fa8-f0b2-507b-a602-dcb5fe540fc5/history/1/diff",
                maxLength = 300)
        String diff) {

    /** This revision with the path of its diff, for the record types that serve one. */
    public RevisionView withDiff(String historyPath) {
        return action == Revision.Action.DELETED
                ? this
                : new RevisionView(
                        version,
                        action,
                        actor,
                        at,
                        classification,
                        declassifiedFrom,
                        record,
                        historyPath + "/" + version + "/diff");
    }
}
