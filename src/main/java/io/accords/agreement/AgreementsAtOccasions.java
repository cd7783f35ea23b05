package io.accords.agreement;

import io.accords.http.problem.RecordReference;
import io.accords.occasion.OccasionReferences;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The agreements made at an occasion, as the occasion feature asks about them. */
@ApplicationScoped
public class AgreementsAtOccasions implements OccasionReferences {

    private final AgreementRepository agreements;

    AgreementsAtOccasions(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    @Override
    public long count(UUID occasionId) {
        return agreements.countAtOccasion(occasionId);
    }

    @Override
    public long count(UUID occasionId, List<Classification> visible) {
        return agreements.countAtOccasion(occasionId, visible);
    }

    @Override
    public List<RecordReference> first(UUID occasionId, List<Classification> visible, int limit) {
        return agreements.atOccasion(occasionId, visible, limit);
    }
}
