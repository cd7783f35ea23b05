package io.accords.webhooks;

import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.Nullable;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery attempt, as the subscription's log shows it. */
@RegisterForReflection
@Schema(name = "Delivery", description = "One attempt to deliver a change")
public record DeliveryView(
        @Schema(description = "The change's id, sent as webhook-id", maxLength = 64)
        String eventId,

        @Schema(examples = "accords.agreement.updated", maxLength = 64)
        String type,

        @Schema(description = "The record's id", maxLength = 36)
        String subject,

        @Schema(description = "The attempt's number for this change, from 1", examples = "1")
        int attempt,

        Instant attemptedAt,

        @Schema(description = "The target's status code; absent when it did not answer", examples = "204") @Nullable
        Integer statusCode,

        Delivery.Outcome outcome,

        @Schema(description = "What went wrong", examples = "connect timed out", maxLength = 1000) @Nullable
        String error,

        @Schema(examples = "42") int durationMs) {

    static DeliveryView of(Delivery d) {
        return new DeliveryView(
                d.eventId,
                d.eventType,
                d.subject,
                d.attempt,
                d.attemptedAt,
                d.statusCode,
                d.outcome,
                d.error,
                d.durationMs);
    }
}
