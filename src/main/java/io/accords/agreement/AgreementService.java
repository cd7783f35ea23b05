package io.accords.agreement;

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
import io.accords.party.Party;
import io.accords.party.PartyRepository;
import io.accords.problem.FieldViolation;
import io.accords.problem.ProblemException;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.accords.security.ClassificationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The rules for agreements: parties and parent must exist, and every write is all-or-nothing. */
@ApplicationScoped
@Transactional
public class AgreementService {

    static final String RECORD = "agreement";

    public static final SortOrder SORT = new SortOrder(
            Map.of(
                    "title", "title",
                    "type", "type",
                    "status", "status",
                    "announced", "announced.first",
                    "signed", "signed.first",
                    "effective", "effective.first",
                    "expires", "expires.first",
                    "createdAt", "createdAt",
                    "updatedAt", "updatedAt"),
            "-signed,title");

    private final AgreementRepository agreements;
    private final PartyRepository parties;
    private final AgreementMapper mapper;
    private final AgreementViews views;
    private final MergePatch mergePatch;
    private final Callers callers;
    private final History history;
    private final SearchWords searchWords;

    AgreementService(
            AgreementRepository agreements,
            PartyRepository parties,
            AgreementMapper mapper,
            AgreementViews views,
            MergePatch mergePatch,
            Callers callers,
            History history,
            SearchWords searchWords) {
        this.agreements = agreements;
        this.parties = parties;
        this.mapper = mapper;
        this.views = views;
        this.mergePatch = mergePatch;
        this.callers = callers;
        this.history = history;
        this.searchWords = searchWords;
    }

    /** The agreement as the caller sees it; 404 when there is none or it is above the caller's clearance. */
    public AgreementView get(UUID id) {
        return views.of(find(id));
    }

    /** The agreement's revisions the caller may see; admins also get those of a deleted agreement. */
    public PageView<RevisionView> history(UUID id, PageParams page) {
        Optional<Agreement> agreement = agreements.findByIdOptional(id);
        if (agreement.isPresent() && !callers.current().sees(agreement.get().getClassification())) {
            throw ProblemException.notFound(RECORD, id);
        }
        return history.of(RECORD, id, agreement.isPresent(), page);
    }

    public AgreementView create(AgreementInput input) {
        return create(UUID.randomUUID(), input);
    }

    /** Creates an agreement with an id chosen by the caller; used by the seed loader. */
    public AgreementView create(UUID id, AgreementInput input) {
        Agreement agreement = new Agreement(id);
        Classification classification = ClassificationRules.forCreate(input.classification(), callers.current());
        apply(input, classification, agreement);
        agreements.persist(agreement);
        agreements.flush();
        return recorded(agreement, Revision.Action.CREATED, null);
    }

    public AgreementView replace(UUID id, Versions.IfMatch expectedVersion, AgreementInput input) {
        Agreement agreement = find(id);
        Versions.require(agreement.getVersion(), expectedVersion, "agreement");
        return update(agreement, input);
    }

    /** Applies a merge patch to the agreement as the caller sees it, so what is hidden from the caller stays. */
    public AgreementView patch(UUID id, Versions.IfMatch expectedVersion, JsonNode patch)
            throws JsonProcessingException {
        Agreement agreement = find(id);
        Versions.require(agreement.getVersion(), expectedVersion, "agreement");
        AgreementInput current = mapper.toInput(views.of(agreement));
        AgreementInput patched = mergePatch.apply(current, patch, AgreementInput.class);
        // A patch that changes nothing writes nothing: no new version, no revision.
        return patched.equals(current) ? views.of(agreement) : update(agreement, patched);
    }

    public void delete(UUID id, Versions.IfMatch expectedVersion) {
        Agreement agreement = find(id);
        Versions.require(agreement.getVersion(), expectedVersion, "agreement");
        long children = agreements.countChildren(id);
        if (children > 0) {
            List<Classification> visible = callers.current().clearance().andBelow();
            throw ProblemException.inTheWay(
                    "Agreement " + id + " is the parent of other agreements; change their"
                            + " parentId, or delete them, first",
                    agreements.children(id, visible, 20),
                    agreements.countChildren(id, visible) < children);
        }
        recorded(agreement, Revision.Action.DELETED, null);
        agreements.delete(agreement);
        agreements.flush();
    }

    private AgreementView update(Agreement agreement, AgreementInput input) {
        Classification before = agreement.getClassification();
        Classification classification =
                ClassificationRules.forChange(RECORD, before, input.classification(), callers.current());
        apply(input, classification, agreement);
        agreements.flush();
        return recorded(
                agreement, Revision.Action.UPDATED, ClassificationRules.declassifiedFrom(before, classification));
    }

    /**
     * Writes the revision, the whole record as it stands, in this transaction (which also counts the change), and
     * answers the record as the caller sees it.
     */
    private AgreementView recorded(Agreement agreement, Revision.Action action, Classification declassifiedFrom) {
        history.record(
                RECORD,
                agreement.getId(),
                agreement.getVersion(),
                action,
                agreement.getClassification(),
                declassifiedFrom,
                views.whole(agreement));
        return views.of(agreement);
    }

    /** The agreement, or 404 when there is none or it is above the caller's clearance (so existence never leaks). */
    private Agreement find(UUID id) {
        return agreements
                .findByIdOptional(id)
                .filter(a -> callers.current().sees(a.getClassification()))
                .orElseThrow(() -> ProblemException.notFound(RECORD, id));
    }

    /**
     * Checks what only the database can tell, then copies the input onto the entity. Parties and a parent hidden from
     * the caller are unknown to its input, and so kept as they are: a caller can neither see nor sever such a link.
     */
    private void apply(AgreementInput input, Classification classification, Agreement agreement) {
        Caller caller = callers.current();
        List<Participant> hiddenParties = agreement.getParties().stream()
                .filter(p -> !caller.sees(p.getParty().getClassification()))
                .toList();
        Agreement hiddenParent = agreement.getParent() != null
                        && !caller.sees(agreement.getParent().getClassification())
                ? agreement.getParent()
                : null;
        List<FieldViolation> errors = new ArrayList<>();
        List<Participant> participants = resolveParties(input.parties(), caller, errors);
        Agreement parent = hiddenParent != null && input.parentId() == null
                ? hiddenParent
                : resolveParent(input.parentId(), agreement, caller, errors);
        rejectDuplicates("systems", input.systems(), errors);
        rejectDuplicates("tags", input.tags(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        mapper.update(input, agreement);
        agreement.setClassification(classification);
        agreement.getParties().clear();
        agreement.getParties().addAll(participants);
        agreement.getParties().addAll(hiddenParties);
        agreement.setParent(parent);
        searchWords.refresh(agreement);
    }

    /** The parties named, each existing and within the caller's clearance (a hidden one is as unknown as a missing). */
    private List<Participant> resolveParties(
            List<AgreementInput.Participation> input, Caller caller, List<FieldViolation> errors) {
        List<Participant> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            AgreementInput.Participation participation = input.get(i);
            Party party = parties.findByIdOptional(participation.partyId())
                    .filter(p -> caller.sees(p.getClassification()))
                    .orElse(null);
            if (party == null) {
                errors.add(new FieldViolation(
                        "parties[" + i + "].partyId",
                        "no party has id " + participation.partyId() + "; create it first"));
            } else if (!seen.add(participation.partyId() + "/" + participation.role())) {
                errors.add(new FieldViolation(
                        "parties[" + i + "]",
                        "lists party " + participation.partyId() + " as " + participation.role() + " twice"));
            } else {
                resolved.add(new Participant(party, participation.role()));
            }
        }
        return resolved;
    }

    private Agreement resolveParent(UUID parentId, Agreement self, Caller caller, List<FieldViolation> errors) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(self.getId())) {
            errors.add(new FieldViolation("parentId", "an agreement cannot be its own parent"));
            return null;
        }
        Agreement parent = agreements
                .findByIdOptional(parentId)
                .filter(p -> caller.sees(p.getClassification()))
                .orElse(null);
        if (parent == null) {
            errors.add(new FieldViolation("parentId", "no agreement has id " + parentId));
            return null;
        }
        for (Agreement ancestor = parent.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor.getId().equals(self.getId())) {
                errors.add(
                        new FieldViolation("parentId", "would make agreement " + self.getId() + " its own ancestor"));
                return null;
            }
        }
        return parent;
    }

    private static void rejectDuplicates(String field, List<String> values, List<FieldViolation> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            if (!seen.add(values.get(i))) {
                errors.add(new FieldViolation(field + "[" + i + "]", "repeats '" + values.get(i) + "'"));
            }
        }
    }
}
