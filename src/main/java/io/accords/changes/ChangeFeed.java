package io.accords.changes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.history.History;
import io.accords.history.Revision;
import io.accords.http.problem.ProblemException;
import io.accords.record.RecordService;
import io.accords.security.Caller;
import io.accords.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The registry's changes, every kind, in the order they were placed, as the caller may see them: each change the
 * caller may see before or after it, and nothing else, so that neither a page's length nor a cursor tells anything
 * about the changes it may not see.
 */
@ApplicationScoped
public class ChangeFeed {

    public static final String PATH = "/api/v1/changes";
    public static final String SOURCE = "/api/v1";
    /** Where a follower starts when it wants only what happens from now on. */
    public static final String NOW = "now";
    /** What every event's type starts with: accords.agreement.created. */
    public static final String TYPE_PREFIX = "accords.";

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final EntityManager entities;
    private final History history;
    private final Callers callers;
    private final ChangeCursors cursors;
    private final ObjectMapper json;
    private final SortedSet<String> kinds = new TreeSet<>();

    ChangeFeed(
            EntityManager entities,
            History history,
            Callers callers,
            ChangeCursors cursors,
            ObjectMapper json,
            Instance<RecordService<?, ?, ?>> services) {
        this.entities = entities;
        this.history = history;
        this.callers = callers;
        this.cursors = cursors;
        this.json = json;
        services.forEach(service -> kinds.add(service.noun()));
    }

    /** A change in its place, as one caller sees it. */
    public record Placed(long position, CloudEvent event) {}

    /** What a read gives: the changes, and the cursor to go on from after them. */
    public record Page(List<Placed> changes, ChangeCursors.Cursor resume, String next) {}

    /**
     * Where a caller's reading starts: from the beginning (nothing sent), now (after the last change it may see), or
     * where a cursor it was given says; 400 for anything else.
     */
    public ChangeCursors.Cursor start(String after, List<String> kinds) {
        return start(after, "after", kinds);
    }

    /** As {@link #start(String, List)}, the cursor sent in this parameter or header. */
    @Transactional
    public ChangeCursors.Cursor start(String after, String parameter, List<String> kinds) {
        checked(kinds);
        if (after == null || after.isBlank()) {
            return new ChangeCursors.Cursor(0, 0);
        }
        if (after.equals(NOW)) {
            long head = head();
            return new ChangeCursors.Cursor(
                    visible("select e.position", callers.current(), checked(kinds), head, null, Long.class)
                            .setMaxResults(1)
                            .getResultStream()
                            .findFirst()
                            .orElse(0L),
                    head);
        }
        return cursors.read(after, parameter);
    }

    /**
     * Up to {@code limit} changes after a cursor, of the kinds asked for (all when none), as the caller sees them now:
     * a change of a record it may see now, at a level it may see (the record before or after it); and the change that
     * took a record out of its view, as a deletion, when the caller's last read came before it and the record was
     * there at its cursor, so that a follower is told of the removal of what it could have known, and nobody else is.
     */
    @Transactional
    public Page after(ChangeCursors.Cursor cursor, int limit, List<String> kinds, ChangeData data) {
        Caller caller = callers.current();
        long head = head();
        List<ChangeEvent> events = visible("select e", caller, checked(kinds), head, cursor, ChangeEvent.class)
                .setMaxResults(limit)
                .getResultList();
        Map<Long, Revision> revisions =
                history.revisions(events.stream().map(ChangeEvent::revisionId).toList());
        // The records as the caller sees them, each kind's judged together: one query for a page's links.
        Map<Long, Map<String, Object>> records = data == ChangeData.RECORD
                ? history.seen(events.stream()
                        .filter(event -> event.seenAs(caller.clearance()) != Revision.Action.DELETED)
                        .map(event -> revisions.get(event.revisionId()))
                        .toList())
                : Map.of();
        List<Placed> placed = new ArrayList<>(events.size());
        for (ChangeEvent event : events) {
            Revision.Action seen = event.seenAs(caller.clearance());
            Revision revision = revisions.get(event.revisionId());
            Map<String, Object> content = seen == Revision.Action.DELETED
                    ? null
                    : data == ChangeData.PATCH
                            ? json.convertValue(history.change(revision, seen == Revision.Action.CREATED), MAP)
                            : records.get(revision.getId());
            placed.add(new Placed(event.position(), event(event, seen, content)));
        }
        long last = placed.isEmpty()
                ? cursor.position()
                : placed.get(placed.size() - 1).position();
        ChangeCursors.Cursor resume = new ChangeCursors.Cursor(last, head);
        return new Page(placed, resume, cursors.of(resume));
    }

    /** The cursor that goes on after one change of a page (a stream's SSE id for it). */
    public String resumeAfter(Placed change, Page page) {
        return cursors.of(
                new ChangeCursors.Cursor(change.position(), page.resume().head()));
    }

    /** The last position given. */
    private long head() {
        return entities.createQuery("select coalesce(max(e.position), 0) from ChangeEvent e", Long.class)
                .getSingleResult();
    }

    /**
     * The changes the caller may see, up to the head: after the cursor, oldest first, or (no cursor) newest first. A
     * record's state is its last change up to the head.
     */
    private <T> TypedQuery<T> visible(
            String select,
            Caller caller,
            Collection<String> kinds,
            long head,
            ChangeCursors.Cursor cursor,
            Class<T> type) {
        String sameRecord = ".recordType = e.recordType and %s.recordId = e.recordId";
        String where = " from ChangeEvent e where e.position <= :head"
                + " and (e.classification in :visible or e.classificationBefore in :visible)"
                + (kinds.isEmpty() ? "" : " and e.recordType in :kinds")
                + " and (exists (select l from ChangeEvent l where l" + sameRecord.formatted("l")
                + " and l.classification in :visible and l.position = (select max(m.position) from ChangeEvent m"
                + " where m" + sameRecord.formatted("m") + " and m.position <= :head))"
                + (cursor == null
                        ? ")"
                        : " or (e.action = :updated and e.classificationBefore in :visible"
                                + " and e.classification not in :visible and e.position > :seen"
                                + " and exists (select x from ChangeEvent x where x" + sameRecord.formatted("x")
                                + " and x.position <= :after)))")
                + (cursor == null ? " order by e.position desc" : " and e.position > :after order by e.position");
        TypedQuery<T> query = entities.createQuery(select + where, type);
        query.setParameter("visible", caller.clearance().andBelow());
        query.setParameter("head", head);
        if (!kinds.isEmpty()) {
            query.setParameter("kinds", kinds);
        }
        if (cursor != null) {
            query.setParameter("updated", Revision.Action.UPDATED);
            query.setParameter("seen", cursor.head());
            query.setParameter("after", cursor.position());
        }
        return query;
    }

    private CloudEvent event(ChangeEvent event, Revision.Action seen, Map<String, Object> content) {
        return new CloudEvent(
                CloudEvent.SPEC_VERSION,
                cursors.eventId(event.position()),
                SOURCE,
                TYPE_PREFIX + event.recordType() + "." + seen.name().toLowerCase(Locale.ROOT),
                event.recordId().toString(),
                event.at(),
                content == null ? null : "application/json",
                event.version(),
                content);
    }

    /** The kinds asked for, each one the registry keeps; 400 naming the others. */
    private List<String> checked(List<String> asked) {
        if (asked == null) {
            return List.of();
        }
        for (String kind : asked) {
            if (!kinds.contains(kind)) {
                throw ProblemException.invalid("kind", "has no kind " + kind + ": use one of " + kinds);
            }
        }
        return List.copyOf(new TreeSet<>(asked));
    }

    /** Runs work as this caller (a stream reads on a worker thread, after its request has ended). */
    public <T> T as(Caller caller, java.util.function.Supplier<T> work) {
        return callers.actingAs(caller, work);
    }

    public Caller caller() {
        return callers.current();
    }
}
