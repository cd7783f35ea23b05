package io.accords.search;

import io.accords.agreement.AgreementView;
import io.accords.agreement.SearchFields;
import io.accords.agreement.Snippet;
import io.accords.common.SearchText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a text query's wanted terms occur in an agreement as its caller sees it, and cuts a snippet around them:
 * the first field that holds one ({@link SearchFields}: the same fields the stored search words are made of), with every
 * occurrence there marked.
 * Matching reads the words the way the stored search words are folded ({@link SearchText}), so a snippet marks what the
 * database matched, on either database. Computed for the one page a caller receives, never for all matches.
 */
final class Snippets {

    /** How long a cut summary is, around its first match. */
    static final int WINDOW = Snippet.WINDOW;

    /** How much of the text before the first match a cut keeps. */
    private static final int LEAD = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}\\p{M}]+");

    private Snippets() {}

    /**
     * The snippet of an agreement for a query, given what each of its parties is found by (name, acronym, aliases:
     * {@code names}, by party id; a party missing from it is read by its name and acronym).
     */
    static Optional<Snippet> of(AgreementView agreement, TextQuery query, Map<UUID, List<String>> names) {
        Map<String, List<String>> fields = SearchFields.of(
                agreement.title(),
                agreement.summary(),
                agreement.systems(),
                agreement.tags(),
                agreement.parties().stream()
                        .map(AgreementView.Participation::party)
                        .distinct()
                        .flatMap(party ->
                                names.getOrDefault(party.id(), Arrays.asList(party.name(), party.acronym())).stream()));
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            String value = String.join(", ", field.getValue());
            if (value.isBlank()) {
                continue;
            }
            String text = Normalizer.normalize(value, Normalizer.Form.NFC);
            List<Snippet.Highlight> found = highlights(text, query.wanted());
            if (!found.isEmpty()) {
                return Optional.of(cut(field.getKey(), text, found));
            }
        }
        return Optional.empty();
    }

    private record Word(int start, int end, String folded) {}

    /** Every occurrence of a term: its words in a row, the last one beginning a word. */
    static List<Snippet.Highlight> highlights(String text, List<TextQuery.Term> terms) {
        List<Word> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text);
        while (matcher.find()) {
            String folded = SearchText.fold(matcher.group());
            if (!folded.isEmpty()) {
                words.add(new Word(matcher.start(), matcher.end(), folded));
            }
        }
        List<int[]> spans = new ArrayList<>();
        for (TextQuery.Term term : terms) {
            int k = term.words().size();
            for (int i = 0; i + k <= words.size(); i++) {
                if (occursAt(words, i, term.words())) {
                    spans.add(new int[] {
                        words.get(i).start(), words.get(i + k - 1).end()
                    });
                }
            }
        }
        spans.sort(Comparator.comparingInt((int[] span) -> span[0]));
        List<Snippet.Highlight> merged = new ArrayList<>();
        int start = -1;
        int end = -1;
        for (int[] span : spans) {
            if (span[0] > end) {
                if (start >= 0) {
                    merged.add(new Snippet.Highlight(start, end - start));
                }
                start = span[0];
            }
            end = Math.max(end, span[1]);
        }
        if (start >= 0) {
            merged.add(new Snippet.Highlight(start, end - start));
        }
        return merged;
    }

    private static boolean occursAt(List<Word> words, int at, List<String> term) {
        int last = term.size() - 1;
        for (int j = 0; j < last; j++) {
            if (!words.get(at + j).folded().equals(term.get(j))) {
                return false;
            }
        }
        return words.get(at + last).folded().startsWith(term.get(last));
    }

    /** The field whole when short, else the window around the first match, cut at spaces where it can be. */
    private static Snippet cut(String field, String text, List<Snippet.Highlight> found) {
        if (text.length() <= WINDOW) {
            return new Snippet(field, text, found);
        }
        int from = Math.max(0, found.get(0).start() - LEAD);
        if (from > 0) {
            int space = text.indexOf(' ', from);
            from = space >= 0 && space < found.get(0).start() ? space + 1 : from;
        }
        int to = Math.min(text.length(), from + WINDOW);
        if (to < text.length()) {
            int space = text.lastIndexOf(' ', to);
            to = space > found.get(0).start() + found.get(0).length() ? space : to;
        }
        String prefix = from > 0 ? "…" : "";
        int shift = prefix.length() - from;
        int end = to;
        List<Snippet.Highlight> inside = found.stream()
                .filter(h -> h.start() + h.length() <= end)
                .map(h -> new Snippet.Highlight(h.start() + shift, h.length()))
                .toList();
        return new Snippet(field, prefix + text.substring(from, to) + (to < text.length() ? "…" : ""), inside);
    }
}
