package io.accords.idempotency;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** Keys are the caller's own: the same key from two callers, or for two endpoints, are different keys. */
@Embeddable
public class IdempotencyKeyId implements Serializable {

    @Column(name = "caller", nullable = false, length = 200)
    private String caller;

    @Column(name = "endpoint", nullable = false, length = 100)
    private String endpoint;

    @Column(name = "idempotency_key", nullable = false, length = 200)
    private String key;

    protected IdempotencyKeyId() {
        // for JPA
    }

    IdempotencyKeyId(String caller, String endpoint, String key) {
        this.caller = caller;
        this.endpoint = endpoint;
        this.key = key;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof IdempotencyKeyId that
                && caller.equals(that.caller)
                && endpoint.equals(that.endpoint)
                && key.equals(that.key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(caller, endpoint, key);
    }
}
