package io.accords.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.accords.common.Nouns;
import io.accords.history.History;
import io.accords.history.Revision;
import io.accords.history.RevisionDiff;
import io.accords.history.RevisionView;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.Versions;
import io.accords.http.problem.ProblemException;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.accords.security.ClassificationRules;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * What every classified record goes through, in one transaction per call: found only within the caller's clearance
 * (404 otherwise, so existence never leaks), changed only from the version the client read (412), classified by
 * {@link ClassificationRules}, kept while other records refer to it (409 listing those the caller may see), and
 * recorded whole as a revision on every write. A feature says what is its own: how input becomes the entity, how the
 * caller sees it, and what refers to it.
 *
 * @param <E> the entity
 * @param <I> the record as a client writes it
 * @param <V> the record as a client reads it
 */
@Transactional
public abstract class RecordService<E extends ClassifiedEntity, I extends ClassifiedInput, V> {

    /** How many referring records a 409 lists at most. */
    private static final int LISTED_REFERRERS = 20;

    private String record;
    private Class<I> inputType;
    private PanacheRepositoryBase<E, UUID> repository;
    private Referrers referrers;
    private RecordPlumbing plumbing;
    private RecordMapper<E, I, V> mapper;

    /** For the container's proxies only. */
    protected RecordService() {}

    protected RecordService(
            String record,
            Class<I> inputType,
            PanacheRepositoryBase<E, UUID> repository,
            Referrers referrers,
            RecordPlumbing plumbing) {
        this.record = record;
        this.inputType = inputType;
        this.repository = repository;
        this.referrers = referrers;
        this.plumbing = plumbing;
    }

    /** A kind whose answers, revisions and merge patches are its mapper's views and inputs, as they are by default. */
    protected RecordService(
            String record,
            Class<I> inputType,
            PanacheRepositoryBase<E, UUID> repository,
            Referrers referrers,
            RecordPlumbing plumbing,
            RecordMapper<E, I, V> mapper) {
        this(record, inputType, repository, referrers, plumbing);
        this.mapper = mapper;
    }

    /** The record's noun, as users read it: "occasion". */
    public String noun() {
        return record;
    }

    /** The record as a client writes it. */
    public Class<I> inputType() {
        return inputType;
    }

    /** A new, empty entity with the given id. */
    protected abstract E newEntity(UUID id);

    /** Checks what only the database can tell (400/409), then copies the input and classification onto the entity. */
    protected abstract void apply(I input, Classification classification, E entity);

    /** The record as the current caller may see it; by default its mapper's view. */
    protected V view(E entity) {
        return mapper.toView(entity);
    }

    /** The record whole, as its revision stores it; by default its mapper's view. */
    protected Object snapshot(E entity) {
        return mapper.toView(entity);
    }

    /** The record as the current caller would write it back: what a merge patch applies to; by default its mapper's. */
    protected I inputOf(E entity) {
        return mapper.toInput(entity);
    }

    /** Deletes what belongs to the record and goes with it; by default nothing. */
    protected void deleting(E entity) {
        // nothing belongs to a record unless its feature says so
    }

    /** What a 409 says when other records still refer to this one (only when the kind has {@link Referrers}). */
    protected String referredToBy(UUID id) {
        return "Other records refer to " + record + " " + id;
    }

    /**
     * Reads these records into the transaction's session at once, so that the single reads of a bulk import's batch
     * find them there instead of asking the database one by one, and answers the ids that were ever used: those of
     * stored records and those in the history (a deleted record's), in two queries. What a caller may see of them is
     * still decided by each read; an id once used is never given to a new record ({@link #put}).
     */
    public Set<UUID> prefetch(Collection<UUID> ids) {
        Set<UUID> distinct = new HashSet<>(ids);
        distinct.remove(null);
        Set<UUID> used = new HashSet<>();
        if (!distinct.isEmpty()) {
            repository.list("id in ?1", distinct).forEach(record -> used.add(record.getId()));
            used.addAll(plumbing.history().recorded(record, distinct));
        }
        return used;
    }

    /** Whether the caller may see the record with this id (false when there is none). */
    public boolean sees(UUID id) {
        return visibleTo(id, callers().current()).isPresent();
    }

    /**
     * The record with this id when this caller may see it; empty when there is none or it is above the caller's
     * clearance, alike. How another feature reaches it (an agreement naming a party, a milestone's agreement): through
     * the record's service, never its repository.
     */
    public Optional<E> visibleTo(UUID id, Caller caller) {
        return repository.findByIdOptional(id).filter(found -> caller.sees(found.getClassification()));
    }

    /** The record as the caller sees it; 404 when there is none or it is above the caller's clearance. */
    public V get(UUID id) {
        return view(find(id));
    }

    /** Answers 404, exactly as {@link #get} does, unless the record exists and the caller may see it. */
    public void requireVisible(UUID id) {
        find(id);
    }

    /** The record's revisions the caller may see; admins also get those of a deleted record. */
    public PageView<RevisionView> history(UUID id, PageParams page) {
        Optional<E> entity = repository.findByIdOptional(id);
        if (entity.isPresent() && !callers().current().sees(entity.get().getClassification())) {
            throw ProblemException.notFound(record, id);
        }
        return plumbing.history().of(record, id, entity.isPresent(), page);
    }

    /**
     * The record as it stood at an instant, read from its history, on the same terms as {@link #history}: only while
     * the caller may see the record now (a raise recalls every earlier version, the public ones too), or for a deleted
     * record only an admin; and only a version within the caller's clearance ({@link
     * io.accords.history.History#asOf}). Every other case answers exactly as an id that never was.
     */
    public V asOf(UUID id, Instant at, Class<V> viewType) {
        Optional<E> entity = repository.findByIdOptional(id);
        Caller caller = callers().current();
        if (entity.isPresent() ? !caller.sees(entity.get().getClassification()) : !caller.admin()) {
            throw History.noneAt(record, id, at);
        }
        JsonNode stood = plumbing.history().asOf(record, id, at);
        try {
            return plumbing.json().treeToValue(stood, viewType);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored " + record + " cannot be read", e);
        }
    }

    /**
     * The changes between two versions as a JSON Patch, on the same terms as {@link #history}: the record must be one
     * the caller may see, or for a deleted record the caller an admin.
     */
    public RevisionDiff diff(UUID id, Long from, long to) {
        Optional<E> entity = repository.findByIdOptional(id);
        boolean admin = callers().current().admin();
        if (entity.isPresent() && !callers().current().sees(entity.get().getClassification())) {
            // Answered exactly as for an id that never was: for an admin, whose reach includes deleted records, the
            // history finds no version; for anyone else there is no such record.
            throw admin ? History.noVersion(record, id, to) : ProblemException.notFound(record, id);
        }
        if (entity.isEmpty() && !admin) {
            throw ProblemException.notFound(record, id);
        }
        return plumbing.history().diff(record, id, from, to);
    }

    /**
     * Answers 404, exactly as for a record that never was, unless the record with this id belongs under this parent
     * (for a deleted one: unless the parent is one the caller may see). A record with no parent, the default, has
     * nothing to check; the record's own rules still apply to every call.
     */
    protected void requireUnder(UUID parent, UUID id) {
        // a record without a parent is found by its id alone
    }

    /** {@link #get(UUID)} of a record under a parent (the HTTP layer's call, for every kind alike). */
    public V get(UUID parent, UUID id) {
        requireUnder(parent, id);
        return get(id);
    }

    /** {@link #asOf(UUID, Instant, Class)} of a record under a parent. */
    public V asOf(UUID parent, UUID id, Instant at, Class<V> viewType) {
        requireUnder(parent, id);
        return asOf(id, at, viewType);
    }

    /** Creates a record under a parent (the HTTP layer's create); a record without one has none. */
    public V add(UUID parent, I input) {
        return create(input);
    }

    /** Creates a record under a parent with an id of its own (seeding); a record without a parent has none. */
    public V add(UUID parent, UUID id, I input) {
        return create(id, input);
    }

    /** {@link #replace(UUID, Versions.IfMatch, ClassifiedInput)} of a record under a parent. */
    public V replace(UUID parent, UUID id, Versions.IfMatch expectedVersion, I input) {
        requireUnder(parent, id);
        return replace(id, expectedVersion, input);
    }

    /** {@link #patch(UUID, Versions.IfMatch, JsonNode)} of a record under a parent. */
    public V patch(UUID parent, UUID id, Versions.IfMatch expectedVersion, JsonNode patch)
            throws JsonProcessingException {
        requireUnder(parent, id);
        return patch(id, expectedVersion, patch);
    }

    /** {@link #delete(UUID, Versions.IfMatch)} of a record under a parent. */
    public void delete(UUID parent, UUID id, Versions.IfMatch expectedVersion) {
        requireUnder(parent, id);
        delete(id, expectedVersion);
    }

    /** {@link #history(UUID, PageParams)} of a record under a parent. */
    public PageView<RevisionView> history(UUID parent, UUID id, PageParams page) {
        requireUnder(parent, id);
        return history(id, page);
    }

    /** {@link #diff(UUID, Long, long)} of a record under a parent. */
    public RevisionDiff diff(UUID parent, UUID id, Long from, long to) {
        requireUnder(parent, id);
        return diff(id, from, to);
    }

    public V create(I input) {
        return create(UUID.randomUUID(), input);
    }

    /** Creates a record with an id chosen by the caller; used by the seed loader. */
    public V create(UUID id, I input) {
        E entity = added(id, input);
        repository.flush();
        return view(entity);
    }

    /**
     * Creates a record with its revision, to be written by the transaction's next flush together with whatever else
     * is waiting: a bulk import adds a batch of rows and has them written at once. What only the write itself can
     * refuse (a name or an identifier another record took meanwhile) is refused by that flush.
     */
    public void stage(UUID id, I input) {
        added(id, input);
    }

    private E added(UUID id, I input) {
        Classification classification =
                ClassificationRules.forCreate(input.classification(), callers().current());
        E entity = newEntity(id);
        apply(input, classification, entity);
        repository.persist(entity);
        revised(entity, Revision.Action.CREATED, null);
        return entity;
    }

    /** What writing a record as given did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * Writes the record as given, under this id (a bulk import's row): changes nothing when the caller sees a record
     * that already reads so, replaces the one the caller sees otherwise, and creates one ({@link #stage}: written by
     * the next flush) only under an id never used before. Every other case is one and the same 409, so that a row
     * cannot tell an id held by a record above the sender's clearance from a deleted record's or an unknown one
     * (docs/SECURITY.md): an id the row names itself ({@code ownId}) takes a new record only from a sender cleared for
     * everything, from whom nothing is hidden. {@code used} false (a {@link #prefetch} did not find the id, and no
     * earlier write of the transaction added it) creates the record without asking the database again.
     */
    public Outcome put(UUID id, I input, boolean used, boolean ownId) {
        Caller caller = callers().current();
        // Above the sender's clearance is refused before anything is looked up, whatever the id holds.
        ClassificationRules.forCreate(input.classification(), caller);
        Optional<E> existing = used ? repository.findByIdOptional(id) : Optional.empty();
        if (existing.isPresent() && caller.sees(existing.get().getClassification())) {
            E entity = existing.get();
            if (inputOf(entity).equals(input)) {
                return Outcome.UNCHANGED;
            }
            update(entity, input);
            return Outcome.UPDATED;
        }
        if (used || (ownId && !caller.clearance().isHighest())) {
            throw ProblemException.conflict(
                    ownId
                            ? "No " + record + " you may change has the id " + id + ". A row may name the id of "
                                    + Nouns.withArticle(record)
                                    + " you may see; it creates a new one under its own id only when sent by someone cleared "
                                    + Classification.highest() + ", and never under the id a deleted " + record
                                    + " had. Leave the id out to create a new " + record
                            : "An earlier import made " + Nouns.withArticle(record)
                                    + " from this same row, and you may not change it now (it"
                                    + " was deleted, or is above your clearance); change the row to make a new "
                                    + record);
        }
        stage(id, input);
        return Outcome.CREATED;
    }

    public V replace(UUID id, Versions.IfMatch expectedVersion, I input) {
        E entity = current(id, expectedVersion);
        // A replace that changes nothing writes nothing: no new version, no revision (as a patch that changes nothing).
        return same(input, inputOf(entity)) ? view(entity) : update(entity, input);
    }

    /** Applies a merge patch to the record as the caller sees it, so what is hidden from the caller stays. */
    public V patch(UUID id, Versions.IfMatch expectedVersion, JsonNode patch) throws JsonProcessingException {
        E entity = current(id, expectedVersion);
        I current = inputOf(entity);
        I patched = plumbing.mergePatch().apply(current, patch, inputType);
        // A patch that changes nothing writes nothing: no new version, no revision.
        return same(patched, current) ? view(entity) : update(entity, patched);
    }

    /**
     * Whether two inputs write the same record: equal, or equal as a client sends them (what only the service sets,
     * such as a milestone's agreement, is not part of a body).
     */
    private boolean same(I one, I other) {
        return one.equals(other)
                || plumbing.json().valueToTree(one).equals(plumbing.json().valueToTree(other));
    }

    /** Deletes a record nothing refers to; otherwise a 409 lists the referring records the caller may see. */
    public void delete(UUID id, Versions.IfMatch expectedVersion) {
        if (alreadyDeleted(id, expectedVersion)) {
            return;
        }
        E entity = current(id, expectedVersion);
        long count = referrers.count(id);
        if (count > 0) {
            // Lists only the records the caller may see, and does not count the others.
            List<Classification> visible = callers().current().clearance().andBelow();
            throw ProblemException.inTheWay(
                    referredToBy(id),
                    referrers.first(id, visible, LISTED_REFERRERS),
                    referrers.count(id, visible) < count);
        }
        revised(entity, Revision.Action.DELETED, null);
        deleting(entity);
        repository.delete(entity);
        repository.flush();
    }

    /**
     * Whether this is a DELETE repeated after it succeeded: the record is gone, its last revision is its deletion at
     * the version If-Match names, and the caller is an admin cleared for it, whose reach includes deleted records (its
     * history, its past versions). The retry then answers as the first DELETE did; for anyone else, and for any other
     * version, the record is as unknown as one that never was.
     */
    private boolean alreadyDeleted(UUID id, Versions.IfMatch expectedVersion) {
        Caller caller = callers().current();
        return caller.admin()
                && expectedVersion != null
                && repository.findByIdOptional(id).isEmpty()
                && plumbing.history()
                        .deletion(record, id)
                        .filter(deleted -> caller.sees(deleted.getClassification()))
                        .filter(deleted -> expectedVersion.matches(deleted.getVersion()))
                        .isPresent();
    }

    /** The record, or 404 when there is none or it is above the caller's clearance (so existence never leaks). */
    protected E find(UUID id) {
        return visible(id, repository.findByIdOptional(id), ClassifiedEntity::getClassification);
    }

    /**
     * What was found of the record (the entity, or columns of it), or the same 404 as {@link #find} when nothing was or
     * it is above the caller's clearance.
     */
    protected <T> T visible(UUID id, Optional<T> found, Function<T, Classification> classification) {
        return found.filter(f -> callers().current().sees(classification.apply(f)))
                .orElseThrow(() -> ProblemException.notFound(record, id));
    }

    /**
     * A linked record the caller may not see, which the caller's write therefore keeps as it is; null when there is no
     * link or the caller sees it.
     */
    protected static <T extends ClassifiedEntity> T hiddenFrom(Caller caller, T linked) {
        return linked != null && !caller.sees(linked.getClassification()) ? linked : null;
    }

    protected Callers callers() {
        return plumbing.callers();
    }

    private E current(UUID id, Versions.IfMatch expectedVersion) {
        E entity = find(id);
        Versions.require(entity.getVersion(), expectedVersion, record);
        return entity;
    }

    private V update(E entity, I input) {
        Classification before = entity.getClassification();
        Classification classification = ClassificationRules.forChange(
                record, before, input.classification(), callers().current());
        apply(input, classification, entity);
        repository.flush();
        return recorded(entity, Revision.Action.UPDATED, ClassificationRules.declassifiedFrom(before, classification));
    }

    /**
     * Writes the revision, the whole record as it stands, in this transaction (which also counts the change), and
     * answers the record as the caller sees it.
     */
    private V recorded(E entity, Revision.Action action, Classification declassifiedFrom) {
        revised(entity, action, declassifiedFrom);
        return view(entity);
    }

    /** Writes the revision, the whole record as it stands, in this transaction (which also counts the change). */
    private void revised(E entity, Revision.Action action, Classification declassifiedFrom) {
        plumbing.history()
                .record(
                        record,
                        entity.getId(),
                        entity.getVersion(),
                        action,
                        entity.getClassification(),
                        declassifiedFrom,
                        audience(entity),
                        snapshot(entity));
    }

    /**
     * Who may see a change of this record in the change feed: callers cleared for its classification, unless the
     * kind is seen only with another record (a milestone with its agreement).
     */
    protected Classification audience(E entity) {
        return entity.getClassification();
    }
}
