package io.accords.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.accords.http.problem.ProblemException;
import io.accords.http.problem.ProblemType;
import org.junit.jupiter.api.Test;

/** If-Match parsing without the application: lists, weak and bare tags, and what must be refused. */
class VersionsTest {

    @Test
    void aListMatchesWhenAnyEntryDoes() {
        assertTrue(Versions.ifMatch("\"0\", \"1\"").matches(1));
        assertTrue(Versions.ifMatch("\"3\"").matches(3));
        assertFalse(Versions.ifMatch("\"3\"").matches(4));
    }

    @Test
    void weakAndBareTagsNeverMatchAndABareNumberIsNoted() {
        assertFalse(Versions.ifMatch("W/\"1\"").matches(1));
        Versions.IfMatch bare = Versions.ifMatch("1");
        assertFalse(bare.matches(1));
        assertTrue(bare.unquoted());
        ProblemException refused = assertThrows(ProblemException.class, () -> Versions.require(1, bare, "record"));
        assertTrue(refused.getMessage().contains("If-Match: \"1\""), refused.getMessage());
    }

    @Test
    void missingAndWildcardArePreconditionRequired() {
        for (String header : new String[] {null, " ", "*", "\"1\", *"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Versions.ifMatch(header));
            assertTrue(e.type() == ProblemType.PRECONDITION_REQUIRED, header);
        }
    }
}
