package io.accords.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver one change to a subscription's target, and how it went. */
@Entity
@Table(name = "webhook_delivery")
public class Delivery {

    public enum Outcome {
        DELIVERED,
        FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "subscription_id", nullable = false)
    UUID subscriptionId;

    @Column(name = "event_id", nullable = false, length = 64)
    String eventId;

    @Column(name = "event_type", nullable = false, length = 64)
    String eventType;

    @Column(nullable = false, length = 36)
    String subject;

    @Column(nullable = false)
    int attempt;

    @Column(name = "attempted_at", nullable = false)
    Instant attemptedAt;

    @Column(name = "status_code")
    Integer statusCode;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 16)
    Outcome outcome;

    @Column(length = 1000)
    String error;

    @Column(name = "duration_ms", nullable = false)
    int durationMs;
}
