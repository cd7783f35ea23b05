package io.accords.party;

import io.accords.paging.PageParams;
import io.accords.paging.PageView;
import io.accords.paging.SortOrder;
import io.accords.problem.ProblemException;
import io.accords.problem.RecordReference;
import io.accords.agreement.AgreementRepository;
import io.accords.common.MergePatch;
import io.accords.common.Versions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.ops.RecordChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The rules for parties: unique names within a country, and no deleting a party that agreements still name. */
@ApplicationScoped
@Transactional
public class PartyService {

    private static final String RECORD = "party";

    public static final SortOrder SORT = new SortOrder(Map.of(
            "name", "nameKey",
            "acronym", "acronym",
            "country", "country",
            "kind", "kind",
            "createdAt", "createdAt",
            "updatedAt", "updatedAt"), "name");

    private final PartyRepository parties;
    private final AgreementRepository agreements;
    private final PartyMapper mapper;
    private final MergePatch mergePatch;
    private final Event<RecordChange> changes;

    PartyService(PartyRepository parties, AgreementRepository agreements, PartyMapper mapper, MergePatch mergePatch,
            Event<RecordChange> changes) {
        this.parties = parties;
        this.agreements = agreements;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.changes = changes;
    }

    public PageView<PartyView> list(PageParams params) {
        List<PartyView> items = parties.page(SORT.parse(params.sort), params.index(), params.size()).stream()
                .map(mapper::toView).toList();
        return PageView.of(items, params, parties.count());
    }

    public PartyView get(UUID id) {
        return mapper.toView(find(id));
    }

    public PartyView create(PartyInput input) {
        return create(UUID.randomUUID(), input);
    }

    /** Creates a party with an id chosen by the caller; used by the seed loader. */
    public PartyView create(UUID id, PartyInput input) {
        requireUniqueName(input, null);
        Party party = new Party(id);
        mapper.update(input, party);
        parties.persist(party);
        parties.flush();
        changes.fire(new RecordChange(RECORD, RecordChange.Kind.CREATED));
        return mapper.toView(party);
    }

    public PartyView replace(UUID id, Long expectedVersion, PartyInput input) {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        return update(party, input);
    }

    public PartyView patch(UUID id, Long expectedVersion, JsonNode patch) throws JsonProcessingException {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        return update(party, mergePatch.apply(mapper.toInput(party), patch, PartyInput.class));
    }

    public void delete(UUID id, Long expectedVersion) {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        List<RecordReference> naming = agreements.namingParty(id, 20);
        if (!naming.isEmpty()) {
            long count = agreements.countNamingParty(id);
            throw ProblemException.conflict("Party " + id + " is still named by " + count
                    + (count == 1 ? " agreement" : " agreements")
                    + "; remove it from them, or delete them, first", naming);
        }
        parties.delete(party);
        parties.flush();
        changes.fire(new RecordChange(RECORD, RecordChange.Kind.DELETED));
    }

    Party find(UUID id) {
        return parties.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("party", id));
    }

    private PartyView update(Party party, PartyInput input) {
        requireUniqueName(input, party.getId());
        List<String> namesBefore = party.searchableNames();
        mapper.update(input, party);
        if (!party.searchableNames().equals(namesBefore)) {
            agreements.refreshSearchTextNaming(party.getId());
        }
        parties.flush();
        changes.fire(new RecordChange(RECORD, RecordChange.Kind.UPDATED));
        return mapper.toView(party);
    }

    private void requireUniqueName(PartyInput input, UUID self) {
        parties.findByName(input.country(), input.name())
                .filter(existing -> !existing.getId().equals(self))
                .ifPresent(existing -> {
                    throw ProblemException.conflict("A party named '" + existing.getName() + "' already exists in "
                            + existing.getCountry() + " with id " + existing.getId());
                });
    }
}
