package io.accords.http;

/** Record ids are UUIDs; a path segment that is not one matches no record route (so /agreements/facets never does). */
public final class RecordIds {

    /** A UUID in its canonical form, either case: what a path segment naming a record must be. */
    public static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** The id path segment of a record route: a UUID in its canonical form, either case. */
    public static final String PATH = "{id: " + UUID + "}";

    private RecordIds() {}
}
