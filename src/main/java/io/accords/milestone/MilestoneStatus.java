package io.accords.milestone;

/** Where a milestone stands: planned, now due, met, missed, or waived by the parties. */
public enum MilestoneStatus {
    PLANNED,
    DUE,
    MET,
    MISSED,
    WAIVED
}
