package io.accords.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.StringReader;

/**
 * RFC 6902 JSON Patches between two JSON documents, computed by Jakarta JSON Processing's diff (Eclipse Parsson), not
 * by hand: the patch that turns the first into the second.
 */
final class JsonPatches {

    private JsonPatches() {}

    static JsonNode between(JsonNode source, JsonNode target, ObjectMapper json) {
        try {
            String patch = Json.createDiff(structure(source, json), structure(target, json))
                    .toJsonArray()
                    .toString();
            return json.readTree(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON Patch could not be read back", e);
        }
    }

    private static JsonStructure structure(JsonNode node, ObjectMapper json) throws JsonProcessingException {
        try (JsonReader reader = Json.createReader(new StringReader(json.writeValueAsString(node)))) {
            return reader.read();
        }
    }
}
