package io.accords.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * How the current caller may see a stored record of one type: the feature that owns the record type leaves out what
 * the caller may not see (a link to a hidden record). Record types without one are shown as stored.
 */
public interface SnapshotLens {

    String recordType();

    JsonNode visible(JsonNode snapshot);

    /** Stored records as the caller may see them, in their order; a lens that can judge them together overrides it. */
    default List<JsonNode> visible(List<JsonNode> snapshots) {
        return snapshots.stream().map(this::visible).toList();
    }
}
