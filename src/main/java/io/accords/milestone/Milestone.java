package io.accords.milestone;

import io.accords.agreement.Agreement;
import io.accords.common.PartialDate;
import io.accords.common.Source;
import io.accords.party.Party;
import io.accords.record.ClassifiedEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Something an agreement promises by a date (a delivery, a payment, a review, a notice) and whether it happened. */
@Entity
@Table(name = "milestone")
public class Milestone extends ClassifiedEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id", nullable = false, updatable = false)
    private Agreement agreement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private MilestoneKind kind;

    @Column(nullable = false, length = 300)
    private String title;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "due_first"))
    @AttributeOverride(name = "last", column = @Column(name = "due_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "due_precision"))
    private PartialDate due;

    @Column(name = "met_on")
    private LocalDate met;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private MilestoneStatus status;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "responsible_id")
    private Party responsible;

    private Integer quantity;

    @Column(length = 2000)
    private String note;

    @ElementCollection
    @CollectionTable(name = "milestone_source", joinColumns = @JoinColumn(name = "milestone_id"))
    @OrderColumn(name = "position")
    private List<Source> sources = new ArrayList<>();

    protected Milestone() {
        // for JPA
    }

    public Milestone(UUID id) {
        super(id);
    }

    public Agreement getAgreement() {
        return agreement;
    }

    void setAgreement(Agreement agreement) {
        this.agreement = agreement;
    }

    public MilestoneKind getKind() {
        return kind;
    }

    public void setKind(MilestoneKind kind) {
        this.kind = kind;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public PartialDate getDue() {
        return due;
    }

    public void setDue(PartialDate due) {
        this.due = due;
    }

    public LocalDate getMet() {
        return met;
    }

    public void setMet(LocalDate met) {
        this.met = met;
    }

    public MilestoneStatus getStatus() {
        return status;
    }

    public void setStatus(MilestoneStatus status) {
        this.status = status;
    }

    public Party getResponsible() {
        return responsible;
    }

    void setResponsible(Party responsible) {
        this.responsible = responsible;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public List<Source> getSources() {
        return sources;
    }

    public void setSources(List<Source> sources) {
        this.sources = sources;
    }
}
