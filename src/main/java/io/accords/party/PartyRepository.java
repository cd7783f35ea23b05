package io.accords.party;

import io.accords.security.Classification;
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

    /** A page of the parties of the given classifications. */
    public List<Party> page(List<Classification> visible, Sort sort, int pageIndex, int size) {
        return find("classification in ?1", sort, visible)
                .page(Page.of(pageIndex, size))
                .list();
    }

    public long count(List<Classification> visible) {
        return count("classification in ?1", visible);
    }

    /** The parties with this name (folded), in any country. */
    public List<Party> named(String name) {
        return list("nameKey", Party.nameKey(name));
    }

    /** The party with this name (folded) in this country, if any. */
    public Optional<Party> findByName(String country, String name) {
        return find("country = ?1 and nameKey = ?2", country, Party.nameKey(name))
                .firstResultOptional();
    }
}
