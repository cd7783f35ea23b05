package io.accords.agreement;

import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.accords.party.Party;
import io.accords.party.PartyRepository;
import io.accords.record.RecordPlumbing;
import io.accords.record.RecordService;
import io.accords.security.Caller;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The rules for agreements: parties and parent must exist, and every write is all-or-nothing. */
@ApplicationScoped
@Transactional
public class AgreementService extends RecordService<Agreement, AgreementInput, AgreementView> {

    static final String RECORD = "agreement";

    private AgreementRepository agreements;
    private PartyRepository parties;
    private AgreementMapper mapper;
    private AgreementViews views;
    private AgreementReadModel readModel;

    /** For the container's proxies only. */
    AgreementService() {}

    @Inject
    AgreementService(
            AgreementRepository agreements,
            ChildAgreements children,
            PartyRepository parties,
            AgreementMapper mapper,
            AgreementViews views,
            AgreementReadModel readModel,
            RecordPlumbing plumbing) {
        super(RECORD, AgreementInput.class, agreements, children, plumbing);
        this.agreements = agreements;
        this.parties = parties;
        this.mapper = mapper;
        this.views = views;
        this.readModel = readModel;
    }

    /**
     * The agreement as the caller sees it, from its stored document: one statement, and one more for a caller not
     * cleared for everything (are its parties and parent visible). An agreement stored before documents existed is
     * read whole, until the start-up fill reaches it.
     */
    @Override
    public AgreementView get(UUID id) {
        StoredAgreement stored = visible(id, agreements.stored(id), StoredAgreement::classification);
        return views.ofStored(List.of(stored), callers().current().clearance()).get(0);
    }

    @Override
    protected Agreement newEntity(UUID id) {
        return new Agreement(id);
    }

    @Override
    protected AgreementView view(Agreement agreement) {
        return views.of(agreement);
    }

    @Override
    protected Object snapshot(Agreement agreement) {
        return views.whole(agreement);
    }

    @Override
    protected AgreementInput inputOf(Agreement agreement) {
        return mapper.toInput(views.of(agreement));
    }

    @Override
    protected String referredToBy(UUID id) {
        return "Agreement " + id + " is the parent of other agreements; change their parentId, or delete them, first";
    }

    /**
     * Checks what only the database can tell, then copies the input onto the entity. Parties and a parent hidden from
     * the caller are unknown to its input, and so kept as they are: a caller can neither see nor sever such a link.
     */
    @Override
    protected void apply(AgreementInput input, Classification classification, Agreement agreement) {
        Caller caller = callers().current();
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
        readModel.refresh(agreement);
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
