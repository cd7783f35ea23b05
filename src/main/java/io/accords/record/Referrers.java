package io.accords.record;

import io.accords.http.problem.RecordReference;
import io.accords.security.Classification;
import java.util.List;
import java.util.UUID;

/** The records that refer to one record, and so keep it from being deleted. */
public interface Referrers {

    /** For records nothing refers to. */
    Referrers NONE = new Referrers() {
        @Override
        public long count(UUID id) {
            return 0;
        }

        @Override
        public long count(UUID id, List<Classification> visible) {
            return 0;
        }

        @Override
        public List<RecordReference> first(UUID id, List<Classification> visible, int limit) {
            return List.of();
        }
    };

    /** How many records refer to it, whatever their classification. */
    long count(UUID id);

    /** How many records of the given classifications refer to it. */
    long count(UUID id, List<Classification> visible);

    /** The first records, by title, of the given classifications that refer to it. */
    List<RecordReference> first(UUID id, List<Classification> visible, int limit);
}
