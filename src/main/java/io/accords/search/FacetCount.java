package io.accords.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many of the filtered agreements have one value. */
@Schema(name = "FacetCount")
public record FacetCount(
        @Schema(examples = "NAVAL") String value,
        @Schema(examples = "12") long count) {}
