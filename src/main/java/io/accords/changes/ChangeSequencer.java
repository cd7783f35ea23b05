package io.accords.changes;

import io.accords.history.History;
import io.accords.history.PendingChange;
import io.accords.history.Revision;
import io.accords.ops.RecordChange;
import io.accords.security.Classification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Gives committed changes their positions in the feed. A position taken inside the writing transaction could be
 * overtaken: a later change committing first would be read past before the earlier one became visible, and a follower
 * would miss it for good. So changes wait, committed, in the outbox ({@code change_pending}), and the sequencer, one at
 * a time across all replicas (it holds the lock on the {@code change_sequencer} row), gives every waiting change it can
 * see the next positions in one transaction: a reader sees all of them or none, after all earlier ones. Each replica
 * runs it as soon as one of its own changes commits, and every second for those of a replica that stopped before it
 * could.
 */
@ApplicationScoped
public class ChangeSequencer {

    private static final Logger LOG = Logger.getLogger(ChangeSequencer.class);
    /** How many changes one transaction places at most. */
    static final int BATCH = 500;

    private final EntityManager entities;
    private final History history;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "change-sequencer");
        thread.setDaemon(true);
        return thread;
    });

    private final jakarta.enterprise.event.Event<ChangesPlaced> announced;

    ChangeSequencer(EntityManager entities, History history, jakarta.enterprise.event.Event<ChangesPlaced> announced) {
        this.entities = entities;
        this.history = history;
        this.announced = announced;
    }

    /** A change of this replica's has committed: place it now rather than at the next sweep. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChange change) {
        request();
    }

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        request();
    }

    void stop(@Observes ShutdownEvent stop) {
        worker.shutdown();
    }

    private void request() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                requested.set(false);
            }
        }
    }

    private void drain() {
        requested.set(false);
        try {
            int placed;
            int total = 0;
            do {
                placed = place();
                total += placed;
            } while (placed == BATCH);
            if (total > 0) {
                announced.fire(new ChangesPlaced(total));
            }
        } catch (RuntimeException e) {
            // The next sweep tries again; nothing is lost: the changes still wait in the outbox.
            LOG.warnf(e, "Could not place changes in the feed; retrying within a second");
        }
    }

    /** Places the waiting changes this transaction can see, up to a batch; how many it placed. */
    int place() {
        return QuarkusTransaction.requiringNew().call(() -> {
            SequencerState state =
                    entities.find(SequencerState.class, SequencerState.ID, LockModeType.PESSIMISTIC_WRITE);
            List<PendingChange.Queued> waiting = history.pending(BATCH);
            long position = state.lastPosition();
            if (!waiting.isEmpty()) {
                Map<String, Classification> before = previous(waiting);
                for (PendingChange.Queued change : inRecordOrder(waiting)) {
                    Revision revision = change.revision();
                    String record = revision.getRecordType() + "/" + revision.getRecordId();
                    Classification was = switch (revision.getAction()) {
                        case CREATED -> null;
                        case DELETED -> change.audience();
                        case UPDATED -> before.get(record);
                    };
                    entities.persist(new ChangeEvent(++position, revision, change.audience(), was));
                    before.put(record, change.audience());
                }
                history.placed(waiting.stream()
                        .map(change -> change.revision().getId())
                        .toList());
                state.advanceTo(position);
            }
            return waiting.size();
        });
    }

    /**
     * Who could see each updated record before: as its last placed change left it. A record whose earlier changes
     * are in this same batch is followed along in {@link #place}.
     */
    private Map<String, Classification> previous(List<PendingChange.Queued> waiting) {
        List<UUID> updated = waiting.stream()
                .map(PendingChange.Queued::revision)
                .filter(revision -> revision.getAction() == Revision.Action.UPDATED)
                .map(Revision::getRecordId)
                .distinct()
                .toList();
        Map<String, Classification> before = new HashMap<>();
        if (updated.isEmpty()) {
            return before;
        }
        entities.createQuery(
                        "select e.recordType, e.recordId, e.classification from ChangeEvent e where e.recordId in :ids"
                                + " and e.position = (select max(l.position) from ChangeEvent l"
                                + " where l.recordType = e.recordType and l.recordId = e.recordId)",
                        Object[].class)
                .setParameter("ids", updated)
                .getResultList()
                .forEach(row -> before.put(row[0] + "/" + row[1], (Classification) row[2]));
        return before;
    }

    /**
     * The batch in the order the changes were made, except that each record's own changes go by version: replicas'
     * clocks and id blocks differ, a record's versions do not.
     */
    static List<PendingChange.Queued> inRecordOrder(List<PendingChange.Queued> made) {
        Map<String, Deque<PendingChange.Queued>> byRecord = new LinkedHashMap<>();
        for (PendingChange.Queued change : made) {
            byRecord.computeIfAbsent(key(change), k -> new ArrayDeque<>()).add(change);
        }
        Comparator<PendingChange.Queued> byVersion = Comparator.comparingLong(
                        (PendingChange.Queued change) -> change.revision().getVersion())
                .thenComparing(change -> change.revision().getAction() == Revision.Action.DELETED);
        Map<String, Deque<PendingChange.Queued>> sorted = new HashMap<>();
        byRecord.forEach((record, changes) -> {
            List<PendingChange.Queued> list = new ArrayList<>(changes);
            list.sort(byVersion);
            sorted.put(record, new ArrayDeque<>(list));
        });
        List<PendingChange.Queued> ordered = new ArrayList<>(made.size());
        for (PendingChange.Queued change : made) {
            ordered.add(sorted.get(key(change)).poll());
        }
        return ordered;
    }

    private static String key(PendingChange.Queued change) {
        return change.revision().getRecordType() + "/" + change.revision().getRecordId();
    }
}
