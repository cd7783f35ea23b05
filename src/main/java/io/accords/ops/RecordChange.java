package io.accords.ops;

/** A committed change to a record, for the domain counters. */
public record RecordChange(String record, Kind kind) {

    public enum Kind {
        CREATED,
        UPDATED,
        DELETED
    }
}
