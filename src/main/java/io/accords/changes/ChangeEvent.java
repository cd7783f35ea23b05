package io.accords.changes;

import io.accords.history.Revision;
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
 * A change in its place in the feed: which revision, of which record, and who could see the record before and after
 * it. Written once by the sequencer, never changed.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

    @Id
    private long position;

    @Column(name = "revision_id", nullable = false)
    private long revisionId;

    @Column(name = "record_type", nullable = false, length = 16)
    private String recordType;

    @Column(name = "record_id", nullable = false)
    private UUID recordId;

    @Column(name = "record_version", nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Revision.Action action;

    /** Who may see the record after the change (before it, for a deletion). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Classification classification;

    /** Who could see the record before the change; null for a creation. */
    @Enumerated(EnumType.STRING)
    @Column(name = "classification_before", length = 16)
    private Classification classificationBefore;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    protected ChangeEvent() {
        // for JPA
    }

    ChangeEvent(long position, Revision revision, Classification classification, Classification before) {
        this.position = position;
        this.revisionId = revision.getId();
        this.recordType = revision.getRecordType();
        this.recordId = revision.getRecordId();
        this.version = revision.getVersion();
        this.action = revision.getAction();
        this.classification = classification;
        this.classificationBefore = before;
        this.at = revision.getAt();
    }

    long position() {
        return position;
    }

    long revisionId() {
        return revisionId;
    }

    String recordType() {
        return recordType;
    }

    UUID recordId() {
        return recordId;
    }

    long version() {
        return version;
    }

    Instant at() {
        return at;
    }

    Classification classification() {
        return classification;
    }

    /**
     * What the change is to a caller with this clearance, who may see the record before it, after it, or both: a
     * record raised out of its view is deleted to it, one lowered into view created; null when it may see neither.
     */
    Revision.Action seenAs(Classification clearance) {
        boolean before = classificationBefore != null && clearance.allows(classificationBefore);
        boolean after = action != Revision.Action.DELETED && clearance.allows(classification);
        if (action == Revision.Action.DELETED) {
            return before ? Revision.Action.DELETED : null;
        }
        if (before && after) {
            return action;
        }
        return after ? Revision.Action.CREATED : before ? Revision.Action.DELETED : null;
    }
}
