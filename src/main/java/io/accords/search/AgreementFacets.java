package io.accords.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts of the filtered agreements by each value of a field, most frequent first. An agreement with two sectors counts
 * once under each; under countries, an agreement counts once for each country taking part.
 */
@Schema(name = "AgreementFacets")
public record AgreementFacets(
        @Schema(description = "Agreements matching the filter", examples = "12")
        long total,

        List<FacetCount> sectors,
        List<FacetCount> modes,
        List<FacetCount> countries,
        List<FacetCount> types,
        List<FacetCount> statuses,

        @Schema(description = "By year of signature; agreements without a signature date are not counted")
        List<FacetCount> signedYears) {}
