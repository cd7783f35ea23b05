package io.accords.milestone;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Calendar feeds, by their owner. */
@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    List<CalendarFeed> ownedBy(String owner, int pageIndex, int size) {
        return find("owner", Sort.descending("createdAt").and("id"), owner)
                .page(pageIndex, size)
                .list();
    }

    long countOwnedBy(String owner) {
        return count("owner", owner);
    }
}
