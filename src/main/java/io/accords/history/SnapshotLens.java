package io.accords.history;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How the current caller may see a stored record of one type: the feature that owns the record type leaves out what
 * the caller may not see (a link to a hidden record). Record types without one are shown as stored.
 */
public interface SnapshotLens {

    String recordType();

    JsonNode visible(JsonNode snapshot);
}
