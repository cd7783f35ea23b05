package io.accords.party;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.common.MergePatch;
import io.accords.common.Versions;
import io.accords.history.History;
import io.accords.history.Revision;
import io.accords.history.RevisionView;
import io.accords.paging.PageParams;
import io.accords.paging.PageView;
import io.accords.paging.SortOrder;
import io.accords.problem.ProblemException;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.accords.security.ClassificationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The rules for parties: unique names within a country, and no deleting a party that agreements still name. */
@ApplicationScoped
@Transactional
public class PartyService {

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

    private final PartyRepository parties;
    private final PartyReferences agreements;
    private final PartyMapper mapper;
    private final MergePatch mergePatch;
    private final Callers callers;
    private final History history;

    PartyService(
            PartyRepository parties,
            PartyReferences agreements,
            PartyMapper mapper,
            MergePatch mergePatch,
            Callers callers,
            History history) {
        this.parties = parties;
        this.agreements = agreements;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.callers = callers;
        this.history = history;
    }

    /** The party's revisions the caller may see; admins also get those of a deleted party. */
    public PageView<RevisionView> history(UUID id, PageParams page) {
        Optional<Party> party = parties.findByIdOptional(id);
        if (party.isPresent() && !callers.current().sees(party.get().getClassification())) {
            throw ProblemException.notFound(RECORD, id);
        }
        return history.of(RECORD, id, party.isPresent(), page);
    }

    /** A page of the parties within the caller's clearance, and how many there are. */
    public PageView<PartyView> list(PageParams params) {
        List<Classification> visible = callers.current().clearance().andBelow();
        List<PartyView> items = parties.page(visible, SORT.parse(params.sort), params.index(), params.size()).stream()
                .map(mapper::toView)
                .toList();
        return PageView.of(items, params, parties.count(visible));
    }

    public PartyView get(UUID id) {
        return mapper.toView(find(id));
    }

    /** Answers 404, exactly as {@link #get} does, unless the party exists and the caller may see it. */
    public void requireVisible(UUID id) {
        find(id);
    }

    public PartyView create(PartyInput input) {
        return create(UUID.randomUUID(), input);
    }

    /** Creates a party with an id chosen by the caller; used by the seed loader. */
    public PartyView create(UUID id, PartyInput input) {
        Classification classification = ClassificationRules.forCreate(input.classification(), callers.current());
        requireUniqueName(input, null);
        Party party = new Party(id);
        mapper.update(input, party);
        party.setClassification(classification);
        parties.persist(party);
        parties.flush();
        return recorded(party, Revision.Action.CREATED, null);
    }

    public PartyView replace(UUID id, Versions.IfMatch expectedVersion, PartyInput input) {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        return update(party, input);
    }

    public PartyView patch(UUID id, Versions.IfMatch expectedVersion, JsonNode patch) throws JsonProcessingException {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        PartyInput current = mapper.toInput(party);
        PartyInput patched = mergePatch.apply(current, patch, PartyInput.class);
        // A patch that changes nothing writes nothing: no new version, no revision.
        return patched.equals(current) ? mapper.toView(party) : update(party, patched);
    }

    public void delete(UUID id, Versions.IfMatch expectedVersion) {
        Party party = find(id);
        Versions.require(party.getVersion(), expectedVersion, "party");
        long count = agreements.count(id);
        if (count > 0) {
            // Lists only the agreements the caller may see, and does not count the others.
            List<Classification> visible = callers.current().clearance().andBelow();
            throw ProblemException.inTheWay(
                    "Party " + id + " is still named by agreements; remove it from them, or" + " delete them, first",
                    agreements.first(id, visible, 20),
                    agreements.count(id, visible) < count);
        }
        recorded(party, Revision.Action.DELETED, null);
        parties.delete(party);
        parties.flush();
    }

    /** The party, or 404 when there is none or it is above the caller's clearance (so existence never leaks). */
    Party find(UUID id) {
        return parties.findByIdOptional(id)
                .filter(p -> callers.current().sees(p.getClassification()))
                .orElseThrow(() -> ProblemException.notFound(RECORD, id));
    }

    private PartyView update(Party party, PartyInput input) {
        Classification before = party.getClassification();
        Classification classification =
                ClassificationRules.forChange(RECORD, before, input.classification(), callers.current());
        requireUniqueName(input, party.getId());
        List<String> namesBefore = party.searchableNames();
        mapper.update(input, party);
        party.setClassification(classification);
        if (!party.searchableNames().equals(namesBefore) || classification != before) {
            agreements.partyChanged(party.getId());
        }
        parties.flush();
        return recorded(party, Revision.Action.UPDATED, ClassificationRules.declassifiedFrom(before, classification));
    }

    /** Writes the revision in this transaction (which also counts the change). */
    private PartyView recorded(Party party, Revision.Action action, Classification declassifiedFrom) {
        PartyView view = mapper.toView(party);
        history.record(
                RECORD, party.getId(), party.getVersion(), action, party.getClassification(), declassifiedFrom, view);
        return view;
    }

    /**
     * Names are unique within a country across every classification, so a caller may learn that a party it cannot see
     * holds a name (docs/SECURITY.md); the answer then names neither the party's id nor its spelling.
     */
    private void requireUniqueName(PartyInput input, UUID self) {
        parties.findByName(input.country(), input.name())
                .filter(existing -> !existing.getId().equals(self))
                .ifPresent(existing -> {
                    if (!callers.current().sees(existing.getClassification())) {
                        throw ProblemException.conflict("A party with this name already exists in "
                                + existing.getCountry() + "; choose another name");
                    }
                    throw ProblemException.conflict("A party named '" + existing.getName() + "' already exists in "
                            + existing.getCountry() + " with id " + existing.getId());
                });
    }
}
