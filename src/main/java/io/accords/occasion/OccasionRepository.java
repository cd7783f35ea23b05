package io.accords.occasion;

import io.accords.security.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries over occasions. */
@ApplicationScoped
public class OccasionRepository implements PanacheRepositoryBase<Occasion, UUID> {

    /** A page of the occasions of the given classifications. */
    public List<Occasion> page(List<Classification> visible, Sort sort, int pageIndex, int size) {
        return find("classification in ?1", sort, visible)
                .page(Page.of(pageIndex, size))
                .list();
    }

    public long count(List<Classification> visible) {
        return count("classification in ?1", visible);
    }
}
