package io.accords.imports;

/** Where an import job stands. */
public enum ImportStatus {
    /** Its file is still arriving; never answered (the job exists for its sender once the file is whole). */
    RECEIVING,
    /** Stored, waiting for a worker. */
    QUEUED,
    /** Being read and written; counts and progress grow. */
    RUNNING,
    /** Every row read: written, unchanged or refused (see the refusals). */
    DONE,
    /** An atomic import with a bad row: nothing was written. */
    REFUSED,
    /** Stopped after too many refused rows ({@code stopReason} says so): rows written before stay written. */
    STOPPED,
    /** Cancelled by its sender or an admin: rows written before stay written, the rest are not read. */
    CANCELLED;

    /** Whether a worker still has rows of it to read. */
    boolean open() {
        return this == QUEUED || this == RUNNING;
    }
}
