package io.accords.imports;

import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A bulk import: who sent it (its rows are written with that caller's role and clearance), how, and how far it got.
 * Its progress ({@code rowsDone} and the counts) is written in the same transaction as the rows it counts, so a restart
 * resumes exactly where the last commit left it.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    ImportStatus status;

    @Column(nullable = false, length = 8)
    String format;

    /** A CSV file's header row, which names its columns. */
    @Column(length = 4000)
    String header;

    @Column(name = "dry_run", nullable = false)
    boolean dryRun;

    @Column(nullable = false)
    boolean atomic;

    @Column(nullable = false, length = 200)
    String subject;

    /** The sender's role: editor or admin (an admin may lower a record's classification). */
    @Column(nullable = false, length = 200)
    String roles;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    Classification clearance;

    @Column(name = "total_rows", nullable = false)
    int totalRows;

    @Column(name = "rows_done", nullable = false)
    int rowsDone;

    @Column(nullable = false)
    int created;

    @Column(nullable = false)
    int updated;

    @Column(nullable = false)
    int unchanged;

    @Column(nullable = false)
    int refused;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "started_at")
    Instant startedAt;

    @Column(name = "finished_at")
    Instant finishedAt;

    /** The replica holding the job, until {@code leaseUntil}: another takes it over once the lease has run out. */
    @Column(name = "lease_owner", length = 100)
    String leaseOwner;

    @Column(name = "lease_until")
    Instant leaseUntil;

    /** When a worker last gave the job a turn: jobs, and callers, take turns oldest first. */
    @Column(name = "turn_at")
    Instant turnAt;

    /** The file's size in bytes, counted against its sender's allowance while the job is open. */
    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;

    /** Why a job STOPPED or was CANCELLED. */
    @Column(name = "stop_reason", length = 500)
    String stopReason;

    /** Whether its file is CSV (else NDJSON). */
    boolean csv() {
        return ImportFormat.CSV.name.equals(format);
    }

    protected ImportJob() {
        // for JPA
    }

    ImportJob(UUID id, String format, boolean dryRun, boolean atomic, String subject, String roles, Classification c) {
        this.id = id;
        this.status = ImportStatus.RECEIVING;
        this.format = format;
        this.dryRun = dryRun;
        this.atomic = atomic;
        this.subject = subject;
        this.roles = roles;
        this.clearance = c;
        this.createdAt = Instant.now();
    }
}
