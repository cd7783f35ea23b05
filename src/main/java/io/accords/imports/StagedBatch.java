package io.accords.imports;

import io.accords.agreement.AgreementInput;
import io.accords.party.PartySummary;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of rows staged, as far as the next batch needs to know it to be staged before this one commits: the
 * agreements its rows write and the identifiers they hold, and whether it only created agreements (rows found unchanged
 * write nothing) and no party. The next batch reads the database as it was before this batch commits. That is what it
 * would read after, when this batch changed no record that was there before and the next batch names none of the
 * records this one writes, nor an identifier it holds: only then may the next batch be staged meanwhile
 * ({@link #mayBeFollowedBy}); otherwise it waits until this batch has committed.
 */
record StagedBatch(Set<Object> written, boolean createdOnly) {

    /** A batch that staged nothing the next one could rely on: the next one waits until it has committed. */
    static final StagedBatch OPAQUE = new StagedBatch(Set.of(), false);

    /** What these rows write; {@code createdOnly} when they created agreements and found others unchanged only. */
    static StagedBatch of(List<ImportRows.Row> rows, boolean createdOnly) {
        Set<Object> written = new HashSet<>();
        for (ImportRows.Row row : rows) {
            written.add(row.id());
            identifiers(row.input(), written);
        }
        written.remove(null);
        return new StagedBatch(written, createdOnly);
    }

    /** The records and identifiers these rows name: their own ids, and the parties, parent, relations and occasion. */
    static Set<Object> names(List<ImportRows.Row> rows) {
        Set<Object> names = new HashSet<>();
        for (ImportRows.Row row : rows) {
            names.add(row.id());
            row.parties().stream().map(PartySummary::id).forEach(names::add);
            AgreementInput input = row.input();
            names.add(input.parentId());
            names.add(input.occasionId());
            if (input.parties() != null) {
                input.parties().stream()
                        .filter(p -> p != null)
                        .map(AgreementInput.Participation::partyId)
                        .forEach(names::add);
            }
            if (input.relations() != null) {
                input.relations().stream()
                        .filter(r -> r != null)
                        .map(AgreementInput.Relation::agreementId)
                        .forEach(names::add);
            }
            identifiers(input, names);
        }
        names.remove(null);
        return names;
    }

    private static void identifiers(AgreementInput input, Set<Object> into) {
        if (input.identifiers() != null) {
            input.identifiers().stream()
                    .filter(i -> i != null)
                    .map(i -> List.of(i.scheme(), i.value()))
                    .forEach(into::add);
        }
    }

    /** Whether rows naming {@code next} ({@link #names}) may be staged before this batch commits. */
    boolean mayBeFollowedBy(Set<Object> next) {
        return createdOnly && next.stream().noneMatch(written::contains);
    }
}
