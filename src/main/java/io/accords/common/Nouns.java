package io.accords.common;

/** A record kind's noun in a sentence: "an agreement", "an occasion", "a party", "a milestone". */
public final class Nouns {

    private Nouns() {}

    /** The noun in the plural: "parties", "programmes". */
    public static String plural(String noun) {
        return noun.matches(".*[^aeiou]y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }

    /** The noun with its indefinite article. */
    public static String withArticle(String noun) {
        return (noun.matches("[aeiouAEIOU].*") ? "an " : "a ") + noun;
    }
}
