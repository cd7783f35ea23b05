package io.accords.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A create answered under a client's Idempotency-Key: what was asked (its fingerprint) and what was answered. */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    private IdempotencyKeyId id;

    @Column(name = "request_hash", nullable = false, length = 64)
    private String requestHash;

    @Column(name = "response", nullable = false, length = 1_000_000)
    private String response;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected IdempotencyKey() {
        // for JPA
    }

    IdempotencyKey(IdempotencyKeyId id, String requestHash, String response, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.requestHash = requestHash;
        this.response = response;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    String requestHash() {
        return requestHash;
    }

    String response() {
        return response;
    }

    boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
