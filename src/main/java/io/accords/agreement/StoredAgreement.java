package io.accords.agreement;

import io.accords.security.Classification;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.UUID;

/**
 * What a read of an agreement needs, in one statement and without its collections: its id, classification, version,
 * times, and document (its UTF-8, as the database sends it) with the shape it was written in. A get by id reads one; a list page, a sync step and an export chunk read theirs in the query
 * that finds them ({@link AgreementViews#ofStored}).
 */
@RegisterForReflection
public record StoredAgreement(
        UUID id,
        Classification classification,
        long version,
        Instant createdAt,
        Instant updatedAt,
        byte[] document,
        int documentFormat) {

    /** The HQL select of this record from an agreement aliased {@code a}. */
    public static final String SELECT = select("a");

    /** The HQL select of this record from an agreement with this alias. */
    public static String select(String alias) {
        return "select new io.accords.agreement.StoredAgreement(%1$s.id, %1$s.classification, %1$s.version,"
                        .formatted(alias)
                + " %1$s.createdAt, %1$s.updatedAt, %1$s.documentBytes, %1$s.documentFormat)".formatted(alias);
    }
}
