package io.accords.imports;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An import job as its sender reads it. */
@Schema(name = "ImportJob", description = "A bulk import: how far it got and what it did")
public record ImportJobView(
        UUID id,

        @Schema(
                examples = "DONE",
                enumeration = {"QUEUED", "RUNNING", "DONE", "REFUSED", "STOPPED", "CANCELLED"})
        ImportStatus status,

        @Schema(
                examples = "ndjson",
                enumeration = {"ndjson", "csv"})
        String format,

        @Schema(description = "Validated and counted, nothing written")
        boolean dryRun,

        @Schema(description = "The whole file, or nothing when any row is bad")
        boolean atomic,

        @Schema(
                description = "The token subject that sent it; its rows are written with that caller's clearance",
                maxLength = 200)
        String submittedBy,

        @Schema(description = "Rows in the file (non-blank lines)", examples = "12")
        int rows,

        Counts counts,

        @Schema(description = "Share of the rows read, from 0 to 1", examples = "1.0")
        double progress,

        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,

        @Schema(
                description = "Why the job STOPPED or was CANCELLED; null otherwise",
                examples = "Stopped after 1000 refused rows; fix the file and send it again",
                maxLength = 500)
        @Nullable
        String stopReason) {

    /** What the import did with its rows so far (for a dry run: what it would do). */
    @Schema(name = "ImportCounts")
    public record Counts(
            @Schema(examples = "12") int read,
            @Schema(examples = "3") int created,
            @Schema(examples = "1") int updated,
            @Schema(examples = "8") int unchanged,

            @Schema(description = "Refused rows; GET /api/v1/imports/{id}/refusals says why", examples = "0")
            int refused) {}

    static ImportJobView of(ImportJob job) {
        return new ImportJobView(
                job.id,
                job.status,
                job.format,
                job.dryRun,
                job.atomic,
                job.subject,
                job.totalRows,
                new Counts(job.rowsDone, job.created, job.updated, job.unchanged, job.refused),
                job.totalRows == 0 ? 1.0 : Math.min(1.0, (double) job.rowsDone / job.totalRows),
                job.createdAt,
                job.startedAt,
                job.finishedAt,
                job.stopReason);
    }
}
