package io.accords.record;

import io.accords.common.VersionedEntity;
import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** A record with a classification: only callers cleared for it learn that it exists. */
@MappedSuperclass
public abstract class ClassifiedEntity extends VersionedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Classification classification = Classification.PUBLIC;

    protected ClassifiedEntity() {
        // for JPA
    }

    protected ClassifiedEntity(UUID id) {
        super(id);
    }

    public Classification getClassification() {
        return classification;
    }

    public void setClassification(Classification classification) {
        this.classification = classification;
    }
}
