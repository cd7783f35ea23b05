package io.accords.rights;

import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The rights a caller's tokens last showed: what a calendar feed, read without a token, is re-checked against, so that
 * a feed never reads above what its creator may read now.
 */
@Entity
@Table(name = "caller_rights")
public class CallerRights {

    @Id
    @Column(length = 200)
    String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Classification clearance;

    /** Whether the token had the reader role (or one above it). */
    @Column(nullable = false)
    boolean reader;

    @Column(name = "seen_at", nullable = false)
    Instant seenAt;

    public Classification clearance() {
        return clearance;
    }

    public boolean reader() {
        return reader;
    }
}
