package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.agreement.Sector;
import io.accords.http.problem.FieldViolation;
import io.accords.http.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filter parsing without the application: what each parameter becomes, and how every bad one is named. */
class AgreementFilterTest {

    @Test
    void readsWordsPhrasesPartiesDatesAndEnums() {
        AgreementFilter filter = AgreementFilter.parse(Map.of(
                "q", List.of("Perú \"naval  VESSEL\" kf-21"),
                "party", List.of("sima", "4b024cb2-b5b6-5f7f-b089-72ee93814156"),
                "sector", List.of("NAVAL"),
                "signedFrom", List.of("2024-11"),
                "signedTo", List.of("2024")));
        TextQuery text = filter.text().orElseThrow();
        assertEquals(
                List.of(List.of("peru"), List.of("naval", "vessel"), List.of("kf", "21")),
                text.wanted().stream().map(TextQuery.Term::words).toList(),
                "a word with inner punctuation is the phrase of its parts");
        FilterReader.PartyNames parties = (FilterReader.PartyNames) filter.valueOf("party");
        assertEquals(Set.of("SIMA"), parties.acronyms());
        assertEquals(1, parties.ids().size());
        assertEquals(Set.of(Sector.NAVAL), filter.valueOf("sector"));
        FilterReader.DateRange signed = (FilterReader.DateRange) filter.valueOf("signedTo");
        assertEquals(LocalDate.of(2024, 11, 1), signed.from());
        assertEquals(LocalDate.of(2024, 12, 31), signed.to(), "a partial bound stands for its whole period");
        assertNull(filter.valueOf("mode"), "a filter not given does not apply");
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        Map<String, List<String>> query = Map.of(
                "sector", List.of("SUBMARINES"),
                "country", List.of("pe"),
                "signedFrom", List.of("2025"),
                "signedTo", List.of("2024"),
                "parent", List.of("not-an-id"));
        ProblemException problem = assertThrows(ProblemException.class, () -> AgreementFilter.parse(query));
        List<String> fields = problem.toProblem("/").errors().stream()
                .map(FieldViolation::field)
                .toList();
        assertEquals(List.of("country", "sector", "signedFrom", "parent"), fields);
    }

    @Test
    void capsValuesAndWords() {
        Map<String, List<String>> query = Map.of(
                "system", java.util.Collections.nCopies(FilterReader.MAX_VALUES + 1, "KF-21"),
                "q", List.of("a b c d e f g h i j k"));
        ProblemException problem = assertThrows(ProblemException.class, () -> AgreementFilter.parse(query));
        assertTrue(problem.getMessage().contains("2 fields"), problem.getMessage());
    }

    @Test
    void theTableNamesItselfAndEachParameterOnce() {
        assertEquals(AgreementFilters.class.getName(), AgreementFilters.NAME);
        List<String> names = new AgreementFilters()
                .parameters().stream()
                        .map(io.accords.http.QueryParameterTable.Documented::name)
                        .toList();
        assertEquals(names.size(), Set.copyOf(names).size(), names.toString());
    }
}
