package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.agreement.Sector;
import io.accords.problem.FieldViolation;
import io.accords.problem.ProblemException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Filter parsing without the application: what each parameter becomes, and how every bad one is named. */
class AgreementFilterTest {

    @Test
    void readsWordsPhrasesPartiesDatesAndEnums() {
        AgreementSearchParams params = new AgreementSearchParams();
        params.q = "Perú \"naval  VESSEL\" kf-21";
        params.party = List.of("sima", "4b024cb2-b5b6-5f7f-b089-72ee93814156");
        params.sector = List.of("NAVAL");
        params.signedFrom = "2024-11";
        params.signedTo = "2024";
        AgreementFilter filter = AgreementFilter.parse(params);
        assertEquals(List.of("peru", "naval vessel", "kf", "21"), filter.terms());
        assertEquals(Set.of("SIMA"), filter.partyAcronyms());
        assertEquals(1, filter.partyIds().size());
        assertEquals(Set.of(Sector.NAVAL), filter.sectors());
        assertEquals(LocalDate.of(2024, 11, 1), filter.signed().from());
        assertEquals(LocalDate.of(2024, 12, 31), filter.signed().to(), "a partial bound stands for its whole period");
    }

    @Test
    void namesEveryBadParameterAtOnce() {
        AgreementSearchParams params = new AgreementSearchParams();
        params.sector = List.of("SUBMARINES");
        params.country = List.of("pe");
        params.signedFrom = "2025";
        params.signedTo = "2024";
        params.parent = "not-an-id";
        ProblemException problem = assertThrows(ProblemException.class, () -> AgreementFilter.parse(params));
        List<String> fields = problem.toProblem("/").errors().stream()
                .map(FieldViolation::field)
                .toList();
        assertEquals(List.of("country", "sector", "signedFrom", "parent"), fields);
    }

    @Test
    void capsValuesAndWords() {
        AgreementSearchParams params = new AgreementSearchParams();
        params.system = java.util.Collections.nCopies(AgreementFilter.MAX_VALUES + 1, "KF-21");
        params.q = "a b c d e f g h i j k";
        ProblemException problem = assertThrows(ProblemException.class, () -> AgreementFilter.parse(params));
        assertTrue(problem.getMessage().contains("2 fields"), problem.getMessage());
    }
}
