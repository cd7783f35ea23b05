package io.accords.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Folds text for matching: accents removed ("Perú" becomes "peru"), lower case, every run of characters that is not a
 * letter or digit turned into one space ("KF-21" becomes "kf 21"). A stored text is wrapped in spaces, so a term
 * matches the start of a word with {@code LIKE '% term%'}. What comes out contains only letters, digits and spaces,
 * so it never carries a LIKE wildcard.
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private SearchText() {}

    /** The folded words of a text, separated by single spaces, without leading or trailing space. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        String recomposed = Normalizer.normalize(bare, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(recomposed).replaceAll(" ").trim();
    }

    /** The stored form of several texts: folded, joined, wrapped in spaces. */
    public static String document(Stream<String> texts) {
        String words = texts.filter(Objects::nonNull)
                .map(SearchText::fold)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.joining(" "));
        return " " + words + " ";
    }
}
