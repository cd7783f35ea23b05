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

    /** A stored agreement as the current caller may see it, judged by what its links are classified now. */
    public AgreementView of(AgreementView stored) {
        Caller caller = callers.current();
        if (caller.clearance().isHighest()) {
            return stored;
        }
        Set<UUID> visibleParties = visible(
                "Party", stored.parties().stream().map(p -> p.party().id()).collect(Collectors.toSet()), caller);
        Set<UUID> visibleParent =
                stored.parentId() == null ? Set.of() : visible("Agreement", Set.of(stored.parentId()), caller);
        return stored.seenThrough(visibleParent::contains, visibleParties::contains);
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

    /** Those of the ids whose record exists and is within the caller's clearance. */
    private Set<UUID> visible(String entity, Set<UUID> ids, Caller caller) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<UUID> found = entityManager
                .createQuery(
                        "select r.id from " + entity + " r where r.id in :ids and r.classification in :visible",
                        UUID.class)
                .setParameter("ids", ids)
                .setParameter("visible", caller.clearance().andBelow())
                .getResultList();
        return Set.copyOf(found);
    }
}
