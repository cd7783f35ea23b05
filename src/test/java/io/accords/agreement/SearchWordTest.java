package io.accords.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.accords.security.Classification;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SearchWordTest {

    @Test
    void eachWordIsKeptOnceWithTheLowestClearanceWhoseTextHoldsIt() {
        Map<String, Classification> words = SearchWord.of(List.of(
                        " kf 21 boramae ", " kf 21 boramae hanwha ", " kf 21 boramae hanwha indonesian ministry "))
                .stream()
                .collect(Collectors.toMap(SearchWord::getWord, SearchWord::getVisibleFrom));

        assertEquals(
                Map.of(
                        "kf", Classification.PUBLIC,
                        "21", Classification.PUBLIC,
                        "boramae", Classification.PUBLIC,
                        "hanwha", Classification.RESTRICTED,
                        "indonesian", Classification.CONFIDENTIAL,
                        "ministry", Classification.CONFIDENTIAL),
                words);
    }

    @Test
    void aWordLongerThanTheColumnIsKeptAsItsStart() {
        String longWord = "a".repeat(SearchWord.MAX_LENGTH) + "bcd";

        List<String> kept = SearchWord.of(List.of(" " + longWord + " ", "", "")).stream()
                .map(SearchWord::getWord)
                .toList();

        assertEquals(List.of("a".repeat(SearchWord.MAX_LENGTH)), kept);
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String word = "a".repeat(SearchWord.MAX_LENGTH - 1) + "\uD840\uDC00" + "b";

        assertEquals("a".repeat(SearchWord.MAX_LENGTH - 1), SearchWord.kept(word));
    }
}
