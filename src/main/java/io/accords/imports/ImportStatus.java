package io.accords.imports;

/** Where an import job stands. */
public enum ImportStatus {
    /** Stored, waiting for the worker. */
    QUEUED,
    /** Being read and written; counts and progress grow. */
    RUNNING,
    /** Every row read: written, unchanged or refused (see the refusals). */
    DONE,
    /** An atomic import with a bad row: nothing was written. */
    REFUSED
}
