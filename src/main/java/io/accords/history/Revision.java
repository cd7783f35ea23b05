package io.accords.history;

import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** One change of an agreement or a party: who made it, when, and the record as it stood after it. Never changed. */
@Entity
@Immutable
@Table(name = "revision")
public class Revision {

    public enum Action {
        CREATED,
        UPDATED,
        DELETED
    }

    /** How many ids the service reserves at once (the sequence's increment): a batch of revisions is one insert. */
    private static final int IDS_RESERVED = 50;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "revision_ids")
    @SequenceGenerator(name = "revision_ids", sequenceName = "revision_ids", allocationSize = IDS_RESERVED)
    private Long id;

    @Column(name = "record_type", nullable = false, length = 16)
    private String recordType;

    @Column(name = "record_id", nullable = false)
    private UUID recordId;

    @Column(name = "record_version", nullable = false)
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Action action;

    @Column(nullable = false, length = 200)
    private String actor;

    @Column(name = "changed_at", nullable = false)
    private Instant at;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Classification classification;

    /** What the classification was before this change lowered it; null when it did not. */
    @Enumerated(EnumType.STRING)
    @Column(name = "declassified_from", length = 16)
    private Classification declassifiedFrom;

    /** The record as the API showed it after the change (before it, for a deletion), as JSON. */
    @Column(nullable = false, length = 1_000_000)
    private String snapshot;

    protected Revision() {
        // for JPA
    }

    Revision(
            String recordType,
            UUID recordId,
            long version,
            Action action,
            String actor,
            Instant at,
            Classification classification,
            Classification declassifiedFrom,
            String snapshot) {
        this.recordType = recordType;
        this.recordId = recordId;
        this.version = version;
        this.action = action;
        this.actor = actor;
        this.at = at;
        this.classification = classification;
        this.declassifiedFrom = declassifiedFrom;
        this.snapshot = snapshot;
    }

    public Long getId() {
        return id;
    }

    public String getRecordType() {
        return recordType;
    }

    public UUID getRecordId() {
        return recordId;
    }

    public long getVersion() {
        return version;
    }

    public Action getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public Classification getClassification() {
        return classification;
    }

    public Classification getDeclassifiedFrom() {
        return declassifiedFrom;
    }

    public String getSnapshot() {
        return snapshot;
    }
}
