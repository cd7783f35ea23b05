package io.accords.agreement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.history.SnapshotLens;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    AgreementViews(AgreementMapper mapper, Callers callers, EntityManager entityManager, ObjectMapper json) {
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
        Caller caller = callers.current();
        if (caller.clearance().isHighest()) {
            return stored;
        }
        Set<UUID> parties = stored.parties().stream().map(p -> p.party().id()).collect(Collectors.toSet());
        Set<UUID> visible = visible(parties, stored.parentId(), caller);
        return stored.seenThrough(visible::contains, visible::contains);
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
    private Set<UUID> visible(Set<UUID> parties, UUID parent, Caller caller) {
        List<String> selects = new ArrayList<>(2);
        if (!parties.isEmpty()) {
            selects.add("select p.id from Party p where p.id in :parties and p.classification in :visible");
        }
        if (parent != null) {
            selects.add("select a.id from Agreement a where a.id = :parent and a.classification in :visible");
        }
        if (selects.isEmpty()) {
            return Set.of();
        }
        TypedQuery<UUID> query = entityManager
                .createQuery(String.join(" union all ", selects), UUID.class)
                .setParameter("visible", caller.clearance().andBelow());
        if (!parties.isEmpty()) {
            query.setParameter("parties", parties);
        }
        if (parent != null) {
            query.setParameter("parent", parent);
        }
        return Set.copyOf(query.getResultList());
    }
}
