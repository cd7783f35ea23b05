package io.accords.search;

import jakarta.annotation.Nullable;
import java.util.Comparator;
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
        @Nullable
        Integer sampleSize,

        @Schema(maxItems = MAX_VALUES) List<FacetCount> sectors,
        @Schema(maxItems = MAX_VALUES) List<FacetCount> modes,
        @Schema(maxItems = MAX_VALUES) List<FacetCount> countries,
        @Schema(maxItems = MAX_VALUES) List<FacetCount> types,
        @Schema(maxItems = MAX_VALUES) List<FacetCount> statuses,

        @Schema(
                description = "By year of signature; agreements without a signature date are not counted",
                maxItems = MAX_VALUES)
        List<FacetCount> signedYears,

        @Schema(
                description = "By the id of the occasion they were signed or announced at (GET /api/v1/occasions/{id});"
                        + " the most frequent 1,000 when there are more",
                maxItems = MAX_VALUES)
        List<FacetCount> occasions) {

    /** The most values a facet lists: the most frequent ones. */
    public static final int MAX_VALUES = 1000;

    public AgreementFacets {
        occasions = occasions == null || occasions.size() <= MAX_VALUES ? occasions : occasions.subList(0, MAX_VALUES);
        signedYears = signedYears == null || signedYears.size() <= MAX_VALUES
                ? signedYears
                : signedYears.subList(0, MAX_VALUES);
    }

    /** Most frequent first, then by value. */
    static final Comparator<FacetCount> MOST_FIRST =
            Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value);

    /** Counts made exactly, over every matching agreement. */
    static AgreementFacets exact(
            long total,
            List<FacetCount> sectors,
            List<FacetCount> modes,
            List<FacetCount> countries,
            List<FacetCount> types,
            List<FacetCount> statuses,
            List<FacetCount> signedYears,
            List<FacetCount> occasions) {
        return new AgreementFacets(
                total, false, null, sectors, modes, countries, types, statuses, signedYears, occasions);
    }

    /**
     * These counts, made exactly on a sample of {@code total} agreements, scaled to {@code estimated} matching ones and
     * flagged approximate.
     */
    AgreementFacets scaledTo(long estimated) {
        double scale = (double) estimated / total;
        return new AgreementFacets(
                estimated,
                true,
                (int) total,
                scaled(sectors, scale),
                scaled(modes, scale),
                scaled(countries, scale),
                scaled(types, scale),
                scaled(statuses, scale),
                scaled(signedYears, scale),
                scaled(occasions, scale));
    }

    private static List<FacetCount> scaled(List<FacetCount> counts, double scale) {
        return counts.stream()
                .map(c -> new FacetCount(c.value(), Math.round(c.count() * scale)))
                .sorted(MOST_FIRST)
                .toList();
    }
}
