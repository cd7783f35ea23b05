package io.accords.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A create answered under a client's Idempotency-Key: what was asked (its fingerprint) and the id of the record it
 * created, never a copy of the record (keys written before kept the whole answer, read only for its id).
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    private IdempotencyKeyId id;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    /** The whole answer, as keys written before record ids were kept stored it; null since. */
    @Column(name = "response", length = 1_000_000)
    private String response;

    @Column(name = "record_id")
    private UUID recordId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IdempotencyKey() {
        // for JPA
    }

    IdempotencyKey(IdempotencyKeyId id, String requestHash, UUID recordId, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.recordId = recordId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String requestHash() {
        return requestHash;
    }

    String response() {
        return response;
    }

    UUID recordId() {
        return recordId;
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
