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
import io.accords.agreement.Classification;
import io.accords.history.History;
import io.accords.history.Revision;
import io.accords.history.RevisionView;
import io.accords.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final Callers callers;
    private final History history;

    PartyService(PartyRepository parties, AgreementRepository agreements, PartyMapper mapper, MergePatch mergePatch,
            Callers callers, History history) {
        this.parties = parties;
        this.agreements = agreements;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.callers = callers;
        this.history = history;
    }

    /** The party's revisions; admins also get those of a deleted party. */
    public PageView<RevisionView> history(UUID id, PageParams page) {
        return history.of(RECORD, id, parties.findByIdOptional(id).isPresent(), page);
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
        return recorded(party, Revision.Action.CREATED);
    }

    public PartyView replace(UUID id, long expectedVersion, PartyInput input) {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        return update(party, input);
    }

    public PartyView patch(UUID id, long expectedVersion, JsonNode patch) throws JsonProcessingException {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        return update(party, mergePatch.apply(mapper.toInput(party), patch, PartyInput.class));
    }

    public void delete(UUID id, long expectedVersion) {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        long count = agreements.countNamingParty(id);
        if (count > 0) {
            // Lists only the agreements the caller may see, and does not count the others.
            List<RecordReference> naming = agreements.namingParty(id, callers.current().clearance().andBelow(), 20);
            throw ProblemException.conflict("Party " + id + " is still named by agreements; remove it from them, or"
                    + " delete them, first", naming);
        }
        recorded(party, Revision.Action.DELETED);
        parties.delete(party);
        parties.flush();
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
        return recorded(party, Revision.Action.UPDATED);
    }

    /** Writes the revision in this transaction (which also counts the change). */
    private PartyView recorded(Party party, Revision.Action action) {
        PartyView view = mapper.toView(party);
        history.record(RECORD, party.getId(), party.getVersion(), action, Classification.PUBLIC, view);
        return view;
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
