package io.accords.relay;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How far a relay has published the change feed, and which replica publishes it now (its lease). */
@Entity
@Table(name = "change_relay")
@org.hibernate.annotations.DynamicUpdate
class RelayState {

    static final String KAFKA = "kafka";

    @Id
    @Column(length = 32)
    String name;

    @Column(name = "cursor_position", nullable = false)
    long cursorPosition;

    @Column(name = "cursor_head", nullable = false)
    long cursorHead;

    /** Events acknowledged by the broker so far (a republished one counts again). */
    @Column(nullable = false)
    long published;

    @Column(name = "last_error", length = 1000)
    String lastError;

    @Column(name = "next_attempt_at")
    Instant nextAttemptAt;

    @Column(name = "lease_owner", length = 100)
    String leaseOwner;

    @Column(name = "lease_until")
    Instant leaseUntil;
}
