package io.accords.changes;

/** What an event carries as its data. */
public enum ChangeData {
    /** The record as it stood after the change, as the caller may see it. */
    RECORD,
    /** The JSON Patch from the version before it that the caller may see (from nothing, when it comes into view). */
    PATCH
}
