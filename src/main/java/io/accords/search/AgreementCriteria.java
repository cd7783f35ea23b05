package io.accords.search;

import io.accords.agreement.AgreementStatus;
import io.accords.agreement.SearchWords;
import io.accords.search.AgreementFilter.DateRange;
import io.accords.security.Classification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link AgreementFilter} as an HQL condition on the alias {@code a}, with its named parameters. Every value is a
 * bound parameter; the condition text is built only from fixed fragments. Conditions on a collection are subqueries
 * correlated on the collection's own table ({@code from a.sectors}), so they never join the agreement table again.
 */
final class AgreementCriteria {

    private static final List<AgreementStatus> LIVE = List.of(AgreementStatus.SIGNED, AgreementStatus.IN_FORCE);

    /** The longest period a partial date covers: a leap year. */
    private static final int LONGEST_PERIOD_DAYS = 366;

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    AgreementCriteria(AgreementFilter filter, Classification clearance) {
        // Every condition on a linked record (a party, the parent) looks only at those the caller may see, so that a
        // filter never finds an agreement through a record hidden from the caller.
        String visibleParty = "";
        if (!clearance.isHighest()) {
            add("a.classification in :visible", "visible", clearance.andBelow());
            visibleParty = " and xpt.classification in :visible";
        }
        String text = "a." + SearchWords.pathFor(clearance);
        for (int i = 0; i < filter.terms().size(); i++) {
            add(text + " like :term" + i, "term" + i, "% " + filter.terms().get(i) + "%");
        }
        List<String> anyParty = new ArrayList<>(2);
        if (!filter.partyIds().isEmpty()) {
            anyParty.add("xpt.id in :partyIds");
            parameters.put("partyIds", filter.partyIds());
        }
        if (!filter.partyAcronyms().isEmpty()) {
            anyParty.add("upper(xpt.acronym) in :partyAcronyms");
            parameters.put("partyAcronyms", filter.partyAcronyms());
        }
        if (!anyParty.isEmpty()) {
            conditions.add("exists (select 1 from a.parties xp join xp.party xpt where ("
                    + String.join(" or ", anyParty) + ")" + visibleParty + ")");
        }
        int c = 0;
        for (String country : filter.countries()) {
            add(
                    "exists (select 1 from a.parties xp join xp.party xpt where xpt.country = :country" + c
                            + visibleParty + ")",
                    "country" + c++,
                    country);
        }
        if (!filter.sectors().isEmpty()) {
            add("exists (select 1 from a.sectors xs where xs in :sectors)", "sectors", filter.sectors());
        }
        if (!filter.modes().isEmpty()) {
            add("exists (select 1 from a.modes xm where xm in :modes)", "modes", filter.modes());
        }
        if (!filter.types().isEmpty()) {
            add("a.type in :types", "types", filter.types());
        }
        if (!filter.statuses().isEmpty()) {
            add("a.status in :statuses", "statuses", filter.statuses());
        }
        if (!filter.systems().isEmpty()) {
            add("exists (select 1 from a.systems xy where upper(xy) in :systems)", "systems", filter.systems());
        }
        range("signed", filter.signed());
        range("effective", filter.effective());
        range("expires", filter.expires());
        if (filter.activeOn() != null) {
            parameters.put("live", LIVE);
            add(
                    "a.status in :live and coalesce(a.effective.first, a.signed.first) <= :activeOn"
                            + " and (a.expires.last is null or a.expires.last >= :activeOn)",
                    "activeOn",
                    filter.activeOn());
        }
        if (filter.updatedSince() != null) {
            add("a.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince());
        }
        if (filter.parent() != null) {
            add(
                    clearance.isHighest()
                            ? "a.parent.id = :parent"
                            : "a.parent.id = :parent and a.parent.classification in :visible",
                    "parent",
                    filter.parent());
        }
    }

    /**
     * A partial date matches a range when the period it covers overlaps the range. A period is at most a year long,
     * so {@code last >= from} implies {@code first > from - 1 year}: saying so as well lets the database scan the index
     * on the first day over a narrow range instead of every earlier date.
     */
    private void range(String date, DateRange range) {
        if (range.from() != null) {
            add("a." + date + ".last >= :" + date + "From", date + "From", range.from());
            add(
                    "a." + date + ".first >= :" + date + "FromFirst",
                    date + "FromFirst",
                    range.from().minusDays(LONGEST_PERIOD_DAYS));
        }
        if (range.to() != null) {
            add("a." + date + ".first <= :" + date + "To", date + "To", range.to());
        }
    }

    private void add(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
    }

    /** The condition, {@code 1 = 1} when nothing filters. */
    String where() {
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    /** The condition with one more, for a keyset position or the like. */
    String where(String extra) {
        return conditions.isEmpty() ? extra : where() + " and " + extra;
    }

    Map<String, Object> parameters() {
        return parameters;
    }
}
