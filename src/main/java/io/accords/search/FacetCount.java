package io.accords.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many of the filtered agreements have one value. */
@Schema(name = "FacetCount")
public record FacetCount(
        @Schema(
                description = "A value of the field: an enum name, a country code, a year or an occasion id",
                examples = "NAVAL",
                maxLength = 36)
        String value,

        @Schema(examples = "12") long count) {}
