package io.accords.programme;

import io.accords.security.Classification;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Queries over programmes. */
@ApplicationScoped
public class ProgrammeRepository implements PanacheRepositoryBase<Programme, UUID> {

    /** A page of the programmes the filter selects, of the given classifications. */
    public List<Programme> page(ProgrammeFilter filter, List<Classification> visible, Sort sort, int index, int size) {
        Parameters parameters = parameters(filter, visible);
        return find(where(filter), sort, parameters).page(Page.of(index, size)).list();
    }

    public long count(ProgrammeFilter filter, List<Classification> visible) {
        return count(where(filter), parameters(filter, visible));
    }

    /** Every country named takes part; any of the systems named is its system. */
    private static String where(ProgrammeFilter filter) {
        StringBuilder where = new StringBuilder("classification in :visible");
        for (int i = 0; i < filter.countries().size(); i++) {
            where.append(" and :country").append(i).append(" member of countries");
        }
        if (!filter.systems().isEmpty()) {
            where.append(" and upper(system) in :systems");
        }
        return where.toString();
    }

    private static Parameters parameters(ProgrammeFilter filter, List<Classification> visible) {
        Parameters parameters = Parameters.with("visible", visible);
        List<String> countries = List.copyOf(filter.countries());
        for (int i = 0; i < countries.size(); i++) {
            parameters.and("country" + i, countries.get(i));
        }
        if (!filter.systems().isEmpty()) {
            parameters.and("systems", filter.systems());
        }
        return parameters;
    }
}
