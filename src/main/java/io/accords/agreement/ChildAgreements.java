package io.accords.agreement;

import io.accords.http.problem.RecordReference;
import io.accords.record.Referrers;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The agreements that name an agreement as their parent or relate to it, and so keep it from being deleted. */
@ApplicationScoped
class ChildAgreements implements Referrers {

    private final AgreementRepository agreements;

    ChildAgreements(AgreementRepository agreements) {
        this.agreements = agreements;
    }

    @Override
    public long count(UUID parentId) {
        return agreements.countLinking(parentId);
    }

    @Override
    public long count(UUID parentId, List<Classification> visible) {
        return agreements.countLinking(parentId, visible);
    }

    @Override
    public List<RecordReference> first(UUID parentId, List<Classification> visible, int limit) {
        return agreements.linking(parentId, visible, limit);
    }
}
