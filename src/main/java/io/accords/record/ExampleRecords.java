package io.accords.record;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The records the OpenAPI document's prefilled writes name, so that Swagger UI's "Try it out" works as it stands on any
 * instance, however often and in any order, and never touches a record that came from the seed articles. For each
 * kind: one it changes (seeded from {@link RecordKind#replace}; replacing it with that example, or patching it with
 * the patch example, changes nothing), and one deleted when it was seeded, which the delete example names (a DELETE
 * repeated by an admin answers 204 again). Their ids are derived from the kind's noun, the same at build time, where
 * the document is made, and at start, where the records are seeded.
 */
public final class ExampleRecords {

    private ExampleRecords() {}

    /** The record of this kind that the replace and patch examples act on. */
    public static UUID changed(String noun) {
        return id("changed " + noun);
    }

    /** The record of this kind deleted when it was seeded, which the delete example names. */
    public static UUID deleted(String noun) {
        return id("deleted " + noun);
    }

    private static UUID id(String name) {
        return UUID.nameUUIDFromBytes(("accords example record: " + name).getBytes(StandardCharsets.UTF_8));
    }
}
