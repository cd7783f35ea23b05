package io.accords.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.http.problem.ProblemException;
import io.quarkus.panache.common.Sort;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sort parsing without the application: keys, directions, the id tie-break, and every refusal. */
class SortOrderTest {

    private static final SortOrder ORDER =
            new SortOrder(Map.of("title", "title", "signed", "signed.first", "type", "type"), "-signed,title");

    private static List<String> columns(Sort sort) {
        return sort.getColumns().stream()
                .map(c -> (c.getDirection() == Sort.Direction.Descending ? "-" : "") + c.getName())
                .toList();
    }

    @Test
    void readsCommaSeparatedAndRepeatedKeysAndEndsWithTheId() {
        assertEquals(List.of("-signed.first", "title", "id"), columns(ORDER.parse(List.of("-signed,title"))));
        assertEquals(List.of("type", "-title", "id"), columns(ORDER.parse(List.of("type", "-title"))));
        assertEquals(List.of("-signed.first", "title", "id"), columns(ORDER.parse(null)), "the default");
    }

    @Test
    void refusesUnknownRepeatedAndTooManyKeysHoweverTheyAreSent() {
        ProblemException unknown = assertThrows(ProblemException.class, () -> ORDER.parse(List.of("price")));
        assertTrue(unknown.getMessage().contains("unknown sort key 'price'"), unknown.getMessage());
        assertThrows(ProblemException.class, () -> ORDER.parse(List.of("title,-title")));
        ProblemException many =
                assertThrows(ProblemException.class, () -> ORDER.parse(List.of("title,type,signed,title,type,signed")));
        assertTrue(many.getMessage().contains("at most 5"), many.getMessage());
    }
}
