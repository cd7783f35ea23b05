package io.accords.milestone;

import io.accords.agreement.Agreement;
import io.accords.agreement.AgreementRemoval;
import io.accords.agreement.AgreementService;
import io.accords.agreement.Participant;
import io.accords.history.Revision;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.Versions;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.accords.party.Party;
import io.accords.record.RecordPlumbing;
import io.accords.record.RecordService;
import io.accords.record.Referrers;
import io.accords.security.Caller;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules for milestones: each belongs to one agreement, named by the path, and is seen only by callers who may see
 * both it and its agreement; its responsible party is one of the agreement's; a quantity is for deliveries and a date
 * met for milestones met. Versions, If-Match and history as for every record.
 */
@ApplicationScoped
@Transactional
public class MilestoneService extends RecordService<Milestone, MilestoneInput, MilestoneView> {

    static final String RECORD = "milestone";

    private MilestoneRepository milestones;
    private AgreementService agreements;
    private MilestoneMapper mapper;
    private RecordPlumbing plumbing;

    /** For the container's proxies only. */
    MilestoneService() {}

    @Inject
    MilestoneService(
            MilestoneRepository milestones,
            AgreementService agreements,
            MilestoneMapper mapper,
            RecordPlumbing plumbing) {
        super(RECORD, MilestoneInput.class, milestones, Referrers.NONE, plumbing, mapper);
        this.milestones = milestones;
        this.agreements = agreements;
        this.mapper = mapper;
        this.plumbing = plumbing;
    }

    /** Creates a milestone of an agreement the caller may see (404 otherwise). */
    @Override
    public MilestoneView add(UUID agreementId, MilestoneInput input) {
        Agreement agreement = agreement(agreementId);
        return create(input.under(agreementId, agreement.getClassification()));
    }

    /** Creates a milestone with an id chosen by the caller; used by the seed loader. */
    @Override
    public MilestoneView add(UUID agreementId, UUID id, MilestoneInput input) {
        Agreement agreement = agreement(agreementId);
        return create(id, input.under(agreementId, agreement.getClassification()));
    }

    /** A milestone stays under the agreement it was added to, whatever the body says. */
    @Override
    public MilestoneView replace(UUID agreementId, UUID id, Versions.IfMatch expected, MilestoneInput input) {
        requireUnder(agreementId, id);
        return replace(id, expected, input.under(agreementId, null));
    }

    /**
     * The milestone must be one the caller may see under the agreement the path names; a deleted milestone's past only
     * while its agreement is one the caller may see. Otherwise the same answer as for a milestone that never was.
     */
    @Override
    protected void requireUnder(UUID agreementId, UUID id) {
        Optional<Milestone> seen = seen(id);
        if (seen.isPresent()
                ? !seen.get().getAgreement().getId().equals(agreementId)
                : visibleAgreement(agreementId).isEmpty()) {
            throw ProblemException.notFound(RECORD, id);
        }
    }

    /** A page of the milestones the filter selects, by due date, within the caller's clearance. */
    public PageView<MilestoneView> list(MilestoneFilter filter, PageParams page) {
        if (filter.agreement() != null) {
            agreement(filter.agreement());
        }
        List<Classification> visible = callers().current().clearance().andBelow();
        List<MilestoneView> items = milestones.page(filter, visible, page.index() * page.size(), page.size()).stream()
                .map(this::view)
                .toList();
        return PageView.of(items, page, milestones.count(filter, visible));
    }

    /** Up to {@code limit} milestones and agreement expiries the filter selects, for the calendar. */
    public MilestoneCalendar.Entries calendar(MilestoneFilter filter, int limit) {
        List<Classification> visible = callers().current().clearance().andBelow();
        List<MilestoneView> due = milestones.page(filter, visible, 0, limit).stream()
                .map(this::view)
                .toList();
        List<MilestoneRepository.Expiry> expiring =
                filter.includesExpiries() ? milestones.expiries(filter, visible, limit) : List.of();
        return new MilestoneCalendar.Entries(due, expiring);
    }

    /**
     * An agreement's milestones go with it, each leaving its deletion in the history; when the caller may not see one
     * of them, the delete is refused like any other that hidden records stand in the way of, and nothing goes.
     */
    void agreementRemoved(@Observes AgreementRemoval removal) {
        List<Milestone> belonging = milestones.list("agreement.id", removal.agreementId());
        Caller caller = callers().current();
        if (belonging.stream().anyMatch(milestone -> !caller.sees(milestone.getClassification()))) {
            throw ProblemException.inTheWay(
                    "Agreement " + removal.agreementId() + " cannot be deleted with what belongs to it",
                    List.of(),
                    true);
        }
        for (Milestone milestone : belonging) {
            plumbing.history()
                    .record(
                            RECORD,
                            milestone.getId(),
                            milestone.getVersion(),
                            Revision.Action.DELETED,
                            milestone.getClassification(),
                            null,
                            audience(milestone),
                            snapshot(milestone));
            milestones.delete(milestone);
        }
    }

    /** A milestone's changes are seen by who may see it and its agreement. */
    @Override
    protected Classification audience(Milestone milestone) {
        Classification own = milestone.getClassification();
        Classification agreement = milestone.getAgreement().getClassification();
        return own.compareTo(agreement) >= 0 ? own : agreement;
    }

    /** A milestone is visible when the caller may see it and its agreement. */
    @Override
    protected Milestone find(UUID id) {
        return seen(id).orElseThrow(() -> ProblemException.notFound(RECORD, id));
    }

    /** The milestone when the caller may see it and its agreement; empty otherwise. */
    private Optional<Milestone> seen(UUID id) {
        Caller caller = callers().current();
        return milestones
                .findByIdOptional(id)
                .filter(m -> caller.sees(m.getClassification())
                        && caller.sees(m.getAgreement().getClassification()));
    }

    /** The agreement, or 404 when there is none or it is above the caller's clearance. */
    private Agreement agreement(UUID agreementId) {
        return visibleAgreement(agreementId).orElseThrow(() -> ProblemException.notFound("agreement", agreementId));
    }

    private Optional<Agreement> visibleAgreement(UUID agreementId) {
        return agreements.visibleTo(agreementId, callers().current());
    }

    @Override
    protected Milestone newEntity(UUID id) {
        return new Milestone(id);
    }

    @Override
    protected MilestoneView view(Milestone milestone) {
        MilestoneView whole = mapper.toView(milestone);
        return hiddenFrom(callers().current(), milestone.getResponsible()) == null ? whole : whole.withoutResponsible();
    }

    @Override
    protected MilestoneInput inputOf(Milestone milestone) {
        MilestoneInput input = mapper.toInput(milestone);
        return view(milestone).responsiblePartyId() == null && input.responsiblePartyId() != null
                ? input.withoutResponsible()
                : input;
    }

    /**
     * Copies the input onto the milestone once it is consistent. A responsible party hidden from the caller is unknown
     * to its input, and so kept as it is.
     */
    @Override
    protected void apply(MilestoneInput input, Classification classification, Milestone milestone) {
        Caller caller = callers().current();
        Agreement agreement =
                milestone.getAgreement() != null ? milestone.getAgreement() : agreement(input.agreementId());
        List<FieldViolation> errors = new ArrayList<>();
        if (input.quantity() != null && input.kind() != MilestoneKind.DELIVERY) {
            errors.add(new FieldViolation("quantity", "is for a DELIVERY; leave it out for a " + input.kind()));
        }
        if (input.met() != null && input.status() != MilestoneStatus.MET) {
            errors.add(new FieldViolation("met", "is the day it was met; set status MET, or leave met out"));
        }
        Party hiddenResponsible = hiddenFrom(caller, milestone.getResponsible());
        Party responsible = hiddenResponsible != null && input.responsiblePartyId() == null
                ? hiddenResponsible
                : responsible(input.responsiblePartyId(), agreement, caller, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        mapper.update(input, milestone);
        milestone.setAgreement(agreement);
        milestone.setResponsible(responsible);
        milestone.setClassification(classification);
    }

    /** One of the agreement's parties the caller may see (an unseen one is as unknown as a missing one). */
    private static Party responsible(UUID partyId, Agreement agreement, Caller caller, List<FieldViolation> errors) {
        if (partyId == null) {
            return null;
        }
        Party party = agreement.getParties().stream()
                .map(Participant::getParty)
                .filter(p -> p.getId().equals(partyId) && caller.sees(p.getClassification()))
                .findFirst()
                .orElse(null);
        if (party == null) {
            errors.add(new FieldViolation(
                    "responsiblePartyId", "party " + partyId + " is not a party of agreement " + agreement.getId()));
        }
        return party;
    }
}
