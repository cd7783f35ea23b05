package io.accords.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.problem.ProblemException;
import io.accords.ops.RecordChange;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The audit trail: services record every change in the transaction that makes it (so a change and its revision are
 * kept or lost together), and callers list a record's revisions within their clearance.
 */
@ApplicationScoped
public class History {

    private final RevisionRepository revisions;
    private final Callers callers;
    private final ObjectMapper json;
    private final Event<RecordChange> changes;
    private final Map<String, SnapshotLens> lenses;
    private static final TypeReference<Map<String, Object>> SNAPSHOT = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, Object>>> PATCH = new TypeReference<>() {};

    History(
            RevisionRepository revisions,
            Callers callers,
            ObjectMapper json,
            Event<RecordChange> changes,
            Instance<SnapshotLens> lenses) {
        this.revisions = revisions;
        this.callers = callers;
        this.json = json;
        this.changes = changes;
        this.lenses = lenses.stream().collect(Collectors.toMap(SnapshotLens::recordType, Function.identity()));
    }

    /**
     * Records a change, queues it for the change feed (seen by callers cleared for {@code audience}: the record's
     * classification, or higher when the record is seen only with another) and announces it to the domain counters;
     * must run inside the transaction that made it, so that the change, its revision and its place in the feed are
     * kept or lost together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String recordType,
            UUID id,
            long version,
            Revision.Action action,
            Classification classification,
            Classification declassifiedFrom,
            Classification audience,
            Object view) {
        Revision revision;
        try {
            revision = new Revision(
                    recordType,
                    id,
                    version,
                    action,
                    callers.current().subject(),
                    Instant.now(),
                    classification,
                    declassifiedFrom,
                    json.writeValueAsString(view));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the revision of " + recordType + " " + id, e);
        }
        revisions.persist(revision);
        revisions.getEntityManager().persist(new PendingChange(revision.getId(), audience));
        changes.fire(new RecordChange(recordType, RecordChange.Kind.valueOf(action.name())));
    }

    /** Revisions waiting for their place in the change feed, oldest first (the feed's sequencer takes them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<PendingChange.Queued> pending(int max) {
        return revisions.pending(max);
    }

    /** These revisions have their place in the change feed: they wait no more. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void placed(Collection<Long> revisionIds) {
        revisions.placed(revisionIds);
    }

    /** Revisions by id, for the change feed, which knows them by id. */
    public Map<Long, Revision> revisions(Collection<Long> ids) {
        return ids.isEmpty()
                ? Map.of()
                : revisions.byIds(ids).stream().collect(Collectors.toMap(Revision::getId, Function.identity()));
    }

    /**
     * Revisions' records as the current caller may see them, by revision id: each kind's judged together (one query
     * for an agreement page's links rather than one per agreement).
     */
    public Map<Long, Map<String, Object>> seen(Collection<Revision> revisions) {
        Map<Long, Map<String, Object>> seen = new java.util.HashMap<>();
        revisions.stream()
                .collect(Collectors.groupingBy(Revision::getRecordType))
                .forEach((recordType, ofKind) -> {
                    List<JsonNode> stored = ofKind.stream().map(this::read).toList();
                    SnapshotLens lens = lenses.get(recordType);
                    List<JsonNode> visible = lens == null ? stored : lens.visible(stored);
                    for (int i = 0; i < ofKind.size(); i++) {
                        seen.put(ofKind.get(i).getId(), json.convertValue(visible.get(i), SNAPSHOT));
                    }
                });
        return seen;
    }

    /**
     * What a revision changed, as the current caller sees it: the JSON Patch from the version before it that the caller
     * may see, or from nothing when {@code fromNothing} (the record has just come into the caller's view).
     */
    public RevisionDiff change(Revision revision, boolean fromNothing) {
        Revision source = fromNothing
                ? null
                : revisions
                        .before(
                                revision.getRecordType(),
                                revision.getRecordId(),
                                revision.getVersion(),
                                callers.current().clearance().andBelow())
                        .orElse(null);
        return between(source, revision);
    }

    /** Which of these ids have a revision of this kind of record: they were used, by a record alive or deleted. */
    public Set<UUID> recorded(String recordType, Collection<UUID> ids) {
        return Set.copyOf(revisions.recorded(recordType, ids));
    }

    /**
     * A record's revisions, newest first, leaving out those above the caller's clearance. For a record that no longer
     * exists only an admin gets them; everyone else, like a caller who may see none of them, gets 404.
     */
    @Transactional
    public PageView<RevisionView> of(String recordType, UUID id, boolean exists, PageParams page) {
        Caller caller = callers.current();
        List<Classification> visible = caller.clearance().andBelow();
        long total = revisions.countOf(recordType, id, visible);
        if (total == 0 || (!exists && !caller.admin())) {
            throw ProblemException.notFound(recordType, id);
        }
        SnapshotLens lens = lenses.get(recordType);
        List<RevisionView> items = revisions.of(recordType, id, visible, page.index(), page.size()).stream()
                .map(revision -> view(revision, caller, lens))
                .toList();
        return PageView.of(items, page, total);
    }

    /**
     * The record as it stood at an instant, as the caller may see that version (its links judged as they are now):
     * the snapshot of its last revision made at or before it. 404 when it did not exist then or that version is above
     * the caller's clearance (both answered as for an id that never was), or had been deleted by then (said so: the
     * caller, an admin, may see deleted records). Whether the caller may read the record's past at all is the
     * record service's to decide first.
     */
    @Transactional
    public JsonNode asOf(String recordType, UUID id, Instant at) {
        Caller caller = callers.current();
        Revision revision = revisions
                .lastAt(recordType, id, at)
                .filter(r -> caller.sees(r.getClassification()))
                .orElseThrow(() -> noneAt(recordType, id, at));
        if (revision.getAction() == Revision.Action.DELETED) {
            throw ProblemException.notFoundBecause("The " + recordType + " with id " + id + " had been deleted by " + at
                    + " (at " + revision.getAt() + ")");
        }
        return visible(revision, lenses.get(recordType));
    }

    /**
     * What changed between two versions of a record, as an RFC 6902 JSON Patch from the one to the other, both as the
     * caller may see them; {@code from} null means the version before {@code to} that the caller may see (nothing, for
     * the first, so that its patch adds every member). 404 when either version is unknown or above the caller's
     * clearance.
     */
    @Transactional
    public RevisionDiff diff(String recordType, UUID id, Long from, long to) {
        Caller caller = callers.current();
        Revision target = seen(recordType, id, to, caller);
        Revision source = from == null
                ? revisions
                        .before(recordType, id, to, caller.clearance().andBelow())
                        .orElse(null)
                : seen(recordType, id, from, caller);
        return between(source, target);
    }

    /** The JSON Patch from one revision (null: nothing) to another, both as the caller may see them. */
    private RevisionDiff between(Revision source, Revision target) {
        SnapshotLens lens = lenses.get(target.getRecordType());
        JsonNode before = source == null ? json.createObjectNode() : visible(source, lens);
        return new RevisionDiff(
                source == null ? null : source.getVersion(),
                target.getVersion(),
                json.convertValue(JsonPatches.between(before, visible(target, lens), json), PATCH));
    }

    private Revision seen(String recordType, UUID id, long version, Caller caller) {
        return revisions
                .version(recordType, id, version)
                .filter(r -> caller.sees(r.getClassification()))
                .orElseThrow(() -> noVersion(recordType, id, version));
    }

    /** The answer when no version of a record the caller may see stood at an instant, as for an id that never was. */
    /** The record's deletion, when its last revision is one. */
    public Optional<Revision> deletion(String recordType, UUID id) {
        return revisions
                .lastAt(recordType, id, Instant.now())
                .filter(last -> last.getAction() == Revision.Action.DELETED);
    }

    public static ProblemException noneAt(String recordType, UUID id, Instant at) {
        return ProblemException.notFoundBecause(
                "No " + recordType + " with id " + id + " existed at " + at + " as far as you may see");
    }

    /** The answer when a version is unknown or above the caller's clearance. */
    public static ProblemException noVersion(String recordType, UUID id, long version) {
        return ProblemException.notFoundBecause(
                "No " + recordType + " with id " + id + " has a version " + version + " you may see");
    }

    /** A revision's snapshot with links to records hidden from the caller left out. */
    private JsonNode visible(Revision revision, SnapshotLens lens) {
        JsonNode record = read(revision);
        return lens == null ? record : lens.visible(record);
    }

    private JsonNode read(Revision revision) {
        try {
            return json.readTree(revision.getSnapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not JSON", e);
        }
    }

    /** A revision as the caller may see it: links to hidden records left out, an earlier level only if within reach. */
    private RevisionView view(Revision revision, Caller caller, SnapshotLens lens) {
        Classification before = revision.getDeclassifiedFrom();
        return new RevisionView(
                revision.getVersion(),
                revision.getAction(),
                revision.getActor(),
                revision.getAt(),
                revision.getClassification(),
                before != null && caller.sees(before) ? before : null,
                json.convertValue(visible(revision, lens), SNAPSHOT),
                null);
    }
}
