package io.accords.agreement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A typed link from an agreement to another ({@link RelationKind}), with why an editor drew it. */
@Embeddable
public class AgreementRelation {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private RelationKind kind;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id", nullable = false)
    private Agreement target;

    @Column(length = 1000)
    private String note;

    @Column(name = "source_url", length = 2000)
    private String source;

    protected AgreementRelation() {
        // for JPA
    }

    public AgreementRelation(RelationKind kind, Agreement target, String note, String source) {
        this.kind = kind;
        this.target = target;
        this.note = note;
        this.source = source;
    }

    public RelationKind getKind() {
        return kind;
    }

    public Agreement getTarget() {
        return target;
    }

    public String getNote() {
        return note;
    }

    public String getSource() {
        return source;
    }
}
