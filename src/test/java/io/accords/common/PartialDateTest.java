package io.accords.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartialDateTest {

    @ParameterizedTest
    @CsvSource({
        "2024,       YEAR,  2024-01-01, 2024-12-31",
        "2024-02,    MONTH, 2024-02-01, 2024-02-29",
        "2023-02,    MONTH, 2023-02-01, 2023-02-28",
        "2024-11-16, DAY,   2024-11-16, 2024-11-16"
    })
    void readsEachPrecisionAsThePeriodItCovers(String text, DatePrecision precision, LocalDate first, LocalDate last) {
        PartialDate date = PartialDate.parse(text);
        assertEquals(precision, date.precision());
        assertEquals(first, date.first());
        assertEquals(last, date.last());
        assertEquals(text, date.toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "24",
                "2024-1",
                "2024-13",
                "2023-02-29",
                "2024-11-31",
                "2024/11/16",
                "2024-11-16T00:00",
                "x2024",
                "2024-00"
            })
    void refusesWhatIsNotADate(String text) {
        assertThrows(IllegalArgumentException.class, () -> PartialDate.parse(text));
    }

    @ParameterizedTest
    @CsvSource({
        "2024-11-15, 2024-11-16, true",
        "2024-10,    2024-11-16, true",
        "2023,       2024,       true",
        "2024,       2024-11-16, false",
        "2024-11,    2024-11-16, false",
        "2024-11-16, 2024-11-16, false",
        "2025,       2024,       false"
    })
    void isCertainlyBeforeOnlyWhenThePeriodsDoNotOverlap(String earlier, String later, boolean before) {
        assertEquals(before, PartialDate.parse(earlier).isCertainlyBefore(PartialDate.parse(later)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024", "2024-11", "2024-11-16"})
    void equalsByPeriodAndPrecision(String text) {
        assertEquals(PartialDate.parse(text), PartialDate.parse(text));
        assertEquals(PartialDate.parse(text).hashCode(), PartialDate.parse(text).hashCode());
        assertFalse(PartialDate.parse(text).equals(PartialDate.parse("1999")));
        assertTrue(PartialDate.parse(text).first().getYear() == 2024);
    }
}
