package io.accords.agreement;

import io.accords.security.Classification;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;

/** What a get by id reads of an agreement, in one statement: its classification, version, times and document. */
@RegisterForReflection
record StoredAgreement(
        Classification classification, long version, Instant createdAt, Instant updatedAt, String document) {}
