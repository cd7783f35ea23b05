package io.accords.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.annotation.Nullable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with what a client needs to walk the rest. */
@RegisterForReflection
public record PageView<T>(
        @Schema(description = "The records on this page", maxItems = PageParams.MAX_SIZE)
        List<T> items,

        @Schema(description = "This page's number, from 1", examples = "1")
        int page,

        @Schema(description = "The requested page size", examples = "20")
        int size,

        @Schema(
                description = "Records matching the request across all pages: exactly that many when"
                        + " totalRelation is eq, at least that many when it is gte (the count stopped at its"
                        + " bound; ask with count=exact for the exact number)",
                examples = "9")
        long total,

        @Schema(
                description = "eq: total is exact; gte: there are at least total records",
                enumeration = {"eq", "gte"},
                examples = "eq")
        String totalRelation,

        @Schema(description = "Pages at this size (at least that many when totalRelation is gte)", examples = "1")
        long totalPages,

        @Schema(
                description = "On agreement lists: pass it as after to get the next page, which then costs"
                        + " what the first page costs however deep it is; null on the last page, and in the relevance"
                        + " order of a text search, which pages by number",
                examples = "bDF8fDJ8MGM3ZDJhOGUtNGIxZi00ZThhLTlmMGUtN2E2YjVjNGQzZTIx",
                maxLength = MAX_CURSOR)
        @Nullable
        String nextCursor,

        @Schema(
                description = "Only when a text search ordered by relevance matched more agreements than it ranks"
                        + " (2,000 unless configured): how many it ranked. The order is then the best of those,"
                        + " which are the first the index found, not of every match, and its pages end after them;"
                        + " narrow the query, or sort by a field to page through every match",
                examples = "2000")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Integer rankedSample) {

    /** Cursors are a few dozen characters of base64url; none is longer than this. */
    public static final int MAX_CURSOR = 512;

    public static final String EXACTLY = "eq";
    public static final String AT_LEAST = "gte";

    /** A page of a collection whose total was counted exactly. */
    public static <T> PageView<T> of(List<T> items, PageParams params, long total) {
        return of(items, params, Total.exactly(total));
    }

    /** A page of a collection whose total may have been counted only up to a bound. */
    public static <T> PageView<T> of(List<T> items, PageParams params, Total total) {
        long pages = total.count() == 0 ? 0 : (total.count() + params.size() - 1) / params.size();
        return new PageView<>(
                items,
                params.page(),
                params.size(),
                total.count(),
                total.atLeast() ? AT_LEAST : EXACTLY,
                pages,
                null,
                null);
    }

    /** This page with each item changed by the function. */
    public <R> PageView<R> map(java.util.function.Function<T, R> change) {
        return new PageView<>(
                items.stream().map(change).toList(),
                page,
                size,
                total,
                totalRelation,
                totalPages,
                nextCursor,
                rankedSample);
    }

    /** This page, numbered {@code page}, with the cursor to the next one (none when there is no next page). */
    public PageView<T> at(int page, String nextCursor) {
        return new PageView<>(items, page, size, total, totalRelation, totalPages, nextCursor, rankedSample);
    }

    /** This page of a relevance order that ranked only a sample of the matches, of this size (null: all of them). */
    public PageView<T> rankedBy(Integer sample) {
        return new PageView<>(items, page, size, total, totalRelation, totalPages, nextCursor, sample);
    }

    /** Whether the total is a lower bound rather than the exact number. */
    public boolean bounded() {
        return AT_LEAST.equals(totalRelation);
    }
}
