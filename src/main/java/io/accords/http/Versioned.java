package io.accords.http;

import java.util.UUID;

/** A record as returned to clients: it has an id and a version, sent as its ETag. */
public interface Versioned {

    UUID id();

    long version();
}
