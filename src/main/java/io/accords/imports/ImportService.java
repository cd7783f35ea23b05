package io.accords.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.accords.config.AccordsConfig;
import io.accords.http.PageParams;
import io.accords.http.PageView;
import io.accords.http.problem.Problem;
import io.accords.http.problem.ProblemException;
import io.accords.security.Caller;
import io.accords.security.Callers;
import io.accords.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Takes an import file and keeps it, in parts, with its job, before answering; an {@link ImportWorker} then writes its
 * rows. A file arrives at its sender's pace, so it holds no database connection meanwhile: each part is stored in a
 * short transaction of its own as it fills, and the job is queued once the file is whole (a file cut off, refused or
 * past its sender's allowance leaves nothing). How many files a replica receives at once, from everyone and from one
 * caller, and how many open jobs and bytes a caller may have, are capped. A job is read by the caller that sent it, and
 * by an admin, either cleared as high as the token that sent it.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);

    /** Rows per stored part of a file, and the characters a part holds at most. */
    static final int PART_ROWS = 500;

    static final int PART_CHARS = 900_000;

    /** Seconds after which a caller refused for having too much under way may try again. */
    private static final int RETRY_SECONDS = 30;

    private final ImportRepository jobs;
    private final ImportWorker worker;
    private final Callers callers;
    private final ObjectMapper json;
    private final AccordsConfig.Imports limits;
    private final Semaphore uploads;
    private final ConcurrentHashMap<String, AtomicInteger> uploadsByCaller = new ConcurrentHashMap<>();

    ImportService(
            ImportRepository jobs, ImportWorker worker, Callers callers, ObjectMapper json, AccordsConfig config) {
        this.jobs = jobs;
        this.worker = worker;
        this.callers = callers;
        this.json = json;
        this.limits = config.imports();
        this.uploads = new Semaphore(limits.uploads());
    }

    /** Ends each row in a stored part: a character neither JSON nor a CSV cell holds unescaped in practice. */
    static final String ROW_END = "\u001e";

    /**
     * Receives the file part by part, then queues its job and wakes a worker: 202 once the file is whole and safe. A
     * caller with too much under way is refused before anything is kept (429), as is any file when this replica
     * receives as many as it takes at once (503).
     */
    public ImportJobView submit(InputStream body, ImportFormat format, boolean dryRun, boolean atomic) {
        Caller caller = callers.current();
        try (Slot slot = slot(caller.subject())) {
            UUID id = UUID.randomUUID();
            long allowance = QuarkusTransaction.requiringNew().call(() -> admit(caller, id, format, dryRun, atomic));
            try {
                Parts parts = new Parts(id, format, allowance);
                parts.store(body);
                ImportJob queued = QuarkusTransaction.requiringNew().call(parts::queue);
                worker.wake();
                return ImportJobView.of(queued);
            } catch (RuntimeException e) {
                QuarkusTransaction.requiringNew().run(() -> jobs.deleteById(id));
                throw e;
            }
        }
    }

    /**
     * Keeps the new job as RECEIVING, held by this replica, once its sender's open jobs leave room for it; answers how
     * many bytes its file may hold.
     */
    private long admit(Caller caller, UUID id, ImportFormat format, boolean dryRun, boolean atomic) {
        ImportRepository.Open open = jobs.openOf(caller.subject());
        if (open.jobs() >= limits.openJobsPerCaller()) {
            throw ProblemException.tooMany(
                    "You have " + open.jobs() + " imports waiting or running, as many as one caller may; wait for one"
                            + " to finish, or cancel one (POST /api/v1/imports/{id}/cancel)",
                    RETRY_SECONDS);
        }
        long allowance = limits.bytesPerCaller().asLongValue() - open.bytes();
        if (allowance <= 0) {
            throw ProblemException.tooMany(
                    "Your imports waiting or running hold " + open.bytes() + " bytes, as many as one caller may; wait"
                            + " for one to finish, or cancel one",
                    RETRY_SECONDS);
        }
        ImportJob job = new ImportJob(
                id,
                format.name,
                dryRun,
                atomic,
                caller.subject(),
                caller.admin() ? Roles.ADMIN : Roles.EDITOR,
                caller.clearance());
        job.leaseOwner = worker.replica();
        job.leaseUntil = worker.leaseEnd();
        jobs.persist(job);
        return allowance;
    }

    /** A place among the files this replica receives at once, overall and for one caller; closing gives it back. */
    private Slot slot(String subject) {
        AtomicInteger mine = uploadsByCaller.computeIfAbsent(subject, s -> new AtomicInteger());
        if (mine.incrementAndGet() > limits.uploadsPerCaller()) {
            forget(subject, mine);
            throw ProblemException.tooMany(
                    "You are sending " + limits.uploadsPerCaller() + " import files already, as many as one caller may"
                            + " at once; send this one when one of them is in",
                    5);
        }
        if (!uploads.tryAcquire()) {
            forget(subject, mine);
            throw ProblemException.unavailable(
                    "This replica is receiving as many import files as it takes at once (" + limits.uploads()
                            + "); send yours again in a few seconds",
                    5);
        }
        return () -> {
            forget(subject, mine);
            uploads.release();
        };
    }

    private void forget(String subject, AtomicInteger mine) {
        if (mine.decrementAndGet() == 0) {
            uploadsByCaller.remove(subject, mine);
        }
    }

    private interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Cuts the body into rows as it arrives (a line of NDJSON; a CSV record, whose quoted cells may hold line breaks)
     * and stores them in parts, each in a transaction of its own, never holding more than a part and one bounded row.
     */
    private final class Parts {
        private final UUID job;
        private final ImportFormat format;
        private final long allowance;
        private final StringBuilder part = new StringBuilder();
        private final StringBuilder row = new StringBuilder();
        private String header;
        private long bytes;
        private int rows;
        private int partRows;
        private int seq;
        private int skipped;
        private boolean quoted;

        Parts(UUID job, ImportFormat format, long allowance) {
            this.job = job;
            this.format = format;
            this.allowance = allowance;
        }

        void store(InputStream body) {
            Reader in = new InputStreamReader(new CountingStream(body), StandardCharsets.UTF_8);
            char[] buffer = new char[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    for (int i = 0; i < read; i++) {
                        take(buffer[i]);
                    }
                }
            } catch (IOException e) {
                LOG.infof("Import %s: the upload was cut off after %d bytes; nothing was kept", job, bytes);
                throw ProblemException.invalid(
                        "body", "was cut off before its end; nothing was kept. Send the whole file again");
            }
            endRow();
            if (rows == 0) {
                throw ProblemException.invalid(
                        "body",
                        "has no rows: send agreements as NDJSON (one JSON object per line) or CSV (a header row"
                                + " and one row per agreement), as the export writes them");
            }
        }

        /** In the transaction that queues the job: its last part, its totals, and the job itself. */
        ImportJob queue() {
            if (partRows > 0) {
                jobs.addPart(job, seq, rows - partRows + 1, partRows, part.toString());
            }
            ImportJob stored = jobs.findById(job);
            stored.header = header;
            stored.totalRows = rows;
            stored.sizeBytes = bytes;
            stored.status = ImportStatus.QUEUED;
            stored.leaseOwner = null;
            stored.leaseUntil = null;
            return stored;
        }

        private void take(char c) {
            if (format == ImportFormat.CSV && c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                endRow();
            } else if (row.length() <= ImportRows.MAX_LINE) {
                row.append(c);
            } else {
                skipped++;
            }
        }

        private void endRow() {
            String text = row.toString().strip();
            int length = row.length() + skipped;
            row.setLength(0);
            skipped = 0;
            quoted = false;
            if (text.isEmpty()) {
                return;
            }
            if (format == ImportFormat.CSV && header == null) {
                if (text.length() > 4000) {
                    throw ProblemException.invalid("body", "its header row is longer than 4,000 characters");
                }
                header = text;
                return;
            }
            if (length > ImportRows.MAX_LINE || text.contains(ROW_END)) {
                text = ImportRows.tooLong(length);
            }
            if (partRows == PART_ROWS || part.length() + text.length() > PART_CHARS) {
                String content = part.toString();
                int first = rows - partRows + 1;
                int count = partRows;
                int number = seq++;
                QuarkusTransaction.requiringNew().run(() -> jobs.addPart(job, number, first, count, content));
                part.setLength(0);
                partRows = 0;
            }
            part.append(text).append(ROW_END);
            partRows++;
            rows++;
        }

        /**
         * Counts the bytes as they arrive, and refuses the file once they pass its sender's allowance or arrive too
         * slowly.
         */
        private final class CountingStream extends FilterInputStream {
            private final UploadPace pace =
                    new UploadPace(limits.minRate().asLongValue(), limits.minRateAfter(), java.time.Clock.systemUTC());

            CountingStream(InputStream in) {
                super(in);
            }

            @Override
            public int read() throws IOException {
                int b = super.read();
                counted(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                counted(Math.max(n, 0));
                return n;
            }

            private void counted(int n) {
                bytes += n;
                pace.arrived(bytes);
                if (bytes > allowance) {
                    throw ProblemException.tooMany(
                            "This file would take your imports waiting or running past the "
                                    + limits.bytesPerCaller().asLongValue() + " bytes one caller may have; nothing was"
                                    + " kept. Wait for one to finish, or send a smaller file",
                            RETRY_SECONDS);
                }
            }
        }
    }

    /**
     * Cancels a job that is waiting or running: the rows it wrote stay written, the rest are not read. A job that has
     * ended already stays as it ended, so a cancel is safe to send again.
     */
    public ImportJobView cancel(UUID id) {
        ImportJob job = visible(id);
        String reason = "Cancelled by " + callers.current().subject() + " after " + job.rowsDone + " rows";
        QuarkusTransaction.requiringNew().run(() -> jobs.cancel(id, reason, Instant.now()));
        return get(id);
    }

    public ImportJobView get(UUID id) {
        return ImportJobView.of(visible(id));
    }

    public PageView<ImportJobView> list(PageParams page) {
        Caller caller = callers.current();
        var query = caller.admin()
                ? jobs.find(
                        "clearance in ?1 and status <> ?2",
                        Sort.descending("createdAt").and("id"),
                        caller.clearance().andBelow(),
                        ImportStatus.RECEIVING)
                : jobs.find(
                        "subject = ?1 and clearance in ?2 and status <> ?3",
                        Sort.descending("createdAt").and("id"),
                        caller.subject(),
                        caller.clearance().andBelow(),
                        ImportStatus.RECEIVING);
        List<ImportJobView> items = query.page(page.index(), page.size()).list().stream()
                .map(ImportJobView::of)
                .toList();
        return PageView.of(items, page, query.count());
    }

    public PageView<ImportRefusalView> refusals(UUID id, PageParams page) {
        ImportJob job = visible(id);
        List<ImportRefusalView> items = jobs.refusals(id, page.index() * page.size(), page.size()).stream()
                .map(r -> new ImportRefusalView(r.row(), r.recordId(), problem(r.problem())))
                .toList();
        return PageView.of(items, page, job.refused);
    }

    private Problem problem(String stored) {
        try {
            return json.readValue(stored, Problem.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored refusal cannot be read", e);
        }
    }

    /**
     * The job, or 404 when there is none or the caller may not read it: its sender or an admin, in either case cleared
     * as high as the job was sent (its refusals may quote rows of that level), whatever token sent it.
     */
    private ImportJob visible(UUID id) {
        Caller caller = callers.current();
        return QuarkusTransaction.joiningExisting()
                .call(() -> jobs.findByIdOptional(id))
                .filter(job -> job.status != ImportStatus.RECEIVING)
                .filter(job -> (job.subject.equals(caller.subject()) || caller.admin()) && caller.sees(job.clearance))
                .orElseThrow(() -> ProblemException.notFound("import", id));
    }
}
