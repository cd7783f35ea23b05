package io.accords.record;

import io.accords.security.Classification;

/** A record as a client writes it: whatever else it holds, it states the classification it asks for. */
public interface ClassifiedInput {

    Classification classification();
}
