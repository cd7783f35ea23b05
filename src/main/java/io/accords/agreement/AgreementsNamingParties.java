package io.accords.agreement;

import io.accords.http.problem.RecordReference;
import io.accords.party.PartyReferences;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The agreements that name a party, as the party feature asks about them. */
@ApplicationScoped
public class AgreementsNamingParties implements PartyReferences {

    private final AgreementRepository agreements;
    private final AgreementReadModel readModel;

    AgreementsNamingParties(AgreementRepository agreements, AgreementReadModel readModel) {
        this.agreements = agreements;
        this.readModel = readModel;
    }

    @Override
    public long count(UUID partyId) {
        return agreements.countNamingParty(partyId);
    }

    @Override
    public long count(UUID partyId, List<Classification> visible) {
        return agreements.countNamingParty(partyId, visible);
    }

    @Override
    public List<RecordReference> first(UUID partyId, List<Classification> visible, int limit) {
        return agreements.namingParty(partyId, visible, limit);
    }

    /** Their search words include the party's names, per clearance. */
    @Override
    public void partyChanged(UUID partyId) {
        readModel.refreshNaming(partyId);
    }
}
