package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accords.agreement.SearchKeys;
import io.accords.security.Classification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Which filters are one key condition, without the application: those are the filters PostgreSQL counts and samples
 * through its key table ({@link AgreementSearch}); any other condition, a second key condition or a text query makes
 * the filter one the agreements themselves answer.
 */
class AgreementCriteriaTest {

    /** A dialect that writes each condition as a placeholder: only how many conditions there are matters here. */
    private static final SearchDialect DIALECT = new SearchDialect() {
        @Override
        public void hasAnyKey(String parameter, List<String> keys, AgreementCriteria criteria) {
            criteria.condition("keys(" + parameter + ")");
        }

        @Override
        public void match(TextQuery query, Classification clearance, AgreementCriteria criteria) {
            criteria.condition("matches");
        }

        @Override
        public String relevance(TextQuery query, Classification clearance, AgreementCriteria criteria) {
            return "1";
        }
    };

    private static Optional<List<String>> onlyKeys(Map<String, List<String>> given, Classification clearance) {
        return new AgreementCriteria(AgreementFilter.parse(given), clearance, DIALECT).onlyKeys();
    }

    @Test
    void aFilterOfOneKeyConditionIsAnsweredByItsKeysAtEveryClearance() {
        for (Classification clearance : Classification.values()) {
            assertEquals(
                    Optional.of(List.of("sector:NAVAL")),
                    onlyKeys(Map.of("sector", List.of("NAVAL")), clearance),
                    "the clearance's own condition does not count as the filter's, at " + clearance);
            assertEquals(
                    Optional.of(SearchKeys.country("KR", clearance)),
                    onlyKeys(Map.of("country", List.of("KR")), clearance));
        }
        assertEquals(
                2,
                onlyKeys(Map.of("sector", List.of("NAVAL", "AEROSPACE")), Classification.PUBLIC)
                        .orElseThrow()
                        .size());
    }

    @Test
    void anyOtherConditionASecondKeyConditionOrATextQueryLeavesTheFilterToTheAgreements() {
        for (Map<String, List<String>> given : List.of(
                Map.<String, List<String>>of(),
                Map.of("type", List.of("MOU")),
                Map.of("sector", List.of("NAVAL"), "type", List.of("MOU")),
                Map.of("sector", List.of("NAVAL"), "country", List.of("KR")),
                Map.of("country", List.of("KR", "PE")),
                Map.of("sector", List.of("NAVAL"), "signedFrom", List.of("2024")),
                Map.of("sector", List.of("NAVAL"), "q", List.of("kestrel")))) {
            assertEquals(Optional.empty(), onlyKeys(given, Classification.RESTRICTED), given.toString());
        }
    }
}
