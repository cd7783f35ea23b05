package io.accords.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NounsTest {

    @Test
    void aNounTakesTheArticleItsSoundCallsFor() {
        assertEquals("an agreement", Nouns.withArticle("agreement"));
        assertEquals("an occasion", Nouns.withArticle("occasion"));
        assertEquals("a party", Nouns.withArticle("party"));
        assertEquals("a milestone", Nouns.withArticle("milestone"));
    }
}
