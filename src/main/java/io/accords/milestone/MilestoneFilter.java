package io.accords.milestone;

import io.accords.agreement.Sector;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A checked milestone filter: what the upcoming feed and the calendar ask for. Empty sets and null dates do not apply.
 * Builds the HQL condition on the milestone {@code m} and its agreement {@code a}, always within the caller's
 * clearance for both.
 */
record MilestoneFilter(
        LocalDate dueFrom,
        LocalDate dueTo,
        Set<String> countries,
        Set<Sector> sectors,
        Set<MilestoneStatus> statuses,
        Set<MilestoneKind> kinds,
        UUID agreement) {

    /** The milestones of one agreement. */
    static MilestoneFilter of(UUID agreement) {
        return new MilestoneFilter(null, null, Set.of(), Set.of(), Set.of(), Set.of(), agreement);
    }

    /** The condition on milestones, and its parameters. */
    String where(Map<String, Object> parameters, List<?> visible) {
        parameters.put("visible", visible);
        StringBuilder where = new StringBuilder("m.classification in :visible and a.classification in :visible");
        if (agreement != null) {
            where.append(" and a.id = :agreement");
            parameters.put("agreement", agreement);
        }
        if (!statuses.isEmpty()) {
            where.append(" and m.status in :statuses");
            parameters.put("statuses", statuses);
        }
        if (!kinds.isEmpty()) {
            where.append(" and m.kind in :kinds");
            parameters.put("kinds", kinds);
        }
        return where.append(dueBetween("m.due", parameters))
                .append(ofAgreements(parameters))
                .toString();
    }

    /** The condition on agreements (alias {@code a}) whose expiry falls in the window. */
    String expiring(Map<String, Object> parameters, List<?> visible) {
        parameters.put("visible", visible);
        return "a.classification in :visible and a.expires.first is not null" + dueBetween("a.expires", parameters)
                + ofAgreements(parameters);
    }

    /** Whether agreements' expiries belong in a feed so filtered: they have a kind (EXPIRY) but no status. */
    boolean includesExpiries() {
        return statuses.isEmpty() && (kinds.isEmpty() || kinds.contains(MilestoneKind.EXPIRY)) && agreement == null;
    }

    /** A partial date matches when the period it covers reaches the window. */
    private String dueBetween(String date, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (dueFrom != null) {
            where.append(" and ").append(date).append(".last >= :dueFrom");
            parameters.put("dueFrom", dueFrom);
        }
        if (dueTo != null) {
            where.append(" and ").append(date).append(".first <= :dueTo");
            parameters.put("dueTo", dueTo);
        }
        return where.toString();
    }

    /**
     * Countries (each takes part, among the parties the caller may see: as on the agreements' list,
     * {@code country=KR&country=PE} asks for agreements between Korea and Peru) and sectors (any of them).
     */
    private String ofAgreements(Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        int n = 0;
        for (String country : countries) {
            String name = "country" + n++;
            where.append(" and exists (select 1 from a.parties p where p.party.country = :")
                    .append(name)
                    .append(" and p.party.classification in :visible)");
            parameters.put(name, country);
        }
        if (!sectors.isEmpty()) {
            where.append(" and exists (select 1 from a.sectors s where s in :sectors)");
            parameters.put("sectors", sectors);
        }
        return where.toString();
    }

    static Map<String, Object> parameters() {
        return new HashMap<>();
    }
}
