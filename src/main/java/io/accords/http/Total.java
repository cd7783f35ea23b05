package io.accords.http;

/**
 * How many records match a request: the exact number, or, when counting stopped at a bound, at least that many.
 *
 * @param count the number counted
 * @param atLeast whether more may match than were counted
 */
public record Total(long count, boolean atLeast) {

    public static Total exactly(long count) {
        return new Total(count, false);
    }

    /** What counting at most {@code limit + 1} matches found: {@code limit} or more means "at least limit". */
    public static Total countedUpTo(long found, long limit) {
        return found > limit ? new Total(limit, true) : exactly(found);
    }
}
