package io.accords.party;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over parties. */
@ApplicationScoped
public class PartyRepository implements PanacheRepositoryBase<Party, UUID> {

    public List<Party> page(Sort sort, int pageIndex, int size) {
        return findAll(sort).page(Page.of(pageIndex, size)).list();
    }

    /** The party with this name (folded) in this country, if any. */
    public Optional<Party> findByName(String country, String name) {
        return find("country = ?1 and nameKey = ?2", country, Party.nameKey(name)).firstResultOptional();
    }
}
