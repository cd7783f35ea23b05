package io.accords.milestone;

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
 * A calendar feed a caller made for itself: the milestone filters it serves, the clearance it reads with at most, and
 * the SHA-256 of the secret in its URL (the secret itself is shown once, to its owner, and never stored).
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    UUID id;

    @Column(name = "secret_hash", nullable = false, length = 64)
    String secretHash;

    @Column(nullable = false, length = 200)
    String name;

    /** The token subject that made it: the feed reads as this caller, never above what it may read now. */
    @Column(nullable = false, length = 200)
    String owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Classification clearance;

    /** The milestone filters, as JSON. */
    @Column(nullable = false, length = 4000)
    String filters;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "last_read_at")
    Instant lastReadAt;
}
