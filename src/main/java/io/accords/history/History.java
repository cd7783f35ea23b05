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
import java.util.List;
import java.util.Map;
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

    /** Records a change and announces it to the domain counters; must run inside the transaction that made it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(
            String recordType,
            UUID id,
            long version,
            Revision.Action action,
            Classification classification,
            Classification declassifiedFrom,
            Object view) {
        try {
            revisions.persist(new Revision(
                    recordType,
                    id,
                    version,
                    action,
                    callers.current().subject(),
                    Instant.now(),
                    classification,
                    declassifiedFrom,
                    json.writeValueAsString(view)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the revision of " + recordType + " " + id, e);
        }
        changes.fire(new RecordChange(recordType, RecordChange.Kind.valueOf(action.name())));
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

    /** A revision as the caller may see it: links to hidden records left out, an earlier level only if within reach. */
    private RevisionView view(Revision revision, Caller caller, SnapshotLens lens) {
        try {
            JsonNode record = json.readTree(revision.getSnapshot());
            Classification before = revision.getDeclassifiedFrom();
            return new RevisionView(
                    revision.getVersion(),
                    revision.getAction(),
                    revision.getActor(),
                    revision.getAt(),
                    revision.getClassification(),
                    before != null && caller.sees(before) ? before : null,
                    json.convertValue(lens == null ? record : lens.visible(record), SNAPSHOT));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored revision is not JSON", e);
        }
    }
}
