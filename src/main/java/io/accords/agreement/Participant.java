package io.accords.agreement;

import io.accords.common.PartialDate;
import io.accords.party.Party;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A party taking part in an agreement, in a role, with its own dates as treaty registries keep them: when it signed,
 * when it consented to be bound (ratification, acceptance, approval) and when it withdrew.
 */
@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id", nullable = false)
    private Party party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PartyRole role;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "signed_first"))
    @AttributeOverride(name = "last", column = @Column(name = "signed_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "signed_precision"))
    private PartialDate signed;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "consented_first"))
    @AttributeOverride(name = "last", column = @Column(name = "consented_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "consented_precision"))
    private PartialDate consented;

    @Embedded
    @AttributeOverride(name = "first", column = @Column(name = "withdrawn_first"))
    @AttributeOverride(name = "last", column = @Column(name = "withdrawn_last"))
    @AttributeOverride(name = "precision", column = @Column(name = "withdrawn_precision"))
    private PartialDate withdrawn;

    protected Participant() {
        // for JPA
    }

    public Participant(Party party, PartyRole role, PartialDate signed, PartialDate consented, PartialDate withdrawn) {
        this.party = party;
        this.role = role;
        this.signed = signed;
        this.consented = consented;
        this.withdrawn = withdrawn;
    }

    public Party getParty() {
        return party;
    }

    public PartyRole getRole() {
        return role;
    }

    public PartialDate getSigned() {
        return signed;
    }

    public PartialDate getConsented() {
        return consented;
    }

    public PartialDate getWithdrawn() {
        return withdrawn;
    }
}
