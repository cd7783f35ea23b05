package io.accords.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.agreement.AgreementService;
import io.accords.config.AccordsConfig;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.JsonProblems;
import io.accords.http.problem.PersistenceProblems;
import io.accords.http.problem.Problem;
import io.accords.http.problem.ProblemException;
import io.accords.http.problem.ProblemType;
import io.accords.party.PartyInput;
import io.accords.party.PartyService;
import io.accords.party.PartySummary;
import io.accords.record.RecordService.Outcome;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Classification;
import io.accords.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Runs import jobs on a thread of its own, one at a time per replica, each under a lease: a job is taken only when
 * nobody holds it or its holder's lease has run out (a replica killed mid-job), and this replica renews its leases
 * while it lives, so another replica takes a job over within a lease and a poll of its killed holder. A job runs in
 * turns of {@code accords.imports.turn-rows} rows; after each turn the job that waited longest, of the caller served
 * least recently, goes next, so one caller's file cannot starve another's. Each batch of rows is written in one
 * transaction together with the job's progress, which only this replica's lease on a running job may move, so a
 * takeover resumes after the last batch committed and never applies a row twice. A bad row sends its batch back to be
 * written row by row, each row all-or-nothing; a job stops after {@code accords.imports.max-refused} refused rows. Rows
 * that only failed because they link to an agreement later in the file are tried again at the end. Two batches of a
 * turn are on their way at once, on two writer threads, each committing after the one before ({@link Batches}).
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final int TIMEOUT_SECONDS = 3600;

    /** Fields whose error can mean the linked agreement comes later in the file. */
    private static final Pattern LINKS = Pattern.compile("parentId|relations\\[\\d+]\\.agreementId");

    private final ImportRepository jobs;
    private final ImportRows rows;
    private final AgreementService agreements;
    private final PartyService parties;
    private final Callers callers;
    private final ObjectMapper json;
    private final EntityManager entityManager;
    private final Validator validator;
    private final int batchSize;
    private final AccordsConfig.Imports limits;
    /** This replica, as the leases it takes name it: its process id (for operators), and a random part. */
    private final String replica = "replica-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID();

    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(work -> {
        Thread thread = new Thread(work, "accords-import");
        thread.setDaemon(true);
        return thread;
    });
    /** The threads that write a turn's batches, two at a time ({@link Batches}). */
    private final ExecutorService writers = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "accords-import-writer");
        thread.setDaemon(true);
        return thread;
    });

    ImportWorker(
            ImportRepository jobs,
            ImportRows rows,
            AgreementService agreements,
            PartyService parties,
            Callers callers,
            ObjectMapper json,
            EntityManager entityManager,
            Validator validator,
            AccordsConfig config) {
        this.jobs = jobs;
        this.rows = rows;
        this.agreements = agreements;
        this.parties = parties;
        this.callers = callers;
        this.json = json;
        this.entityManager = entityManager;
        this.validator = validator;
        this.batchSize = config.imports().batchSize();
        this.limits = config.imports();
    }

    /** This replica's name in the leases it holds. */
    String replica() {
        return replica;
    }

    /** Until when a lease taken or renewed now holds. */
    Instant leaseEnd() {
        return Instant.now().plus(limits.lease());
    }

    /** Looks for work at start: jobs a stopped service left unfinished are taken once their lease has run out. */
    void onStart(@Observes StartupEvent event) {
        wake();
    }

    /** Stopping: the thread is interrupted between batches, and the leases let go so another replica goes on at once. */
    void onStop(@Observes ShutdownEvent event) {
        executor.shutdownNow();
        writers.shutdownNow();
        try {
            if (executor.awaitTermination(5, TimeUnit.SECONDS)) {
                QuarkusTransaction.requiringNew().run(() -> jobs.releaseAll(replica));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf(e, "Import leases not released on stop; they run out by themselves");
        }
    }

    /**
     * Every few seconds: renews this replica's leases, removes files whose receiving replica died, and looks for jobs
     * to take (a new one, or one whose holder's lease ran out).
     */
    @Scheduled(
            every = "${accords.imports.poll:2s}",
            delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                jobs.renew(replica, leaseEnd());
                jobs.abandoned(Instant.now());
            });
        } catch (RuntimeException e) {
            LOG.warnf("Import leases not renewed just now: %s", e.getMessage());
        }
        wake();
    }

    /** Starts this replica's worker thread unless it is already at work. */
    void wake() {
        if (busy.compareAndSet(false, true)) {
            try {
                executor.submit(this::work);
            } catch (RejectedExecutionException stopping) {
                busy.set(false);
            }
        }
    }

    /** Takes one turn after another until no job is waiting that this replica may take. */
    private void work() {
        try {
            UUID job;
            while (!Thread.currentThread().isInterrupted() && (job = claimNext()) != null) {
                turn(job);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Import worker paused; it looks for work again on the next poll");
        } finally {
            busy.set(false);
        }
    }

    /** The fairest job this replica could take a lease on, or null. */
    private UUID claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            for (UUID candidate : jobs.claimable(now, 5)) {
                if (jobs.claim(candidate, replica, now, leaseEnd())) {
                    return candidate;
                }
            }
            return null;
        });
    }

    /** One turn of a job this replica holds; the lease is let go at its end, whatever happened. */
    private void turn(UUID id) {
        try {
            ImportJob job = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id));
            Caller sender = new Caller(job.subject, job.clearance, Roles.ADMIN.equals(job.roles));
            callers.actingAs(sender, () -> {
                if (job.atomic) {
                    runAtomic(job);
                } else {
                    runTurn(job);
                }
                return null;
            });
        } catch (LeaseLost e) {
            LOG.infof("Import %s: no longer this replica's to run (%s)", id, e.getMessage());
        } catch (RuntimeException e) {
            if (PersistenceProblems.lockConflict(e)) {
                // Rows it writes were held by another write: its next turn writes them again, from its last batch.
                LOG.infof("Import %s waits for a write that held rows it writes: %s", id, e.getMessage());
                return;
            }
            // Left RUNNING: once the lease is let go, the next turn resumes it from its last committed batch.
            LOG.errorf(e, "Import %s stopped; it resumes on its next turn", id);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> jobs.release(id, replica, Instant.now()));
        }
    }

    /** Up to a turn's rows from where the job stands; at the file's end, the rows that waited for links, then DONE. */
    private void runTurn(ImportJob job) {
        int next = job.rowsDone + 1;
        int turnEnd = next + limits.turnRows();
        try (Batches batches = new Batches(job, callers.current())) {
            ImportRepository.Part part;
            while (next < turnEnd && !Thread.currentThread().isInterrupted() && (part = part(job.id, next)) != null) {
                List<String> lines = lines(part);
                int end = Math.min(part.firstRow() + part.rowCount(), turnEnd);
                for (int first = next; first < end; first += batchSize) {
                    int last = Math.min(first + batchSize, end);
                    if (batches.write(first, lines.subList(first - part.firstRow(), last - part.firstRow()))) {
                        return;
                    }
                }
                next = end;
            }
            if (batches.settleLast()) {
                return;
            }
        }
        if (Thread.currentThread().isInterrupted() || next <= job.totalRows) {
            return;
        }
        retryLinks(job);
        finish(job.id, ImportStatus.DONE, null);
    }

    /** Stops the job once it has refused as many rows as a job may, saying so. */
    private boolean tooManyRefused(ImportJob job) {
        int refused = QuarkusTransaction.requiringNew().call(() -> jobs.findById(job.id).refused);
        if (refused < limits.maxRefused()) {
            return false;
        }
        finish(
                job.id,
                ImportStatus.STOPPED,
                "Stopped after " + refused + " refused rows (ACCORDS_IMPORTS_MAX_REFUSED); the rows before them stay"
                        + " as written. Fix the file and send it again");
        return true;
    }

    /**
     * Writes the rows in the current transaction at once: reads them all, reads the records and parties they name in
     * two queries, adds them to the session and has it write them at the end, one JDBC batch per table. Which row
     * failed goes to {@code failed}; the number of rows when only the final write failed. What it staged goes to
     * {@code batch}. With a batch {@code before} it (written on another thread, {@link Batches}), the rows are read,
     * staged and written while that one is written when they may be ({@link StagedBatch}), and committed only once it
     * has committed.
     */
    private void writeAtOnce(
            ImportJob job, List<String> lines, Counts counts, int[] failed, InFlight batch, InFlight before) {
        Session session = entityManager.unwrap(Session.class);
        // Rows are only written at the end, in one batch per table: reads in between do not flush them.
        session.setHibernateFlushMode(FlushMode.COMMIT);
        session.setJdbcBatchSize(batchSize);
        StagedBatch previous = before == null ? null : before.staged.join();
        boolean meanwhile = previous != null && previous.createdOnly();
        if (previous != null && !meanwhile) {
            awaitCommitted(before);
        }
        List<ImportRows.Row> read = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                read.add(rows.read(job, lines.get(i)));
            } catch (RuntimeException | IOException e) {
                failed[0] = i;
                throw new RowFailed(e);
            }
        }
        if (meanwhile && !previous.mayBeFollowedBy(StagedBatch.names(read))) {
            // Read before the batch before committed, which writes what these rows name: read again after it.
            awaitCommitted(before);
            throw new Restage();
        }
        Known known = known(read);
        int parties = known.parties().size();
        for (int i = 0; i < read.size(); i++) {
            try {
                counts.add(added(read.get(i), known));
            } catch (RuntimeException e) {
                failed[0] = i;
                throw new RowFailed(e);
            }
        }
        batch.staged.complete(
                StagedBatch.of(read, counts.updated == 0 && known.parties().size() == parties));
        try {
            session.flush();
        } catch (RuntimeException e) {
            if (meanwhile) {
                awaitCommitted(before);
            }
            // What only the database refuses (a name or identifier taken twice): found again row by row.
            failed[0] = lines.size();
            throw new RowFailed(e);
        }
        session.clear();
        if (meanwhile) {
            // Written meanwhile too; committed, with the job's progress, only after the batch before.
            awaitCommitted(before);
        }
    }

    /**
     * Waits until the batch before has committed; when it was not written at once (a row of it was refused, or it was
     * staged again) or not at all, what was staged meanwhile may not hold, and is staged again.
     */
    private static void awaitCommitted(InFlight before) {
        if (before.settled.join() != Settled.AT_ONCE) {
            throw new Restage();
        }
    }

    /** Row number {@code row}, alone: written with its progress, or refused with its problem and its progress. */
    private void one(ImportJob job, int row, String line) {
        Counts counts = new Counts();
        try {
            writtenWithProgress(job, row - 1, row, counts, () -> counts.add(writeOrFail(job, line)));
        } catch (RuntimeException e) {
            Refused refused = refusal(job, line, e);
            QuarkusTransaction.requiringNew().run(() -> {
                jobs.addRefusal(job.id, row, refused.recordId(), refused.problem(), refused.retry());
                Counts one = new Counts();
                one.refused = 1;
                advance(job, row - 1, row, one);
            });
        }
    }

    /**
     * Runs work and moves the job's progress from row {@code from} to {@code to}: in one transaction, or for a dry run
     * with the progress in a transaction of its own after the work's is rolled back.
     */
    private void writtenWithProgress(ImportJob job, int from, int to, Counts counts, Runnable work) {
        written(job, () -> {
            work.run();
            if (!job.dryRun) {
                advance(job, from, to, counts);
            }
        });
        if (job.dryRun) {
            QuarkusTransaction.requiringNew().run(() -> advance(job, from, to, counts));
        }
    }

    /**
     * Runs work in a transaction of its own that commits, or for a dry run rolls back: what a dry run writes is only
     * counted.
     */
    private static void written(ImportJob job, Runnable work) {
        try {
            QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                work.run();
                if (job.dryRun) {
                    throw new DryRun();
                }
            });
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof DryRun) {
                    return;
                }
            }
            throw e;
        }
    }

    private Outcome writeOrFail(ImportJob job, String line) {
        try {
            return write(job, line);
        } catch (IOException e) {
            throw new RowFailed(e);
        }
    }

    /**
     * Tries again the rows refused only because an agreement they link to was not there yet (it comes later in the
     * file), until a round writes none of them.
     */
    private void retryLinks(ImportJob job) {
        boolean progress = true;
        while (progress && !Thread.currentThread().isInterrupted()) {
            progress = false;
            for (int row : QuarkusTransaction.requiringNew().call(() -> jobs.retriable(job.id))) {
                String line = lineAt(job, row);
                Counts counts = new Counts();
                try {
                    written(job, () -> {
                        counts.add(writeOrFail(job, line));
                        if (!job.dryRun) {
                            jobs.forgiveRefusal(job.id, row, counts.created, counts.updated, counts.unchanged);
                        }
                    });
                    if (job.dryRun) {
                        continue;
                    }
                    progress = true;
                } catch (RuntimeException e) {
                    // Still refused; its first problem stands.
                }
            }
        }
    }

    /**
     * All rows in one transaction, after every row was read and checked: any refusal refuses the file, and nothing is
     * written. A restart before the commit starts it again from the first row.
     */
    private void runAtomic(ImportJob job) {
        List<Refused> refusals = new ArrayList<>();
        List<Integer> refusedRows = new ArrayList<>();
        forEachRow(job, (row, line) -> {
            try {
                QuarkusTransaction.requiringNew().call(() -> rows.read(job, line));
            } catch (RuntimeException e) {
                refusals.add(refusal(job, line, e));
                refusedRows.add(row);
            }
        });
        if (refusals.isEmpty() && !job.dryRun) {
            Counts counts = new Counts();
            int[] at = {0};
            try {
                QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS).run(() -> {
                    forEachRow(job, (row, line) -> {
                        at[0] = row;
                        try {
                            counts.add(write(job, line));
                        } catch (IOException e) {
                            throw new RowFailed(e);
                        }
                    });
                    advance(job, 0, job.totalRows, counts);
                    ended(job.id, ImportStatus.DONE, null);
                });
                return;
            } catch (RuntimeException e) {
                refusals.add(refusal(job, lineAt(job, at[0]), e));
                refusedRows.add(at[0]);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            jobs.clearRefusals(job.id);
            for (int i = 0; i < refusals.size(); i++) {
                Refused refused = refusals.get(i);
                jobs.addRefusal(job.id, refusedRows.get(i), refused.recordId(), refused.problem(), false);
            }
            ImportJob stored = jobs.findById(job.id);
            stored.rowsDone = stored.totalRows;
            stored.refused = refusals.size();
            ended(job.id, refusals.isEmpty() ? ImportStatus.DONE : ImportStatus.REFUSED, null);
        });
    }

    private interface RowAction {
        void accept(int row, String line);
    }

    private void forEachRow(ImportJob job, RowAction action) {
        int next = 1;
        ImportRepository.Part part;
        while ((part = part(job.id, next)) != null) {
            List<String> lines = lines(part);
            for (int i = 0; i < lines.size(); i++) {
                action.accept(part.firstRow() + i, lines.get(i));
            }
            next = part.firstRow() + part.rowCount();
        }
    }

    /** The stored part of the file holding this row, read in a transaction of its own; null past the end. */
    private ImportRepository.Part part(UUID job, int row) {
        return QuarkusTransaction.requiringNew().call(() -> jobs.partHolding(job, row));
    }

    private String lineAt(ImportJob job, int row) {
        ImportRepository.Part part = part(job.id, row);
        return part == null ? "" : lines(part).get(row - part.firstRow());
    }

    /** Writes one row in the current transaction, and lets it go. */
    private Outcome write(ImportJob job, String line) throws IOException {
        ImportRows.Row row = rows.read(job, line);
        Outcome outcome = added(row, known(List.of(row)));
        // Each row is let go once written: a session that kept a batch's rows would check all of them at every flush.
        entityManager.flush();
        entityManager.clear();
        return outcome;
    }

    /**
     * Adds one row to the current transaction, the parties it names that are missing, then its agreement: new records
     * are written by the next flush. A party the row names by an id the sender may not see is refused like an agreement
     * ({@link io.accords.record.RecordService#put}): the answer is the same whether the id is unknown, deleted or held by
     * a party above the sender's clearance.
     */
    private Outcome added(ImportRows.Row row, Known known) {
        List<PartySummary> named = row.parties();
        for (int i = 0; i < named.size(); i++) {
            PartySummary party = named.get(i);
            String field = "parties[" + i + "].party";
            if (known.parties().contains(party.id())) {
                if (!parties.sees(party.id())) {
                    throw notYourParty(field);
                }
                continue;
            }
            if (!callers.current().clearance().isHighest()) {
                throw notYourParty(field);
            }
            PartyInput input = new PartyInput(
                    party.name(),
                    party.acronym(),
                    null,
                    null,
                    party.country(),
                    party.kind(),
                    null,
                    party.classification());
            Set<ConstraintViolation<PartyInput>> violations = validator.validate(input);
            if (!violations.isEmpty()) {
                throw JsonProblems.invalidBelow(violations, field);
            }
            parties.stage(party.id(), input);
            known.parties().add(party.id());
        }
        return agreements.put(row.id(), row.input(), !known.agreements().add(row.id()), row.ownId());
    }

    private static ProblemException notYourParty(String field) {
        return ProblemException.invalid(
                field + ".id",
                "names no party you may see. A row creates a party under the id it gives only when sent by someone"
                        + " cleared " + Classification.highest() + ", and never under the id a deleted party had;"
                        + " name parties by the ids they have here");
    }

    /** What a batch knows of the ids its rows name: those ever used, and those its earlier rows added. */
    private record Known(Set<UUID> agreements, Set<UUID> parties) {}

    /** Reads the records and parties the rows name at once, not one query each. */
    private Known known(List<ImportRows.Row> read) {
        return new Known(
                agreements.prefetch(read.stream().map(ImportRows.Row::id).toList()),
                parties.prefetch(read.stream()
                        .flatMap(row -> row.parties().stream())
                        .map(PartySummary::id)
                        .toList()));
    }

    private void advance(ImportJob job, int from, int to, Counts counts) {
        if (jobs.advance(job.id, replica, from, to, counts.created, counts.updated, counts.unchanged, counts.refused)
                == 0) {
            throw new LeaseLost("cancelled, or advanced by another replica");
        }
    }

    /** Ends the job this replica holds, in a transaction of its own. */
    private void finish(UUID id, ImportStatus status, String reason) {
        QuarkusTransaction.requiringNew().run(() -> ended(id, status, reason));
    }

    /** Ends the job this replica holds, in the current transaction. */
    private void ended(UUID id, ImportStatus status, String reason) {
        if (!jobs.finish(id, replica, status, reason, Instant.now())) {
            throw new LeaseLost("cancelled, or taken over by another replica");
        }
        ImportJob job = jobs.findById(id);
        entityManager.refresh(job);
        LOG.infof(
                "Import %s %s: %d rows, %d created, %d updated, %d unchanged, %d refused%s",
                id,
                status,
                job.rowsDone,
                job.created,
                job.updated,
                job.unchanged,
                job.refused,
                job.dryRun ? " (dry run: nothing written)" : "");
    }

    /** How a batch of a turn ended, as the batch after it needs to know. */
    private enum Settled {
        /** Written at once, as staged. */
        AT_ONCE,
        /** Written otherwise: staged again once the batch before had committed, or row by row. */
        OTHERWISE,
        /** Not written, or the turn stops after it: the batch after it is not written either. */
        FAILED
    }

    /** A batch of a turn on its way: what it staged, and how it ended once its turn has taken note of it. */
    private static final class InFlight {
        final int first;
        final List<String> lines;
        final CompletableFuture<StagedBatch> staged = new CompletableFuture<>();
        final CompletableFuture<Settled> settled = new CompletableFuture<>();
        Future<Settled> written;

        InFlight(int first, List<String> lines) {
            this.first = first;
            this.lines = lines;
        }
    }

    /**
     * A turn's batches, two on their way at a time, each in a transaction of its own on a writer thread: while one is
     * written (most of that is the database's work), the next one reads and stages its rows (most of that is this
     * service's) and writes them too, so the service and the database work at once instead of taking turns (measured:
     * bench/RESULTS.md). A batch commits only after the one before it, in file order, as the job's progress requires;
     * it is staged before that one commits only when what it reads cannot be changed by it ({@link StagedBatch}), and
     * otherwise waits, or is staged again. After each batch, the turn stops once the job refused too many rows, and the
     * batch after it is then not written.
     */
    private final class Batches implements AutoCloseable {
        private final ImportJob job;
        private final Caller sender;
        private InFlight last;

        Batches(ImportJob job, Caller sender) {
            this.job = job;
            this.sender = sender;
        }

        /** Starts writing rows first..first+n-1, then waits for the batch before; true when the job stopped. */
        boolean write(int first, List<String> lines) {
            InFlight before = last;
            InFlight batch = new InFlight(first, lines);
            try {
                batch.written = writers.submit(() -> callers.actingAs(sender, () -> batch(job, batch, before)));
            } catch (RejectedExecutionException stopping) {
                // The service stops: the turn ends after the batch before, and the job resumes from there.
                last = null;
                if (before != null) {
                    settle(before);
                }
                return true;
            }
            last = batch;
            return before != null && settle(before);
        }

        /** Waits for the turn's last batch; true when the job stopped. */
        boolean settleLast() {
            InFlight batch = last;
            last = null;
            return batch != null && settle(batch);
        }

        /** Waits until the batch is written, then says how it ended to the batch after it; true when the job stopped. */
        private boolean settle(InFlight batch) {
            Settled outcome = Settled.FAILED;
            try {
                outcome = batch.written.get();
                boolean stop = outcome == Settled.FAILED || tooManyRefused(job);
                if (stop) {
                    outcome = Settled.FAILED;
                }
                return stop;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                batch.settled.complete(outcome);
            }
        }

        /** A batch still on its way when the turn ends early is not written; its thread ends its transaction. */
        @Override
        public void close() {
            if (last == null) {
                return;
            }
            last.settled.complete(Settled.FAILED);
            try {
                last.written.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                LOG.debugf(e.getCause(), "Import %s: a batch after the turn's end was not written", job.id);
            }
        }
    }

    /**
     * Writes a batch's rows in one transaction with the progress, on a writer thread; a bad row, or a write the database
     * refuses, sends them one by one. With a batch {@code before} it on its way, the rows are staged meanwhile when they
     * may be; staged again once that one has committed when they may not; not written at all when that one was not.
     */
    private Settled batch(ImportJob job, InFlight batch, InFlight before) {
        Counts counts = new Counts();
        int[] failed = {-1};
        boolean restage;
        try {
            writtenWithProgress(
                    job,
                    batch.first - 1,
                    batch.first - 1 + batch.lines.size(),
                    counts,
                    () -> writeAtOnce(job, batch.lines, counts, failed, batch, before));
            return Settled.AT_ONCE;
        } catch (RuntimeException e) {
            restage = restaged(e);
            // Not a row's fault: the batch is written again on the job's next turn.
            if (!restage && (failed[0] < 0 || PersistenceProblems.lockConflict(e))) {
                throw e;
            }
        } finally {
            batch.staged.complete(StagedBatch.OPAQUE);
        }
        if (before != null && before.settled.join() == Settled.FAILED) {
            return Settled.FAILED;
        }
        if (restage) {
            batch(job, batch, null);
        } else {
            for (int i = 0; i < batch.lines.size(); i++) {
                one(job, batch.first + i, batch.lines.get(i));
            }
        }
        return Settled.OTHERWISE;
    }

    private static boolean restaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Restage) {
                return true;
            }
        }
        return false;
    }

    private record Refused(UUID recordId, String problem, boolean retry) {}

    /** Why a row was refused, as the problem a single write of it would have answered. */
    private Refused refusal(ImportJob job, String line, RuntimeException e) {
        Throwable cause = reason(e);
        String instance = ImportResource.PATH + "/" + job.id;
        Problem problem;
        if (cause instanceof ProblemException p) {
            problem = p.toProblem(instance);
        } else if (cause instanceof ConstraintViolationException v) {
            problem = JsonProblems.invalid(v.getConstraintViolations(), instance);
        } else if (cause instanceof JsonProcessingException j) {
            problem = JsonProblems.jsonProblem(j, instance);
        } else if (PersistenceProblems.databaseUnreachable(cause) || PersistenceProblems.lockConflict(cause)) {
            // Not the row's fault: the turn stops here and the job resumes from its last batch once the database is
            // back, or the write that held the row's records has ended.
            throw e;
        } else if (PersistenceProblems.concurrentWrite(cause)) {
            problem = ProblemType.CONFLICT.problem(
                    "The row conflicts with a record written at the same time, or with another row of the file (a"
                            + " name or identifier taken twice); import the file again to retry it",
                    instance);
        } else if (PersistenceProblems.unstorableText(cause)) {
            problem = ProblemException.invalid(
                            "row", PersistenceProblems.UNSTORABLE_TEXT + "; remove it and import the row again")
                    .toProblem(instance);
        } else if (PersistenceProblems.timedOut(cause)) {
            problem = ProblemType.SERVICE_UNAVAILABLE.problem(
                    "Writing took longer than the service allows and was rolled back; import the file again, in"
                            + " smaller files or without atomic=true",
                    instance);
        } else {
            LOG.errorf(cause, "Import %s: a row could not be written", job.id);
            problem = ProblemType.INTERNAL_ERROR.problem(
                    "The service failed to write this row; it has been logged. Import the file again to retry it",
                    instance);
        }
        boolean retry = problem.errors() != null
                && !problem.errors().isEmpty()
                && problem.errors().stream()
                        .map(FieldViolation::field)
                        .allMatch(field -> LINKS.matcher(field).matches());
        UUID recordId = rows.idNamedBy(job, line);
        try {
            return new Refused(recordId, json.writeValueAsString(problem), retry);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The first cause that says what is wrong with the row, past the wrappers of transactions. */
    private static Throwable reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException
                    || t instanceof ConstraintViolationException
                    || t instanceof JsonProcessingException) {
                return t;
            }
        }
        return e;
    }

    private static List<String> lines(ImportRepository.Part part) {
        return Arrays.asList(part.content().split(ImportService.ROW_END, -1)).subList(0, part.rowCount());
    }

    /** Ends the transaction of a batch staged on what the batch before it changed: it is staged again after that one. */
    private static final class Restage extends RuntimeException {
        Restage() {
            super(null, null, false, false);
        }
    }

    /** Ends a dry run's transaction, which rolls back what it wrote. */
    private static final class DryRun extends RuntimeException {
        DryRun() {
            super(null, null, false, false);
        }
    }

    /** The job is no longer this replica's to move on: cancelled, or its lease taken over by another replica. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost(String why) {
            super(why, null, false, false);
        }
    }

    /** A row's failure, carried out of the transaction that it rolls back. */
    private static final class RowFailed extends RuntimeException {
        RowFailed(Throwable cause) {
            super(cause);
        }
    }

    private static final class Counts {
        int created;
        int updated;
        int unchanged;
        int refused;

        void add(Outcome outcome) {
            switch (outcome) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
            }
        }
    }
}
