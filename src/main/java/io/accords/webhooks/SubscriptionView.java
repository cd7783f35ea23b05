package io.accords.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accords.security.Classification;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as its owner reads it; its secret only in the answers that make one. */
@RegisterForReflection
@Schema(name = "Subscription", description = "A webhook subscription")
public record SubscriptionView(
        UUID id,

        @Schema(examples = "https://mirror.example.org/accords-events", maxLength = 2000)
        String target,

        @Schema(examples = "Our search index", maxLength = 500) @Nullable
        String description,

        @Schema(description = "The kinds it delivers; empty for all")
        List<String> kinds,

        @Schema(description = "The changes it delivers; empty for all")
        List<ChangeType> types,

        @Schema(
                description = "The agreement list's filters an agreement's change must match when delivered; empty for"
                        + " every agreement",
                examples = "{\"sector\": [\"NAVAL\"]}")
        Map<String, List<String>> agreements,

        @Schema(description = "The highest classification it delivers (lowered to its owner's clearance at each)")
        Classification clearance,

        Subscription.Status status,

        @Schema(
                description = "Why it is paused or disabled",
                examples = "10 deliveries in a row failed; the last: 503 from the target",
                maxLength = 1000)
        @Nullable
        String statusReason,

        @Schema(description = "Failed attempts in a row", examples = "0")
        int failures,

        @Schema(description = "When it next tries to deliver")
        Instant nextAttemptAt,

        Instant createdAt,

        @Schema(
                description = "The secret deliveries are signed with (Standard Webhooks, HMAC-SHA256): answered only"
                        + " when made or rotated. Keep it as you would a password",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                maxLength = 100)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        String secret,

        @Schema(description = "Until when the secret a rotation replaced still signs deliveries beside the new one")
        @Nullable
        Instant previousSecretUntil) {

    static SubscriptionView of(Subscription s, boolean withSecret) {
        return new SubscriptionView(
                s.id,
                s.target,
                s.description,
                Subscriptions.list(s.kinds),
                Subscriptions.list(s.types).stream().map(ChangeType::valueOf).toList(),
                Subscriptions.agreementFilter(s.agreementFilter),
                s.clearance,
                s.status,
                s.statusReason,
                s.failures,
                s.nextAttemptAt,
                s.createdAt,
                withSecret ? s.secret : null,
                s.previousSecret == null ? null : s.previousSecretUntil);
    }
}
