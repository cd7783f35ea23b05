package io.accords.http;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection, with what a client needs to walk the rest. */
@RegisterForReflection
public record PageView<T>(
        @Schema(description = "The records on this page") List<T> items,

        @Schema(description = "This page's number, from 1", examples = "1")
        int page,

        @Schema(description = "The requested page size", examples = "20")
        int size,

        @Schema(description = "Records matching the request across all pages", examples = "9")
        long total,

        @Schema(description = "Pages at this size", examples = "1")
        long totalPages) {

    public static <T> PageView<T> of(List<T> items, PageParams params, long total) {
        long pages = total == 0 ? 0 : (total + params.size() - 1) / params.size();
        return new PageView<>(items, params.page(), params.size(), total, pages);
    }
}
