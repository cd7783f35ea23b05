package io.accords.search;

import io.accords.common.SearchText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code q} parameter read as a web search: words, "quoted phrases", {@code -excluded} words or phrases, and
 * {@code or} between two terms for either. Every clause must hold (AND); a clause is one term or several joined by
 * {@code or}. A term matches where it begins a word (its last word may be the start of a longer one, as in
 * {@code submar}), and a phrase where its words follow one another. Words are folded like the stored text
 * ({@link SearchText}), so case and accents do not matter; a word with inner punctuation ({@code KF-21}) is the phrase
 * of its parts.
 *
 * @param clauses each must match; the terms of one clause are alternatives
 */
public record TextQuery(List<Clause> clauses) {

    private static final Pattern TOKEN = Pattern.compile("(-?)\"([^\"]*)\"?|(\\S+)");

    /** One or more alternatives, any of which may match. */
    public record Clause(List<Term> alternatives) {

        /** A clause that finds something (not one that only leaves out): every alternative is wanted. */
        boolean finds() {
            return alternatives.stream().noneMatch(Term::excluded);
        }
    }

    /**
     * A word or phrase, as folded words in order; excluded when it must not occur.
     *
     * @param words one or more folded words, the last of which may begin a longer word
     * @param excluded whether the agreement must not contain it
     */
    public record Term(List<String> words, boolean excluded) {

        /** The words as they appear in the folded text, each after a space: {@code " kf 21"}. */
        String asFoldedText() {
            return " " + String.join(" ", words);
        }
    }

    /** What was wrong with a query, in the user's words. */
    static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }

    /**
     * Reads a query, refusing one that has nothing to look for, only terms to leave out, or more than {@code maxTerms}
     * terms.
     */
    static TextQuery parse(String q, int maxTerms) {
        List<Object> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(q);
        while (matcher.find()) {
            if (matcher.group(2) != null) {
                term(matcher.group(2), !matcher.group(1).isEmpty(), tokens);
            } else if (matcher.group(3).equalsIgnoreCase("or")) {
                tokens.add(Or.OR);
            } else if (matcher.group(3).startsWith("-") && matcher.group(3).length() > 1) {
                term(matcher.group(3).substring(1), true, tokens);
            } else {
                term(matcher.group(3), false, tokens);
            }
        }
        List<Clause> clauses = new ArrayList<>();
        List<Term> current = null;
        for (int i = 0; i < tokens.size(); i++) {
            Object token = tokens.get(i);
            boolean joins =
                    token == Or.OR && current != null && i + 1 < tokens.size() && tokens.get(i + 1) instanceof Term;
            if (joins) {
                current.add((Term) tokens.get(++i));
                continue;
            }
            // An "or" with no term on one side is the word itself.
            Term term = token instanceof Term t ? t : new Term(List.of("or"), false);
            current = new ArrayList<>(List.of(term));
            clauses.add(new Clause(current));
        }
        List<Clause> read = clauses.stream()
                .map(clause -> new Clause(List.copyOf(clause.alternatives())))
                .toList();
        int terms = read.stream().mapToInt(c -> c.alternatives().size()).sum();
        if (terms == 0) {
            throw new Invalid("has no letters or digits to search for");
        }
        if (terms > maxTerms) {
            throw new Invalid("has " + terms + " words or phrases; use at most " + maxTerms);
        }
        if (read.stream().noneMatch(Clause::finds)) {
            throw new Invalid("only leaves words out; give at least one word or phrase to find");
        }
        return new TextQuery(read);
    }

    private enum Or {
        OR
    }

    private static void term(String text, boolean excluded, List<Object> tokens) {
        List<String> words = Arrays.stream(SearchText.fold(text).split(" "))
                .filter(word -> !word.isEmpty())
                .toList();
        if (!words.isEmpty()) {
            tokens.add(new Term(words, excluded));
        }
    }

    /** The terms that must or may occur (none excluded): what a snippet highlights. */
    public List<Term> wanted() {
        return clauses.stream()
                .flatMap(clause -> clause.alternatives().stream())
                .filter(term -> !term.excluded())
                .toList();
    }

    /**
     * As a PostgreSQL {@code tsquery} for the {@code simple} configuration: {@code kf <-> 21:*} for a phrase,
     * {@code !word:*} for an excluded word, {@code |} between alternatives and {@code &} between clauses. Folded words
     * hold only letters and digits, so nothing in them is read as an operator.
     */
    public String asTsQuery() {
        return clauses.stream()
                .map(clause -> clause.alternatives().stream()
                        .map(TextQuery::tsTerm)
                        .collect(Collectors.joining(" | ", "(", ")")))
                .collect(Collectors.joining(" & "));
    }

    private static String tsTerm(Term term) {
        String phrase = String.join(" <-> ", term.words()) + ":*";
        return term.excluded() ? "!(" + phrase + ")" : phrase;
    }

    @Override
    public String toString() {
        return clauses.stream()
                .map(clause -> clause.alternatives().stream()
                        .map(term -> (term.excluded() ? "-" : "") + "\"" + String.join(" ", term.words()) + "\"")
                        .collect(Collectors.joining(" or ")))
                .collect(Collectors.joining(" "))
                .toLowerCase(Locale.ROOT);
    }
}
