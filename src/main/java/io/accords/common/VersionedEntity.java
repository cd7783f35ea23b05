package io.accords.common;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.hibernate.annotations.OptimisticLock;

/** What every record has and only the service sets: its id, its version (the ETag) and its timestamps. */
@MappedSuperclass
public abstract class VersionedEntity {

    @Id
    private UUID id;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** Not a change of its own: stamping it does not make a new version (a refreshed read model stamps it alone). */
    @OptimisticLock(excluded = true)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected VersionedEntity() {
        // for JPA
    }

    protected VersionedEntity(UUID id) {
        this.id = id;
    }

    /**
     * Stamped when the record is handed to the database, not when it is written: a bulk import writes a batch of
     * records at once, and the revision of each, taken before, must carry the times its row gets.
     */
    @PrePersist
    void created() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = now();
    }

    /** The time as the database keeps it, to the microsecond, so what a write answers is what a read finds. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
