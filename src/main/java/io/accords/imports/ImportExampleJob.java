package io.accords.imports;

import io.accords.config.AccordsConfig;
import io.accords.security.Classification;
import io.accords.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The finished import job the OpenAPI document's examples name (ImportExamples.IMPORT_JOB_ID), made where the seed
 * records are, so that Swagger UI's prefilled reads of a job (and its cancel, which leaves a finished job as it is)
 * find one. Sent by no one ({@code accords-examples}): an admin reads it, as admins read every job.
 */
@ApplicationScoped
public class ImportExampleJob {

    private static final Logger LOG = Logger.getLogger(ImportExampleJob.class);
    static final UUID ID = UUID.fromString(ImportExamples.IMPORT_JOB_ID);
    static final String SENDER = "accords-examples";

    private final ImportRepository jobs;
    private final AccordsConfig config;
    private final String dbKind;

    ImportExampleJob(
            ImportRepository jobs,
            AccordsConfig config,
            @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.jobs = jobs;
        this.config = config;
        this.dbKind = dbKind;
    }

    void onStart(@Observes @Priority(10_000) StartupEvent event) {
        if (!config.seed().enabled().orElse("h2".equals(dbKind))) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (jobs.findByIdOptional(ID).isEmpty()) {
                    jobs.persist(finished());
                    jobs.flush();
                    jobs.addRefusal(ID, 2, REFUSED_ROW, REFUSAL, false);
                    LOG.info("Made the example import job");
                }
            });
        } catch (RuntimeException e) {
            // A second replica starting at the same time made it first.
            LOG.debugf("The example import job was made elsewhere: %s", e.getMessage());
        }
    }

    /** The example file's second row (ImportExamples.IMPORT_LINES), refused for its status. */
    private static final UUID REFUSED_ROW = UUID.fromString("5d0c6f7e-2f0a-4a57-9a54-0f5b8c1d2e40");

    private static final String REFUSAL = "{\"type\": \"/problems/invalid-request\", \"title\": \"Request is not"
            + " valid\", \"status\": 400, \"detail\": \"status: 'MAYBE' is not one of PROPOSED, UNDER_NEGOTIATION,"
            + " SIGNED, IN_FORCE, SUSPENDED, COMPLETED, EXPIRED, TERMINATED, CANCELLED\", \"instance\":"
            + " \"/api/v1/imports\", \"errors\": [{\"field\": \"status\", \"message\": \"'MAYBE' is not one of"
            + " PROPOSED, UNDER_NEGOTIATION, SIGNED, IN_FORCE, SUSPENDED, COMPLETED, EXPIRED, TERMINATED,"
            + " CANCELLED\"}]}";

    private static ImportJob finished() {
        ImportJob job =
                new ImportJob(ID, ImportFormat.NDJSON.name, false, false, SENDER, Roles.ADMIN, Classification.PUBLIC);
        Instant at = Instant.parse("2026-11-23T10:15:30Z");
        job.status = ImportStatus.DONE;
        job.totalRows = 2;
        job.rowsDone = 2;
        job.unchanged = 1;
        job.refused = 1;
        job.createdAt = at;
        job.startedAt = at;
        job.finishedAt = at;
        return job;
    }
}
