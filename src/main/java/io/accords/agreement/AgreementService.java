package io.accords.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.common.MergePatch;
import io.accords.common.Versions;
import io.accords.paging.SortOrder;
import io.accords.party.Party;
import io.accords.party.PartyRepository;
import io.accords.problem.FieldViolation;
import io.accords.problem.ProblemException;
import io.accords.history.History;
import io.accords.history.Revision;
import io.accords.history.RevisionView;
import io.accords.paging.PageParams;
import io.accords.paging.PageView;
import io.accords.security.Callers;
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

    private static final String RECORD = "agreement";

    public static final SortOrder SORT = new SortOrder(Map.of(
            "title", "title",
            "type", "type",
            "status", "status",
            "announced", "announced.first",
            "signed", "signed.first",
            "effective", "effective.first",
            "expires", "expires.first",
            "createdAt", "createdAt",
            "updatedAt", "updatedAt"), "-signed,title");

    private final AgreementRepository agreements;
    private final PartyRepository parties;
    private final AgreementMapper mapper;
    private final MergePatch mergePatch;
    private final Callers callers;
    private final History history;

    AgreementService(AgreementRepository agreements, PartyRepository parties, AgreementMapper mapper,
            MergePatch mergePatch, Callers callers, History history) {
        this.agreements = agreements;
        this.parties = parties;
        this.mapper = mapper;
        this.mergePatch = mergePatch;
        this.callers = callers;
        this.history = history;
    }

    public AgreementView get(UUID id) {
        return mapper.toView(find(id));
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
        apply(input, agreement);
        agreements.persist(agreement);
        agreements.flush();
        return recorded(agreement, Revision.Action.CREATED);
    }

    public AgreementView replace(UUID id, long expectedVersion, AgreementInput input) {
        Agreement agreement = find(id);
        Versions.require(agreement.getVersion(), expectedVersion, "agreement");
        return update(agreement, input);
    }

    public AgreementView patch(UUID id, long expectedVersion, JsonNode patch) throws JsonProcessingException {
        Agreement agreement = find(id);
        Versions.require(agreement.getVersion(), expectedVersion, "agreement");
        return update(agreement, mergePatch.apply(mapper.toInput(agreement), patch, AgreementInput.class));
    }

    public void delete(UUID id, long expectedVersion) {
        Agreement agreement = find(id);
        Versions.require(agreement.getVersion(), expectedVersion, "agreement");
        if (agreements.countChildren(id) > 0) {
            // Lists only the children the caller may see.
            throw ProblemException.conflict("Agreement " + id + " is the parent of other agreements;"
                    + " change their parentId, or delete them, first",
                    agreements.children(id, callers.current().clearance().andBelow(), 20));
        }
        recorded(agreement, Revision.Action.DELETED);
        agreements.delete(agreement);
        agreements.flush();
    }

    private AgreementView update(Agreement agreement, AgreementInput input) {
        apply(input, agreement);
        agreements.flush();
        return recorded(agreement, Revision.Action.UPDATED);
    }

    /** Writes the revision in this transaction (which also counts the change). */
    private AgreementView recorded(Agreement agreement, Revision.Action action) {
        AgreementView view = mapper.toView(agreement);
        history.record(RECORD, agreement.getId(), agreement.getVersion(), action, agreement.getClassification(), view);
        return view;
    }

    /** The agreement, or 404 when there is none or it is above the caller's clearance (so existence never leaks). */
    private Agreement find(UUID id) {
        return agreements.findByIdOptional(id).filter(a -> callers.current().sees(a.getClassification()))
                .orElseThrow(() -> ProblemException.notFound(RECORD, id));
    }

    /** Checks what only the database can tell, then copies the input onto the entity. */
    private void apply(AgreementInput input, Agreement agreement) {
        List<FieldViolation> errors = new ArrayList<>();
        List<Participant> participants = resolveParties(input.parties(), errors);
        Agreement parent = resolveParent(input.parentId(), agreement, errors);
        rejectDuplicates("systems", input.systems(), errors);
        rejectDuplicates("tags", input.tags(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Classification clearance = callers.current().clearance();
        if (input.classification() != null && !clearance.allows(input.classification())) {
            throw ProblemException.forbidden("classification " + input.classification() + " is above your clearance "
                    + clearance + "; choose " + String.join(" or ", clearance.andBelow().stream().map(Enum::name)
                            .toList()));
        }
        mapper.update(input, agreement);
        agreement.getParties().clear();
        agreement.getParties().addAll(participants);
        agreement.setParent(parent);
        agreement.refreshSearchText();
    }

    private List<Participant> resolveParties(List<AgreementInput.Participation> input, List<FieldViolation> errors) {
        List<Participant> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            AgreementInput.Participation participation = input.get(i);
            Party party = parties.findById(participation.partyId());
            if (party == null) {
                errors.add(new FieldViolation("parties[" + i + "].partyId",
                        "no party has id " + participation.partyId() + "; create it first"));
            } else if (!seen.add(participation.partyId() + "/" + participation.role())) {
                errors.add(new FieldViolation("parties[" + i + "]",
                        "lists party " + participation.partyId() + " as " + participation.role() + " twice"));
            } else {
                resolved.add(new Participant(party, participation.role()));
            }
        }
        return resolved;
    }

    private Agreement resolveParent(UUID parentId, Agreement self, List<FieldViolation> errors) {
        if (parentId == null) {
            return null;
        }
        if (parentId.equals(self.getId())) {
            errors.add(new FieldViolation("parentId", "an agreement cannot be its own parent"));
            return null;
        }
        Agreement parent = agreements.findByIdOptional(parentId)
                .filter(p -> callers.current().sees(p.getClassification())).orElse(null);
        if (parent == null) {
            errors.add(new FieldViolation("parentId", "no agreement has id " + parentId));
            return null;
        }
        for (Agreement ancestor = parent.getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            if (ancestor.getId().equals(self.getId())) {
                errors.add(new FieldViolation("parentId", "would make agreement " + self.getId()
                        + " its own ancestor"));
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
