package io.accords.occasion;

/** What sort of gathering an occasion is. */
public enum OccasionKind {
    SUMMIT,
    STATE_VISIT,
    MINISTERIAL_MEETING,
    EXHIBITION,
    CONFERENCE,
    CEREMONY,
    OTHER
}
