package io.accords.party;

import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.SortOrder;
import io.accords.http.problem.ProblemException;
import io.accords.record.RecordPlumbing;
import io.accords.record.RecordService;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The rules for parties: unique names within a country, and no deleting a party that agreements still name. */
@ApplicationScoped
@Transactional
public class PartyService extends RecordService<Party, PartyInput, PartyView> {

    static final String RECORD = "party";

    public static final SortOrder SORT = new SortOrder(
            Map.of(
                    "name", "nameKey",
                    "acronym", "acronym",
                    "country", "country",
                    "kind", "kind",
                    "createdAt", "createdAt",
                    "updatedAt", "updatedAt"),
            "name");

    private PartyRepository parties;
    private PartyReferences agreements;
    private PartyMapper mapper;

    /** For the container's proxies only. */
    PartyService() {}

    @Inject
    PartyService(PartyRepository parties, PartyReferences agreements, PartyMapper mapper, RecordPlumbing plumbing) {
        super(RECORD, PartyInput.class, parties, agreements, plumbing, mapper);
        this.parties = parties;
        this.agreements = agreements;
        this.mapper = mapper;
    }

    /** A page of the parties within the caller's clearance, and how many there are. */
    public PageView<PartyView> list(PageParams params) {
        List<Classification> visible = callers().current().clearance().andBelow();
        List<PartyView> items = parties.page(visible, SORT.parse(params.sort), params.index(), params.size()).stream()
                .map(mapper::toView)
                .toList();
        return PageView.of(items, params, parties.count(visible));
    }

    /**
     * What each of these parties is found by in a text search (name, acronym, aliases: {@link Party#searchableNames}),
     * aliases fetched in the same query; for parties the caller already sees in an answer.
     */
    public Map<UUID, List<String>> searchableNames(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return parties
                .list(
                        "select distinct p from Party p left join fetch p.aliases left join fetch p.editorialAliases where p.id in ?1",
                        ids)
                .stream()
                .collect(Collectors.toMap(Party::getId, Party::searchableNames));
    }

    /** The ids of the parties with this name that the caller may see (a CSV import names parties so). */
    public List<UUID> visibleNamed(String name) {
        return parties.named(name).stream()
                .filter(p -> callers().current().sees(p.getClassification()))
                .map(Party::getId)
                .toList();
    }

    @Override
    protected Party newEntity(UUID id) {
        return new Party(id);
    }

    @Override
    protected String referredToBy(UUID id) {
        return "Party " + id + " is still named by agreements; remove it from them, or delete them, first";
    }

    /**
     * Copies the input onto the party once its name is known to be free; when a stored party's names or classification
     * change, the agreements naming it follow (their search words hold its names, their documents its summary).
     */
    @Override
    protected void apply(PartyInput input, Classification classification, Party party) {
        requireUniqueName(input, party.getId());
        boolean stored = party.getCreatedAt() != null;
        List<String> namesBefore = party.searchableNames();
        String countryBefore = party.getCountry();
        Classification before = party.getClassification();
        mapper.update(input, party);
        party.setClassification(classification);
        if (stored
                && (!party.searchableNames().equals(namesBefore)
                        || !party.getCountry().equals(countryBefore)
                        || classification != before)) {
            agreements.partyChanged(party.getId());
        }
    }

    /**
     * Names are unique within a country across every classification, so a caller may learn that a party it cannot see
     * holds a name (docs/SECURITY.md); the answer then names neither the party's id nor its spelling.
     */
    private void requireUniqueName(PartyInput input, UUID self) {
        parties.findByName(input.country(), input.name())
                .filter(existing -> !existing.getId().equals(self))
                .ifPresent(existing -> {
                    if (!callers().current().sees(existing.getClassification())) {
                        throw ProblemException.conflict("A party with this name already exists in "
                                + existing.getCountry() + "; choose another name");
                    }
                    throw ProblemException.conflict("A party named '" + existing.getName() + "' already exists in "
                            + existing.getCountry() + " with id " + existing.getId());
                });
    }
}
