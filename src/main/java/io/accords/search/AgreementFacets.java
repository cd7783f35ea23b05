package io.accords.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Counts of the filtered agreements by each value of a field, most frequent first. An agreement with two sectors counts
 * once under each; under countries, an agreement counts once for each country taking part.
 */
@Schema(name = "AgreementFacets")
public record AgreementFacets(
        @Schema(
                description =
                        "Agreements matching the filter: exact, or when approximate an estimate from the" + " sample",
                examples = "12")
        long total,

        @Schema(
                description = "false: every count is exact. true: more agreements match than the service"
                        + " counts exactly (10,000 unless configured), so the counts were made on a random"
                        + " sample of sampleSize matching agreements and scaled to the estimated total",
                examples = "false")
        boolean approximate,

        @Schema(
                description = "How many matching agreements the counts were made on, when approximate",
                examples = "2000")
        Integer sampleSize,

        List<FacetCount> sectors,
        List<FacetCount> modes,
        List<FacetCount> countries,
        List<FacetCount> types,
        List<FacetCount> statuses,

        @Schema(description = "By year of signature; agreements without a signature date are not counted")
        List<FacetCount> signedYears) {

    /** These counts, exact. */
    static AgreementFacets exact(
            long total,
            List<FacetCount> sectors,
            List<FacetCount> modes,
            List<FacetCount> countries,
            List<FacetCount> types,
            List<FacetCount> statuses,
            List<FacetCount> signedYears) {
        return new AgreementFacets(total, false, null, sectors, modes, countries, types, statuses, signedYears);
    }
}
