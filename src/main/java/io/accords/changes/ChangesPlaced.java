package io.accords.changes;

/** Changes were just placed in the feed by this replica: whoever delivers them may go at once. */
public record ChangesPlaced(int count) {}
