package io.accords.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Takes an import file and keeps it, in parts, with its job, before answering; the {@link ImportWorker} then writes its
 * rows. A job is read by the caller that sent it, and by an admin, either cleared as high as the token that sent it.
 */
@ApplicationScoped
public class ImportService {

    /** Rows per stored part of a file, and the characters a part holds at most. */
    static final int PART_ROWS = 500;

    static final int PART_CHARS = 900_000;

    private final ImportRepository jobs;
    private final ImportWorker worker;
    private final Callers callers;
    private final ObjectMapper json;

    ImportService(ImportRepository jobs, ImportWorker worker, Callers callers, ObjectMapper json) {
        this.jobs = jobs;
        this.worker = worker;
        this.callers = callers;
        this.json = json;
    }

    /** Ends each row in a stored part: a character neither JSON nor a CSV cell holds unescaped in practice. */
    static final String ROW_END = "\u001e";

    /** Stores the file and its job in one transaction, then hands the job to the worker: 202 once it is safe. */
    public ImportJobView submit(InputStream body, ImportFormat format, boolean dryRun, boolean atomic) {
        Caller caller = callers.current();
        UUID id = UUID.randomUUID();
        ImportJob stored = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            ImportJob job = new ImportJob(
                    id,
                    format.name,
                    dryRun,
                    atomic,
                    caller.subject(),
                    caller.admin() ? Roles.ADMIN : Roles.EDITOR,
                    caller.clearance());
            jobs.persist(job);
            jobs.flush();
            new Parts(job, format).store(body);
            return job;
        });
        worker.schedule(id);
        return ImportJobView.of(stored);
    }

    /**
     * Cuts the body into rows as it arrives (a line of NDJSON; a CSV record, whose quoted cells may hold line breaks)
     * and stores them in parts, never holding more than a part and one bounded row.
     */
    private final class Parts {
        private final ImportJob job;
        private final ImportFormat format;
        private final StringBuilder part = new StringBuilder();
        private final StringBuilder row = new StringBuilder();
        private int rows;
        private int partRows;
        private int seq;
        private int skipped;
        private boolean quoted;

        Parts(ImportJob job, ImportFormat format) {
            this.job = job;
            this.format = format;
        }

        void store(InputStream body) {
            Reader in = new InputStreamReader(body, StandardCharsets.UTF_8);
            char[] buffer = new char[8192];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    for (int i = 0; i < read; i++) {
                        take(buffer[i]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            endRow();
            if (partRows > 0) {
                jobs.addPart(job.id, seq, rows - partRows + 1, partRows, part.toString());
            }
            if (rows == 0) {
                throw ProblemException.invalid(
                        "body",
                        "has no rows: send agreements as NDJSON (one JSON object per line) or CSV (a header row"
                                + " and one row per agreement), as the export writes them");
            }
            job.totalRows = rows;
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
            if (format == ImportFormat.CSV && job.header == null) {
                if (text.length() > 4000) {
                    throw ProblemException.invalid("body", "its header row is longer than 4,000 characters");
                }
                job.header = text;
                return;
            }
            if (length > ImportRows.MAX_LINE || text.contains(ROW_END)) {
                text = ImportRows.tooLong(length);
            }
            if (partRows == PART_ROWS || part.length() + text.length() > PART_CHARS) {
                jobs.addPart(job.id, seq++, rows - partRows + 1, partRows, part.toString());
                part.setLength(0);
                partRows = 0;
            }
            part.append(text).append(ROW_END);
            partRows++;
            rows++;
        }
    }

    public ImportJobView get(UUID id) {
        return ImportJobView.of(visible(id));
    }

    public PageView<ImportJobView> list(PageParams page) {
        Caller caller = callers.current();
        var query = caller.admin()
                ? jobs.find(
                        "clearance in ?1",
                        Sort.descending("createdAt").and("id"),
                        caller.clearance().andBelow())
                : jobs.find(
                        "subject = ?1 and clearance in ?2",
                        Sort.descending("createdAt").and("id"),
                        caller.subject(),
                        caller.clearance().andBelow());
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
                .filter(job -> (job.subject.equals(caller.subject()) || caller.admin()) && caller.sees(job.clearance))
                .orElseThrow(() -> ProblemException.notFound("import", id));
    }
}
