package io.accords.changes;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change as a CloudEvents 1.0 event in the structured JSON format. */
@RegisterForReflection
@Schema(
        name = "CloudEvent",
        description = "A change of a record as a CloudEvents 1.0 event (structured JSON): created, updated or deleted,"
                + " as you may see it. A record raised above your clearance is deleted to you; one lowered into your"
                + " view is created.")
public record CloudEvent(
        @Schema(description = "The CloudEvents version", enumeration = "1.0", examples = "1.0")
        String specversion,

        @Schema(
                description = "The change's id, unique, opaque; also the cursor to go on after it (after,"
                        + " Last-Event-ID) and a webhook delivery's webhook-id",
                examples = ChangeExamples.EVENT_ID,
                maxLength = 64)
        String id,

        @Schema(description = "Where it happened: this registry's API", examples = ChangeFeed.SOURCE, maxLength = 64)
        String source,

        @Schema(
                description = "accords.<kind>.created, .updated or .deleted",
                examples = "accords.agreement.updated",
                maxLength = 64,
                pattern = "^accords\\.[a-z]+\\.(created|updated|deleted)$")
        String type,

        @Schema(description = "The record's id", examples = ChangeExamples.SUBJECT, maxLength = 36)
        String subject,

        @Schema(description = "When the change was made", examples = "2026-12-05T10:15:30Z")
        Instant time,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The media type of data; no data for a deletion",
                enumeration = "application/json",
                examples = "application/json")
        String datacontenttype,

        @Schema(
                description = "The record's version after the change (for a deletion, its last): a follower keeps the"
                        + " highest it has seen and ignores an older one",
                examples = "3")
        long recordversion,

        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(
                description = "The record as it stood after the change, as its own GET shows it to you (data=RECORD),"
                        + " or what changed as a RevisionDiff with an RFC 6902 JSON Patch (data=PATCH); none for a"
                        + " deletion")
        Map<String, Object> data) {

    static final String SPEC_VERSION = "1.0";
}
