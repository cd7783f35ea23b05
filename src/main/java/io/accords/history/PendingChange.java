package io.accords.history;

import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A revision waiting for its place in the change feed: written with it, in its transaction (an outbox), and removed
 * by the change feed's sequencer when it gives the change its position.
 */
@Entity
@Table(name = "change_pending")
public class PendingChange {

    @Id
    @Column(name = "revision_id")
    private Long revisionId;

    /** Who may see the change: callers cleared for this. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Classification classification;

    protected PendingChange() {
        // for JPA
    }

    PendingChange(Long revisionId, Classification classification) {
        this.revisionId = revisionId;
        this.classification = classification;
    }

    /** A revision waiting for its place, and who may see it. */
    public record Queued(Revision revision, Classification audience) {}
}
