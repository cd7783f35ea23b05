package io.accords.agreement;

import io.accords.common.SourceInput;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import io.accords.occasion.Occasion;
import io.accords.occasion.OccasionService;
import io.accords.party.Party;
import io.accords.party.PartyService;
import io.accords.record.RecordPlumbing;
import io.accords.record.RecordService;
import io.accords.security.Caller;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The rules for agreements: parties, parent, related agreements and occasion must exist, identifiers name one agreement
 * each, and every write is all-or-nothing.
 */
@ApplicationScoped
@Transactional
public class AgreementService extends RecordService<Agreement, AgreementInput, AgreementView> {

    static final String RECORD = "agreement";

    private AgreementRepository agreements;
    private PartyService parties;
    private AgreementMapper mapper;
    private AgreementViews views;
    private AgreementReadModel readModel;
    private OccasionService occasions;
    private AgreementGraph graph;
    private Event<AgreementRemoval> removals;

    /** For the container's proxies only. */
    AgreementService() {}

    @Inject
    AgreementService(
            AgreementRepository agreements,
            ChildAgreements children,
            PartyService parties,
            AgreementMapper mapper,
            AgreementViews views,
            AgreementReadModel readModel,
            OccasionService occasions,
            AgreementGraph graph,
            Event<AgreementRemoval> removals,
            RecordPlumbing plumbing) {
        super(RECORD, AgreementInput.class, agreements, children, plumbing);
        this.agreements = agreements;
        this.parties = parties;
        this.mapper = mapper;
        this.views = views;
        this.readModel = readModel;
        this.occasions = occasions;
        this.graph = graph;
        this.removals = removals;
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

    /** The relations around an agreement the caller may see, up to {@code depth} steps away; 404 as {@link #get}. */
    public RelationGraph relations(UUID id, int depth) {
        requireVisible(id);
        return graph.around(id, depth, callers().current().clearance());
    }

    /** The input that writes an agreement as an export shows it (an import's row). */
    public AgreementInput inputOf(AgreementView exported) {
        return mapper.toInput(exported);
    }

    /**
     * The agreement the caller may see that holds an identifier in another register, if any (an import matches rows by
     * them): one above the caller's clearance is none, so a row never learns its id.
     */
    public Optional<UUID> visibleHolderOf(String scheme, String value) {
        return agreements
                .withIdentifier(scheme, value)
                .filter(holder -> callers().current().sees(holder.getClassification()))
                .map(Agreement::getId);
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

    /** What belongs to the agreement (its milestones) goes with it, in the same transaction. */
    @Override
    protected void deleting(Agreement agreement) {
        removals.fire(new AgreementRemoval(agreement.getId()));
    }

    @Override
    protected String referredToBy(UUID id) {
        return "Agreement " + id + " is the parent of other agreements or they relate to it; change their parentId"
                + " or relations, or delete them, first";
    }

    /**
     * Checks what only the database can tell, then copies the input onto the entity. Parties, a parent, related
     * agreements and an occasion hidden from the caller are unknown to its input, and so kept as they are: a caller can
     * neither see nor sever such a link.
     */
    @Override
    protected void apply(AgreementInput input, Classification classification, Agreement agreement) {
        Caller caller = callers().current();
        List<Participant> hiddenParties = agreement.getParties().stream()
                .filter(p -> !caller.sees(p.getParty().getClassification()))
                .toList();
        Agreement hiddenParent = hiddenFrom(caller, agreement.getParent());
        List<AgreementRelation> hiddenRelations = agreement.getRelations().stream()
                .filter(r -> !caller.sees(r.getTarget().getClassification()))
                .toList();
        Occasion hiddenOccasion = hiddenFrom(caller, agreement.getOccasion());
        Set<UUID> hiddenPartyIds =
                hiddenParties.stream().map(p -> p.getParty().getId()).collect(Collectors.toSet());
        List<Claim> hiddenClaims = agreement.getClaims().stream()
                .filter(c -> hiddenPartyIds.contains(Facts.partyOf(c.getFact())))
                .toList();
        List<FieldViolation> errors = new ArrayList<>();
        List<Claim> claims = resolveClaims(input, errors);
        List<Participant> participants = resolveParties(input.parties(), caller, errors);
        Agreement parent = hiddenParent != null && input.parentId() == null
                ? hiddenParent
                : resolveParent(input.parentId(), agreement, caller, errors);
        List<AgreementRelation> relations = resolveRelations(input.relations(), agreement, caller, errors);
        Occasion occasion = hiddenOccasion != null && input.occasionId() == null
                ? hiddenOccasion
                : resolveOccasion(input.occasionId(), caller, errors);
        List<AgreementIdentifier> identifiers = resolveIdentifiers(input.identifiers(), agreement, caller, errors);
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
        agreement.getRelations().clear();
        agreement.getRelations().addAll(relations);
        agreement.getRelations().addAll(hiddenRelations);
        agreement.setOccasion(occasion);
        agreement.getClaims().clear();
        agreement.getClaims().addAll(claims);
        agreement.getClaims().addAll(hiddenClaims);
        agreement.getIdentifiers().retainAll(identifiers);
        agreement.getIdentifiers().addAll(identifiers);
        readModel.refresh(agreement);
    }

    /**
     * The claims, each citing a fact the agreement holds, once, with sources among the agreement's own; a STATED or
     * REPORTED fact needs a source, an INFERRED one a note saying why.
     */
    private static List<Claim> resolveClaims(AgreementInput input, List<FieldViolation> errors) {
        List<String> facts = Facts.of(input);
        Set<String> factKeys = facts.stream().map(Facts::key).collect(Collectors.toSet());
        Set<String> urls = input.sources() == null
                ? Set.of()
                : input.sources().stream()
                        .filter(source -> source != null)
                        .map(SourceInput::url)
                        .collect(Collectors.toSet());
        Set<String> seen = new HashSet<>();
        List<Claim> resolved = new ArrayList<>();
        for (int i = 0; i < input.claims().size(); i++) {
            AgreementInput.Claim claim = input.claims().get(i);
            String field = "claims[" + i + "]";
            String key = Facts.key(claim.fact());
            if (!factKeys.contains(key)) {
                errors.add(new FieldViolation(
                        field + ".fact",
                        "names no fact of this agreement: " + claim.fact() + "; it holds "
                                + String.join(", ", facts.subList(0, Math.min(facts.size(), 20)))
                                + (facts.size() > 20 ? ", …" : "")));
                continue;
            }
            if (!seen.add(key)) {
                errors.add(new FieldViolation(
                        field + ".fact", "cites " + claim.fact() + " a second time; give one claim all its sources"));
                continue;
            }
            for (int j = 0; j < claim.sources().size(); j++) {
                if (!urls.contains(claim.sources().get(j))) {
                    errors.add(new FieldViolation(
                            field + ".sources[" + j + "]",
                            "is not one of this agreement's sources; add it to sources first"));
                }
            }
            if (claim.basis() != Basis.INFERRED && claim.sources().isEmpty()) {
                errors.add(new FieldViolation(
                        field + ".sources",
                        "a " + claim.basis() + " fact needs the source that "
                                + (claim.basis() == Basis.STATED ? "states" : "reports") + " it"));
            }
            if (claim.basis() == Basis.INFERRED
                    && (claim.note() == null || claim.note().isBlank())) {
                errors.add(new FieldViolation(field + ".note", "say why an editor reads the fact so"));
            }
            resolved.add(new Claim(claim.fact(), claim.basis(), claim.sources(), claim.note()));
        }
        return resolved;
    }

    /** The agreements related to, each existing, visible, not this one, and each kind and agreement once. */
    private List<AgreementRelation> resolveRelations(
            List<AgreementInput.Relation> input, Agreement self, Caller caller, List<FieldViolation> errors) {
        List<AgreementRelation> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            AgreementInput.Relation relation = input.get(i);
            String field = "relations[" + i + "]";
            if (relation.kind() == RelationKind.IMPLEMENTS) {
                errors.add(new FieldViolation(
                        field + ".kind", "IMPLEMENTS is written as parentId: name the framework agreement there"));
                continue;
            }
            if (relation.agreementId().equals(self.getId())) {
                errors.add(new FieldViolation(field + ".agreementId", "an agreement cannot relate to itself"));
                continue;
            }
            Agreement target = agreements
                    .findByIdOptional(relation.agreementId())
                    .filter(a -> caller.sees(a.getClassification()))
                    .orElse(null);
            if (target == null) {
                errors.add(new FieldViolation(field + ".agreementId", "no agreement has id " + relation.agreementId()));
            } else if (!seen.add(relation.kind() + "/" + relation.agreementId())) {
                errors.add(new FieldViolation(
                        field, "lists " + relation.kind() + " " + relation.agreementId() + " twice"));
            } else {
                resolved.add(new AgreementRelation(relation.kind(), target, relation.note(), relation.source()));
            }
        }
        return resolved;
    }

    private Occasion resolveOccasion(UUID occasionId, Caller caller, List<FieldViolation> errors) {
        if (occasionId == null) {
            return null;
        }
        Occasion occasion = occasions.visibleTo(occasionId, caller).orElse(null);
        if (occasion == null) {
            errors.add(new FieldViolation("occasionId", "no occasion has id " + occasionId + "; create it first"));
        }
        return occasion;
    }

    /**
     * Identifiers free to take: each scheme and value names one agreement. When the one holding it is hidden from the
     * caller, the answer does not say which it is.
     */
    private List<AgreementIdentifier> resolveIdentifiers(
            List<AgreementInput.Identifier> input, Agreement self, Caller caller, List<FieldViolation> errors) {
        List<AgreementIdentifier> resolved = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            AgreementInput.Identifier identifier = input.get(i);
            AgreementIdentifier pair = new AgreementIdentifier(identifier.scheme(), identifier.value());
            if (resolved.contains(pair)) {
                errors.add(new FieldViolation(
                        "identifiers[" + i + "]", "repeats " + identifier.scheme() + ":" + identifier.value()));
                continue;
            }
            resolved.add(pair);
            agreements
                    .withIdentifier(identifier.scheme(), identifier.value())
                    .filter(holder -> !holder.getId().equals(self.getId()))
                    .ifPresent(holder -> {
                        throw ProblemException.conflict("Identifier " + identifier.scheme() + ":" + identifier.value()
                                + " already names "
                                + (caller.sees(holder.getClassification())
                                        ? "agreement " + holder.getId()
                                        : "another agreement")
                                + "; one identifier names one agreement");
                    });
        }
        return resolved;
    }

    /** The parties named, each existing and within the caller's clearance (a hidden one is as unknown as a missing). */
    private List<Participant> resolveParties(
            List<AgreementInput.Participation> input, Caller caller, List<FieldViolation> errors) {
        List<Participant> resolved = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            AgreementInput.Participation participation = input.get(i);
            Party party = parties.visibleTo(participation.partyId(), caller).orElse(null);
            if (party == null) {
                errors.add(new FieldViolation(
                        "parties[" + i + "].partyId",
                        "no party has id " + participation.partyId() + "; create it first"));
            } else if (!seen.add(participation.partyId() + "/" + participation.role())) {
                errors.add(new FieldViolation(
                        "parties[" + i + "]",
                        "lists party " + participation.partyId() + " as " + participation.role() + " twice"));
            } else {
                resolved.add(new Participant(
                        party,
                        participation.role(),
                        participation.signed(),
                        participation.consented(),
                        participation.withdrawn()));
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
