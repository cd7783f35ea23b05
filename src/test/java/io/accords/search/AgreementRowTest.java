package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would run as formulas are neutralised (OWASP CSV injection); others are left alone. */
class AgreementRowTest {

    @Test
    void prefixesCellsThatStartAFormula() {
        for (String formula : new String[] {"=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx"}) {
            assertEquals("'" + formula, AgreementRow.cell(formula));
        }
    }

    @Test
    void leavesOtherCellsAsTheyAre() {
        assertEquals("KF-21 = fighter", AgreementRow.cell("KF-21 = fighter"));
        assertEquals("", AgreementRow.cell(""));
        assertNull(AgreementRow.cell(null));
    }
}
