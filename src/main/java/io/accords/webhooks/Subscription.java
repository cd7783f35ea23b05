package io.accords.webhooks;

import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A webhook subscription: where to deliver which changes, as whom, and how far its deliveries have got (its cursor in
 * the change feed), with the lease of the replica delivering them.
 */
@Entity
@Table(name = "webhook_subscription")
@org.hibernate.annotations.DynamicUpdate // the deliverer and the API change different columns of one row
public class Subscription {

    public enum Status {
        /** Delivering. */
        ACTIVE,
        /** Paused by its owner or an admin: changes wait, none is lost. */
        PAUSED,
        /** Stopped by the service (deliveries kept failing, or the owner may no longer read), with the reason. */
        DISABLED
    }

    @Id
    UUID id;

    @Column(nullable = false, length = 200)
    String owner;

    /** The highest classification it delivers, lowered at each delivery to what the owner's tokens show now. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Classification clearance;

    @Column(nullable = false, length = 2000)
    String target;

    @Column(length = 500)
    String description;

    /** The kinds of record it delivers, comma-separated; null for all. */
    @Column(length = 400)
    String kinds;

    /** The changes it delivers (created, updated, deleted), comma-separated; null for all. */
    @Column(length = 100)
    String types;

    /** The agreement list's filters an agreement's change must match when delivered, as JSON; null for none. */
    @Column(name = "agreement_filter", length = 2000)
    String agreementFilter;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Status status;

    @Column(name = "status_reason", length = 1000)
    String statusReason;

    @Column(nullable = false, length = 100)
    String secret;

    @Column(name = "previous_secret", length = 100)
    String previousSecret;

    @Column(name = "previous_secret_until")
    Instant previousSecretUntil;

    @Column(name = "cursor_position", nullable = false)
    long cursorPosition;

    @Column(name = "cursor_head", nullable = false)
    long cursorHead;

    /** Failed attempts in a row. */
    @Column(nullable = false)
    int failures;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 100)
    String leaseOwner;

    @Column(name = "lease_until")
    Instant leaseUntil;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;
}
