package io.accords.search;

import io.accords.agreement.AgreementStatus;
import io.accords.agreement.SearchKeys;
import io.accords.search.FilterReader.DateRange;
import io.accords.security.Classification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
    private final SearchDialect dialect;

    /** The text query, when the filter has one: what relevance is measured against. */
    private TextQuery text;

    /** The key conditions ({@link #hasAnyKey}): the keys of each, and how many of the conditions are theirs. */
    private final List<List<String>> keyGroups = new ArrayList<>();

    private int keyConditions;

    /** How many conditions the caller's clearance adds, before any of the filter's. */
    private final int clearanceConditions;

    AgreementCriteria(AgreementFilter filter, Classification clearance, SearchDialect dialect) {
        this.clearance = clearance;
        this.dialect = dialect;
        // So that a filter never finds an agreement through a record hidden from the caller.
        if (!clearance.isHighest()) {
            condition("a.classification in " + visibleTo(clearance));
        }
        clearanceConditions = conditions.size();
        filter.applyTo(this);
    }

    /** The words, phrases and exclusions of a text query, in the agreement's text as the caller's clearance sees it. */
    void matches(TextQuery query) {
        text = query;
        dialect.match(query, clearance, this);
    }

    /** How well an agreement matches the text query, higher first; empty when the filter has none. */
    Optional<String> relevance() {
        return Optional.ofNullable(text).map(query -> dialect.relevance(query, clearance, this));
    }

    /** Any of the parties named, by id or acronym, takes part (among those the caller may see). */
    void namesAnyParty(FilterReader.PartyNames parties) {
        List<String> keys = new ArrayList<>();
        parties.ids().forEach(id -> keys.addAll(SearchKeys.party(id, clearance)));
        parties.acronyms().forEach(acronym -> keys.addAll(SearchKeys.acronym(acronym, clearance)));
        hasAnyKey("parties", keys);
    }

    /** A party from each of the countries takes part (among those the caller may see). */
    void hasPartiesFromEvery(Set<String> countries) {
        int c = 0;
        for (String country : countries) {
            hasAnyKey("country" + c++, SearchKeys.country(country, clearance));
        }
    }

    /** The agreement's read model holds at least one of the keys ({@link SearchKeys}). */
    void hasAnyKey(String parameter, List<String> keys) {
        int before = conditions.size();
        dialect.hasAnyKey(parameter, keys, this);
        keyGroups.add(List.copyOf(keys));
        keyConditions += conditions.size() - before;
    }

    /**
     * The keys, when the filter is nothing but one key condition (one filter of the list, say {@code sector=NAVAL}, or
     * the acronyms and ids of {@code party}): the agreements it finds are those, within the caller's clearance, that
     * hold any of them. Empty for any other filter.
     */
    Optional<List<String>> onlyKeys() {
        boolean onlyOneKeyCondition =
                text == null && keyGroups.size() == 1 && conditions.size() == clearanceConditions + keyConditions;
        return onlyOneKeyCondition && !keyGroups.get(0).isEmpty() ? Optional.of(keyGroups.get(0)) : Optional.empty();
    }

    /** The caller's clearance, which every condition respects. */
    Classification clearance() {
        return clearance;
    }

    /** Signed or in force, started on or before the day, and not expired before it. */
    void inForceOn(LocalDate day) {
        add(
                in("a.status", "live", LIVE) + " and coalesce(a.effective.first, a.signed.first) <= :activeOn"
                        + " and (a.expires.last is null or a.expires.last >= :activeOn)",
                "activeOn",
                day);
    }

    /** Under this parent, when the caller may see it. */
    void hasParent(UUID parent) {
        add(
                clearance.isHighest()
                        ? "a.parent.id = :parent"
                        : "a.parent.id = :parent and a.parent.classification in " + visibleTo(clearance),
                "parent",
                parent);
    }

    /** Made at one of these occasions, among those the caller may see. */
    void madeAtAny(Set<UUID> occasions) {
        condition(in("a.occasion.id", "occasions", occasions)
                + (clearance.isHighest() ? "" : " and a.occasion.classification in " + visibleTo(clearance)));
    }

    /** Carries one of these identifiers (the pair is unique, so this finds at most one agreement each). */
    void hasAnyIdentifier(Set<FilterReader.SchemeValue> identifiers) {
        List<String> pairs = new ArrayList<>();
        int i = 0;
        for (FilterReader.SchemeValue identifier : identifiers) {
            pairs.add("(i.scheme = :idScheme" + i + " and i.value = :idValue" + i + ")");
            parameters.put("idScheme" + i, identifier.scheme());
            parameters.put("idValue" + i, identifier.value());
            i++;
        }
        conditions.add(
                "a.id in (select x.id from Agreement x join x.identifiers i where " + String.join(" or ", pairs) + ")");
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

    /**
     * {@code path in (:name_0, :name_1, ...)}, one parameter per value, or {@code path = :name_0} for one. Hibernate
     * keeps a query's translation to SQL only when no parameter may hold a list, as {@code in :list} and
     * {@code in (:one)} may; with one, it translated every filtered list anew on each request.
     */
    String in(String path, String name, Collection<?> values) {
        List<String> each = new ArrayList<>();
        int i = 0;
        for (Object value : values) {
            each.add(":" + name + "_" + i);
            parameters.put(name + "_" + i++, value);
        }
        return each.size() == 1 ? path + " = " + each.get(0) : path + " in (" + String.join(", ", each) + ")";
    }

    /**
     * The classifications a caller of this clearance may see, as HQL literals for an {@code in}: as a list parameter
     * they would make Hibernate translate the query on every request ({@link #in}).
     */
    static String visibleTo(Classification clearance) {
        return clearance.andBelow().stream()
                .map(level -> Classification.class.getName() + "." + level.name())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** A condition whose parameters are given apart ({@link #parameter}). */
    void condition(String condition) {
        conditions.add(condition);
    }

    void parameter(String name, Object value) {
        parameters.put(name, value);
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
