package io.accords.agreement;

import io.accords.party.Party;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/** A party taking part in an agreement, in a role. */
@Embeddable
public class Participant {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "party_id", nullable = false)
    private Party party;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PartyRole role;

    protected Participant() {
        // for JPA
    }

    public Participant(Party party, PartyRole role) {
        this.party = party;
        this.role = role;
    }

    public Party getParty() {
        return party;
    }

    public PartyRole getRole() {
        return role;
    }
}
