package io.accords.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.accords.agreement.Snippet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The q parameter read as a web search, as PostgreSQL's tsquery renders it, and what its snippets mark. */
class TextQueryTest {

    @Test
    void readsWordsPhrasesExclusionsAndAlternatives() {
        TextQuery query = TextQuery.parse("Perú -\"naval  vessel\" frigate or CORVETTE KF-21 -sub", 10);
        assertEquals(
                "(peru:*) & (!(naval <-> vessel:*)) & (frigate:* | corvette:*) & (kf <-> 21:*) & (!(sub:*))",
                query.asTsQuery());
        assertEquals(
                List.of(List.of("peru"), List.of("frigate"), List.of("corvette"), List.of("kf", "21")),
                query.wanted().stream().map(TextQuery.Term::words).toList());
    }

    @Test
    void anOrWithoutATermOnEachSideIsTheWordItself() {
        assertEquals("(or:*) & (radar:*)", TextQuery.parse("or radar", 10).asTsQuery());
        assertEquals("(radar:*) & (or:*)", TextQuery.parse("radar or", 10).asTsQuery());
        assertEquals(
                "(radar:*) & (or:* | sonar:*)",
                TextQuery.parse("radar or or sonar", 10).asTsQuery());
        assertEquals("(or:*)", TextQuery.parse("\"or\"", 10).asTsQuery());
    }

    @Test
    void refusesQueriesWithNothingToFind() {
        assertEquals(
                "has no letters or digits to search for",
                assertThrows(TextQuery.Invalid.class, () -> TextQuery.parse("!!! \"\"", 10))
                        .getMessage());
        assertEquals(
                "only leaves words out; give at least one word or phrase to find",
                assertThrows(TextQuery.Invalid.class, () -> TextQuery.parse("-radar -\"naval vessel\"", 10))
                        .getMessage());
        assertEquals(
                "has 3 words or phrases; use at most 2",
                assertThrows(TextQuery.Invalid.class, () -> TextQuery.parse("a b or c", 2))
                        .getMessage());
    }

    @Test
    void snippetsMarkEveryOccurrenceAsTheDatabaseMatchesIt() {
        TextQuery query = TextQuery.parse("peru \"kf 21\" subm", 10);
        String text = "Perú and KF-21: submarines, not kf 210 or pERU's";
        List<Snippet.Highlight> found = Snippets.highlights(text, query.wanted());
        assertEquals(
                List.of("Perú", "KF-21", "submarines", "kf 210", "pERU"),
                found.stream()
                        .map(h -> text.substring(h.start(), h.start() + h.length()))
                        .toList());
        assertEquals(List.of(), Snippets.highlights("Ruperu emits", query.wanted()), "only where a word begins");
    }
}
