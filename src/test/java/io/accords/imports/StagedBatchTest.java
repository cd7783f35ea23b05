package io.accords.imports;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.accords.agreement.AgreementInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** When a batch of an import may be staged while the batch before it is still being written (plain unit test). */
class StagedBatchTest {

    private static final ObjectMapper JSON =
            JsonMapper.builder().findAndAddModules().build();

    private final UUID written = UUID.randomUUID();
    private final UUID existing = UUID.randomUUID();
    private final Map<String, Object> identifier = Map.of("scheme", "contract", "value", "KR-2024-7");

    private static ImportRows.Row row(UUID id, Map<String, Object> fields) {
        Map<String, Object> input = new HashMap<>(fields);
        input.putIfAbsent("parties", List.of());
        input.putIfAbsent("identifiers", List.of());
        return new ImportRows.Row(id, JSON.convertValue(input, AgreementInput.class), List.of(), true);
    }

    /** The batch before: it created {@code written}, holding the identifier, and another agreement. */
    private StagedBatch before(boolean createdOnly) {
        return StagedBatch.of(
                List.of(row(written, Map.of("identifiers", List.of(identifier))), row(UUID.randomUUID(), Map.of())),
                createdOnly);
    }

    @Test
    void rowsNamingOnlyRecordsTheBatchBeforeDidNotWriteMayBeStagedMeanwhile() {
        Set<Object> next = StagedBatch.names(List.of(
                row(UUID.randomUUID(), Map.of("parentId", existing, "parties", List.of(Map.of("partyId", existing)))),
                row(
                        UUID.randomUUID(),
                        Map.of(
                                "relations", List.of(Map.of("agreementId", existing)),
                                "identifiers", List.of(Map.of("scheme", "contract", "value", "KR-2024-8"))))));
        assertTrue(before(true).mayBeFollowedBy(next));
    }

    @Test
    void rowsNamingWhatTheBatchBeforeWritesWaitUntilItHasCommitted() {
        List<ImportRows.Row> naming = List.of(
                row(written, Map.of()),
                row(UUID.randomUUID(), Map.of("parentId", written)),
                row(UUID.randomUUID(), Map.of("relations", List.of(Map.of("agreementId", written)))),
                row(UUID.randomUUID(), Map.of("occasionId", written)),
                row(UUID.randomUUID(), Map.of("identifiers", List.of(identifier))));
        for (ImportRows.Row row : naming) {
            assertFalse(before(true).mayBeFollowedBy(StagedBatch.names(List.of(row))), row.toString());
        }
    }

    @Test
    void aBatchThatChangedRecordsOrCreatedPartiesIsAlwaysWaitedFor() {
        assertFalse(before(false).mayBeFollowedBy(Set.of()));
        assertFalse(StagedBatch.OPAQUE.mayBeFollowedBy(Set.of()));
    }
}
