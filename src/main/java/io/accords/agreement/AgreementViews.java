package io.accords.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.history.SnapshotLens;
import io.accords.security.Callers;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Agreements as the current caller may see them ({@link AgreementView#seenThrough}): live ones from their entities,
 * stored snapshots (history, replays of idempotent creates) against the classifications their links have now.
 */
@ApplicationScoped
public class AgreementViews implements SnapshotLens {

    private final AgreementMapper mapper;
    private final Callers callers;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AgreementReadModel readModel;

    AgreementViews(
            AgreementMapper mapper,
            Callers callers,
            EntityManager entityManager,
            ObjectMapper json,
            AgreementReadModel readModel) {
        this.readModel = readModel;
        this.mapper = mapper;
        this.callers = callers;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The whole record, as the history keeps it. */
    AgreementView whole(Agreement agreement) {
        return mapper.toView(agreement);
    }

    /** The agreement as the current caller sees it. */
    public AgreementView of(Agreement agreement) {
        return of(agreement, callers.current().clearance());
    }

    /** The agreement as a caller of this clearance sees it; for work that outlives the request, such as an export. */
    public AgreementView of(Agreement agreement, Classification clearance) {
        AgreementView whole = mapper.toView(agreement);
        if (clearance.isHighest()) {
            return whole;
        }
        Map<UUID, Classification> parties = new HashMap<>();
        agreement
                .getParties()
                .forEach(p -> parties.put(p.getParty().getId(), p.getParty().getClassification()));
        return whole.seenThrough(
                parentId -> clearance.allows(agreement.getParent().getClassification()),
                partyId -> clearance.allows(parties.get(partyId)));
    }

    /**
     * A stored agreement as the current caller may see it, judged by what its links are classified now: one query for
     * its parties and parent together, none for a caller cleared for everything.
     */
    public AgreementView of(AgreementView stored) {
        return seenBy(List.of(stored), callers.current().clearance()).get(0);
    }

    /**
     * Agreements read with {@link StoredAgreement#SELECT}, as a caller of this clearance sees them: from their
     * documents, with one query for the visibility of every party and parent they link to (none for a caller cleared
     * for everything). One stored before documents existed is read whole, until the start-up fill reaches it.
     */
    public List<AgreementView> ofStored(List<StoredAgreement> rows, Classification clearance) {
        List<AgreementView> whole = rows.stream()
                .map(row -> readModel.read(row).orElseGet(() -> whole(entityManager.find(Agreement.class, row.id()))))
                .toList();
        return seenBy(whole, clearance);
    }

    /** Stored views as a caller of this clearance sees them, judged by what their links are classified now. */
    private List<AgreementView> seenBy(List<AgreementView> stored, Classification clearance) {
        if (clearance.isHighest()) {
            return stored;
        }
        Set<UUID> parties = stored.stream()
                .flatMap(view -> view.parties().stream())
                .map(p -> p.party().id())
                .collect(Collectors.toSet());
        Set<UUID> parents = stored.stream()
                .map(AgreementView::parentId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<UUID> visible = visible(parties, parents, clearance);
        return stored.stream()
                .map(view -> view.seenThrough(visible::contains, visible::contains))
                .toList();
    }

    @Override
    public String recordType() {
        return AgreementService.RECORD;
    }

    @Override
    public JsonNode visible(JsonNode snapshot) {
        try {
            return json.valueToTree(of(json.treeToValue(snapshot, AgreementView.class)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored agreement cannot be read", e);
        }
    }

    /** Those of the parties and the parent that exist and are within the caller's clearance, in one query. */
    private Set<UUID> visible(Set<UUID> parties, Set<UUID> parents, Classification clearance) {
        List<String> selects = new ArrayList<>(2);
        if (!parties.isEmpty()) {
            selects.add("select p.id from Party p where p.id in :parties and p.classification in :visible");
        }
        if (!parents.isEmpty()) {
            selects.add("select a.id from Agreement a where a.id in :parents and a.classification in :visible");
        }
        if (selects.isEmpty()) {
            return Set.of();
        }
        TypedQuery<UUID> query = entityManager
                .createQuery(String.join(" union all ", selects), UUID.class)
                .setParameter("visible", clearance.andBelow());
        if (!parties.isEmpty()) {
            query.setParameter("parties", parties);
        }
        if (!parents.isEmpty()) {
            query.setParameter("parents", parents);
        }
        return Set.copyOf(query.getResultList());
    }
}
