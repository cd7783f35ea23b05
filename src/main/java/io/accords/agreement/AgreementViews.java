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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
    private final AgreementRepository repository;

    AgreementViews(
            AgreementMapper mapper,
            Callers callers,
            EntityManager entityManager,
            ObjectMapper json,
            AgreementReadModel readModel,
            AgreementRepository repository) {
        this.readModel = readModel;
        this.repository = repository;
        this.mapper = mapper;
        this.callers = callers;
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * The whole record, as the history keeps it: after a write, the record its document was made from with the
     * version and times the flush set (mapped once per write), else mapped from the entity.
     */
    AgreementView whole(Agreement agreement) {
        AgreementView written = agreement.written();
        return written == null
                ? mapper.toView(agreement)
                : written.as(agreement.getVersion(), agreement.getCreatedAt(), agreement.getUpdatedAt());
    }

    /** The agreement as the current caller sees it. */
    public AgreementView of(Agreement agreement) {
        return of(agreement, callers.current().clearance());
    }

    /** The agreement as a caller of this clearance sees it; for work that outlives the request, such as an export. */
    public AgreementView of(Agreement agreement, Classification clearance) {
        AgreementView whole = whole(agreement);
        if (clearance.isHighest()) {
            return whole;
        }
        Map<UUID, Classification> parties = new HashMap<>();
        agreement
                .getParties()
                .forEach(p -> parties.put(p.getParty().getId(), p.getParty().getClassification()));
        Map<UUID, Classification> linked = new HashMap<>();
        if (agreement.getParent() != null) {
            linked.put(agreement.getParent().getId(), agreement.getParent().getClassification());
        }
        agreement
                .getRelations()
                .forEach(r -> linked.put(r.getTarget().getId(), r.getTarget().getClassification()));
        return whole.seenThrough(
                agreementId -> clearance.allows(linked.get(agreementId)),
                partyId -> clearance.allows(parties.get(partyId)),
                occasionId -> clearance.allows(agreement.getOccasion().getClassification()));
    }

    /**
     * A stored agreement as the current caller may see it, judged by what its links are classified now: one query for
     * its parties and parent together, none for a caller cleared for everything.
     */
    public AgreementView of(AgreementView stored) {
        return seenBy(List.of(stored), callers.current().clearance()).get(0);
    }

    /**
     * Agreements read with {@link StoredAgreement#SELECT}, as a caller of this clearance sees them, with one query for
     * the links each has above the clearance (none for a caller cleared for everything). One the caller sees whole is
     * written out as its document holds it; one with a hidden link is read from its document and seen through; one
     * stored before documents existed is read whole, until the start-up fill reaches it.
     */
    public AgreementDocuments ofStored(List<StoredAgreement> rows, Classification clearance) {
        Map<UUID, Set<UUID>> hidden = clearance.isHighest()
                ? Map.of()
                : repository.hiddenLinks(rows.stream().map(StoredAgreement::id).toList(), clearance);
        List<AgreementDocuments.Item> items = new ArrayList<>(rows.size());
        for (StoredAgreement row : rows) {
            Set<UUID> hiddenLinks = hidden.getOrDefault(row.id(), Set.of());
            Optional<StoredJson> asStored = hiddenLinks.isEmpty() ? readModel.asStored(row) : Optional.empty();
            if (asStored.isPresent()) {
                items.add(AgreementDocuments.Item.asStored(row, asStored.get()));
            } else {
                AgreementView view =
                        readModel.read(row).orElseGet(() -> whole(entityManager.find(Agreement.class, row.id())));
                Predicate<UUID> visible = link -> !hiddenLinks.contains(link);
                items.add(AgreementDocuments.Item.seen(view.seenThrough(visible, visible, visible)));
            }
        }
        return new AgreementDocuments(items, row -> readModel.read(row).orElseThrow());
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
        Set<UUID> linked = stored.stream()
                .flatMap(view -> Stream.concat(
                        Stream.of(view.parentId()),
                        view.relations().stream().map(AgreementInput.Relation::agreementId)))
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<UUID> occasions = stored.stream()
                .map(AgreementView::occasionId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<UUID> visible = visible(Map.of("Party", parties, "Agreement", linked, "Occasion", occasions), clearance);
        return stored.stream()
                .map(view -> view.seenThrough(visible::contains, visible::contains, visible::contains))
                .toList();
    }

    @Override
    public String recordType() {
        return AgreementService.RECORD;
    }

    @Override
    public JsonNode visible(JsonNode snapshot) {
        return visible(List.of(snapshot)).get(0);
    }

    /** Stored agreements as the caller may see them, with one query for all their links. */
    @Override
    public List<JsonNode> visible(List<JsonNode> snapshots) {
        List<AgreementView> stored = new ArrayList<>(snapshots.size());
        for (JsonNode snapshot : snapshots) {
            try {
                stored.add(json.treeToValue(snapshot, AgreementView.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A stored agreement cannot be read", e);
            }
        }
        return seenBy(stored, callers.current().clearance()).stream()
                .map(view -> (JsonNode) json.valueToTree(view))
                .toList();
    }

    /**
     * Those of the linked records (by entity name) that exist and are within the caller's clearance, in one query. Ids
     * are random, so one set of them serves all.
     */
    private Set<UUID> visible(Map<String, Set<UUID>> linked, Classification clearance) {
        Map<String, Set<UUID>> asked = new TreeMap<>();
        linked.forEach((entity, ids) -> {
            if (!ids.isEmpty()) {
                asked.put(entity, ids);
            }
        });
        if (asked.isEmpty()) {
            return Set.of();
        }
        List<String> selects = new ArrayList<>();
        asked.keySet()
                .forEach(entity -> selects.add("select r.id from " + entity + " r where r.id in :"
                        + entity.toLowerCase() + " and r.classification in :visible"));
        TypedQuery<UUID> query = entityManager
                .createQuery(String.join(" union all ", selects), UUID.class)
                .setParameter("visible", clearance.andBelow());
        asked.forEach((entity, ids) -> query.setParameter(entity.toLowerCase(), ids));
        return Set.copyOf(query.getResultList());
    }
}
