package io.accords.search;

import io.accords.http.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where the next page of a list starts: after this agreement, in this sort order, and which page number that is. Given
 * out in {@code Link: next} and {@code nextCursor}, sent back as {@code after}; the database seeks to the agreement
 * instead of counting past every earlier one, so a deep page costs what the first does.
 *
 * @param sort the sort the page was listed in, as the client sent it (empty for the default)
 * @param page the number of the page the cursor leads to
 * @param after the last agreement of the page before
 */
public record ListCursor(String sort, int page, UUID after) {

    private static final String VERSION = "l1";

    /** The sort parameter's values as one text, to tell whether a cursor belongs to the same order. */
    public static String sortOf(List<String> values) {
        return values == null ? "" : String.join(",", values);
    }

    /** The cursor a client sent, or 400 when it is not one this service gave out. */
    public static ListCursor parse(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException(text);
            }
            int page = Integer.parseInt(parts[2]);
            if (page < 2) {
                throw new IllegalArgumentException(text);
            }
            return new ListCursor(parts[1], page, UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid(
                    "after",
                    "is not a cursor this service gave out; pass the nextCursor (or the after of Link: next) of the"
                            + " page before, or start again without it");
        }
    }

    @Override
    public String toString() {
        String plain = VERSION + "|" + sort + "|" + page + "|" + after;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }
}
