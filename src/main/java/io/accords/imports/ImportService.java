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
 * rows. A job is read by the caller that sent it, and by an admin cleared as high as that caller.
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

    /** Stores the file and its job in one transaction, then hands the job to the worker: 202 once it is safe. */
    public ImportJobView submit(InputStream body, boolean dryRun, boolean atomic) {
        Caller caller = callers.current();
        UUID id = UUID.randomUUID();
        ImportJob stored = QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            ImportJob job = new ImportJob(
                    id,
                    "ndjson",
                    dryRun,
                    atomic,
                    caller.subject(),
                    caller.admin() ? Roles.ADMIN : Roles.EDITOR,
                    caller.clearance());
            jobs.persist(job);
            jobs.flush();
            job.totalRows = store(id, body);
            return job;
        });
        worker.schedule(id);
        return ImportJobView.of(stored);
    }

    /** Reads the body a line at a time, never holding more than a part and one (bounded) line. */
    private int store(UUID job, InputStream body) {
        Reader in = new InputStreamReader(body, StandardCharsets.UTF_8);
        StringBuilder part = new StringBuilder();
        StringBuilder line = new StringBuilder();
        int rows = 0;
        int partRows = 0;
        int seq = 0;
        int skipped = 0;
        try {
            char[] buffer = new char[8192];
            int read;
            boolean more = true;
            while (more) {
                read = in.read(buffer);
                more = read >= 0;
                for (int i = 0; i < Math.max(read, 0) || (!more && i == 0); i++) {
                    boolean end = !more || buffer[i] == '\n';
                    if (!end) {
                        if (line.length() < ImportRows.MAX_LINE + 1) {
                            line.append(buffer[i]);
                        } else {
                            skipped++;
                        }
                        continue;
                    }
                    String text = line.toString().strip();
                    if (!text.isEmpty()) {
                        if (skipped > 0 || text.length() > ImportRows.MAX_LINE) {
                            text = ImportRows.tooLong(line.length() + skipped);
                        }
                        if (partRows == PART_ROWS || part.length() + text.length() > PART_CHARS) {
                            jobs.addPart(job, seq++, rows - partRows + 1, partRows, part.toString());
                            part.setLength(0);
                            partRows = 0;
                        }
                        part.append(text).append('\n');
                        partRows++;
                        rows++;
                    }
                    line.setLength(0);
                    skipped = 0;
                    if (!more) {
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (partRows > 0) {
            jobs.addPart(job, seq, rows - partRows + 1, partRows, part.toString());
        }
        if (rows == 0) {
            throw ProblemException.invalid(
                    "body",
                    "has no rows: send agreements as NDJSON, one JSON object per line, as the export writes them");
        }
        return rows;
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
                : jobs.find("subject = ?1", Sort.descending("createdAt").and("id"), caller.subject());
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

    /** The job, or 404 when there is none or the caller may not read it. */
    private ImportJob visible(UUID id) {
        Caller caller = callers.current();
        return QuarkusTransaction.joiningExisting()
                .call(() -> jobs.findByIdOptional(id))
                .filter(job -> job.subject.equals(caller.subject()) || (caller.admin() && caller.sees(job.clearance)))
                .orElseThrow(() -> ProblemException.notFound("import", id));
    }
}
