package io.accords.webhooks;

import io.accords.security.Classification;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
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

        @Size(max = MAX_FILTERS)
        @Schema(
                description = "The agreement list's filters (GET /api/v1/agreements), each parameter with its values,"
                        + " that an agreement's change must match to be delivered: checked as the agreement stands"
                        + " when the change is delivered, as you may see it. A deletion is delivered whatever they say"
                        + " (the agreement is gone; drop it if you hold it). Other kinds are not filtered by them",
                examples = "{\"sector\": [\"NAVAL\"], \"country\": [\"KR\"]}")
        @Nullable
        Map<
                        @NotBlank @Size(max = 32) String,
                        @NotNull @Size(min = 1, max = MAX_VALUES) List<@NotBlank @Size(max = MAX_VALUE) String>>
                agreements,

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
        String after) {

    /** How many agreement filters, values of one, and characters of a value a subscription may give. */
    static final int MAX_FILTERS = 20;

    static final int MAX_VALUES = 20;
    static final int MAX_VALUE = 200;
}
