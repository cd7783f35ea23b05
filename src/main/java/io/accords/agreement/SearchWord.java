package io.accords.agreement;

import io.accords.common.SearchText;
import io.accords.security.Classification;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One folded word of an agreement's search text ({@link SearchText}) and the lowest clearance whose text holds it: the
 * word table H2, the embedded default, finds a rare word through instead of reading the words of every agreement
 * ({@code PortableSearch}). An agreement holds each word once; a caller cleared {@code c} matches the words visible
 * from {@code c} or below, exactly the words of its own text, because each clearance's text holds every word of the
 * ones below it (it names more parties, never fewer).
 */
@Embeddable
public class SearchWord {

    /** Longer words are kept as their first this many characters, which a term of their start still finds. */
    public static final int MAX_LENGTH = 100;

    @Column(name = "word", nullable = false, length = MAX_LENGTH)
    private String word;

    @Column(name = "visible_from", nullable = false)
    private short visibleFrom;

    protected SearchWord() {
        // for JPA
    }

    SearchWord(String word, Classification visibleFrom) {
        this.word = word;
        this.visibleFrom = (short) visibleFrom.ordinal();
    }

    /**
     * A folded word as the table keeps it: cut to {@link #MAX_LENGTH} characters, or one fewer where the cut would split
     * a character outside the Basic Multilingual Plane (a lone surrogate is not stored as itself).
     */
    public static String kept(String word) {
        if (word.length() <= MAX_LENGTH) {
            return word;
        }
        int end = Character.isHighSurrogate(word.charAt(MAX_LENGTH - 1)) ? MAX_LENGTH - 1 : MAX_LENGTH;
        return word.substring(0, end);
    }

    /**
     * The words of the texts a caller of each clearance matches ({@code byClearance} in the order of
     * {@link Classification#values()}), each with the lowest clearance whose text holds it.
     */
    static Set<SearchWord> of(List<String> byClearance) {
        Map<String, Classification> from = new HashMap<>();
        Classification[] levels = Classification.values();
        for (int level = 0; level < levels.length; level++) {
            for (String word : byClearance.get(level).split(" ")) {
                if (!word.isEmpty()) {
                    from.putIfAbsent(kept(word), levels[level]);
                }
            }
        }
        Set<SearchWord> words = new HashSet<>();
        from.forEach((word, level) -> words.add(new SearchWord(word, level)));
        return words;
    }

    public String getWord() {
        return word;
    }

    public Classification getVisibleFrom() {
        return Classification.values()[visibleFrom];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SearchWord that && word.equals(that.word) && visibleFrom == that.visibleFrom;
    }

    @Override
    public int hashCode() {
        return Objects.hash(word, visibleFrom);
    }

    @Override
    public String toString() {
        return word + "@" + getVisibleFrom();
    }
}
