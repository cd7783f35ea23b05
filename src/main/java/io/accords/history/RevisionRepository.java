package io.accords.history;

import io.accords.security.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries over revisions; there is no query that changes or removes one. */
@ApplicationScoped
public class RevisionRepository implements PanacheRepositoryBase<Revision, Long> {

    private static final String OF_RECORD = "recordType = ?1 and recordId = ?2 and classification in ?3";

    public List<Revision> of(String recordType, UUID recordId, List<Classification> visible, int pageIndex, int size) {
        return find(
                        OF_RECORD,
                        Sort.descending("version").and("id", Sort.Direction.Descending),
                        recordType,
                        recordId,
                        visible)
                .page(Page.of(pageIndex, size))
                .list();
    }

    public long countOf(String recordType, UUID recordId, List<Classification> visible) {
        return count(OF_RECORD, recordType, recordId, visible);
    }
}
