package io.accords.agreement;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The fields a text search (`q`) reads in an agreement, declared once: the stored search words are made of them
 * ({@link AgreementReadModel}) and a result's snippet is cut from the first of them that holds a match, so whatever
 * finds an agreement also shows where. A party is found by its name, acronym and aliases.
 */
public final class SearchFields {

    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String SYSTEMS = "systems";
    public static final String TAGS = "tags";
    public static final String PARTIES = "parties";

    private SearchFields() {}

    /** Each field's values, in the order a snippet looks through them; absent values left out. */
    public static Map<String, List<String>> of(
            String title,
            String summary,
            Collection<String> systems,
            Collection<String> tags,
            Stream<String> partyNames) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put(TITLE, present(Stream.of(title)));
        fields.put(SUMMARY, present(Stream.of(summary)));
        fields.put(SYSTEMS, present(systems.stream()));
        fields.put(TAGS, present(tags.stream()));
        fields.put(PARTIES, present(partyNames));
        return fields;
    }

    private static List<String> present(Stream<String> values) {
        return values.filter(Objects::nonNull).toList();
    }
}
