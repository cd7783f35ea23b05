package io.accords.search;

import io.accords.agreement.AgreementReadModel;
import io.accords.agreement.AgreementStatus;
import io.accords.search.FilterReader.DateRange;
import io.accords.security.Classification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    private final Classification clearance;

    /** Every condition on a linked record (a party, the parent) looks only at those the caller may see. */
    private final String visibleParty;

    AgreementCriteria(AgreementFilter filter, Classification clearance) {
        this.clearance = clearance;
        // So that a filter never finds an agreement through a record hidden from the caller.
        if (clearance.isHighest()) {
            visibleParty = "";
        } else {
            add("a.classification in :visible", "visible", clearance.andBelow());
            visibleParty = " and xpt.classification in :visible";
        }
        filter.applyTo(this);
    }

    /** Each word or phrase begins a word of the agreement's text, as the caller's clearance sees it. */
    void containsWords(List<String> terms) {
        String text = "a." + AgreementReadModel.pathFor(clearance);
        for (int i = 0; i < terms.size(); i++) {
            add(text + " like :term" + i, "term" + i, "% " + terms.get(i) + "%");
        }
    }

    /** Any of the parties named, by id or acronym, takes part. */
    void namesAnyParty(FilterReader.PartyNames parties) {
        List<String> anyParty = new ArrayList<>(2);
        if (!parties.ids().isEmpty()) {
            anyParty.add("xpt.id in :partyIds");
            parameters.put("partyIds", parties.ids());
        }
        if (!parties.acronyms().isEmpty()) {
            anyParty.add("upper(xpt.acronym) in :partyAcronyms");
            parameters.put("partyAcronyms", parties.acronyms());
        }
        conditions.add("exists (select 1 from a.parties xp join xp.party xpt where (" + String.join(" or ", anyParty)
                + ")" + visibleParty + ")");
    }

    /** A party from each of the countries takes part. */
    void hasPartiesFromEvery(Set<String> countries) {
        int c = 0;
        for (String country : countries) {
            add(
                    "exists (select 1 from a.parties xp join xp.party xpt where xpt.country = :country" + c
                            + visibleParty + ")",
                    "country" + c++,
                    country);
        }
    }

    /** Signed or in force, started on or before the day, and not expired before it. */
    void inForceOn(LocalDate day) {
        parameters.put("live", LIVE);
        add(
                "a.status in :live and coalesce(a.effective.first, a.signed.first) <= :activeOn"
                        + " and (a.expires.last is null or a.expires.last >= :activeOn)",
                "activeOn",
                day);
    }

    /** Under this parent, when the caller may see it. */
    void hasParent(UUID parent) {
        add(
                clearance.isHighest()
                        ? "a.parent.id = :parent"
                        : "a.parent.id = :parent and a.parent.classification in :visible",
                "parent",
                parent);
    }

    /**
     * A partial date matches a range when the period it covers overlaps the range. A period is at most a year long,
     * so {@code last >= from} implies {@code first > from - 1 year}: saying so as well lets the database scan the index
     * on the first day over a narrow range instead of every earlier date.
     */
    void overlaps(String date, DateRange range) {
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

    /** A condition with one named parameter. */
    void add(String condition, String parameter, Object value) {
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
