package io.accords.search;

import io.accords.agreement.AgreementStatus;
import io.accords.agreement.AgreementType;
import io.accords.agreement.CooperationMode;
import io.accords.agreement.Facts;
import io.accords.agreement.SearchKeys;
import io.accords.agreement.Sector;
import io.accords.http.QueryParameterTable;
import io.accords.http.QueryParameterTable.Documented;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * Every filter the agreement list, facets, sync walk and export take, one entry each: its parameters and their
 * documentation, how they are read, and the condition they add ({@link AgreementCriteria}). A new filter is one entry
 * here; the OpenAPI document, the refusal of unknown parameters and the 400s follow from it. Repeated values of one
 * parameter are alternatives (OR), except {@code country}; different parameters all apply (AND).
 */
@RegisterForReflection
public final class AgreementFilters implements QueryParameterTable {

    /** This class's name, for {@code @Extension(name = QueryParameterTable.EXTENSION, value = NAME)}. */
    public static final String NAME = "io.accords.search.AgreementFilters";

    private static final String DATE =
            "YYYY, YYYY-MM or YYYY-MM-DD; a partial date stands for the whole period it" + " covers";

    static final List<SearchFilter<?>> ALL = List.of(
            new SearchFilter<>(
                    List.of(new Documented(
                            "q",
                            "Words to find in the title, summary, systems, tags and the names, acronyms and aliases of"
                                    + " the parties you may see, ignoring case and accents, as in a web search: each"
                                    + " word must begin a word of the agreement (submar finds submarine); several"
                                    + " words all apply; a \"quoted phrase\" matches its words in order; -word or"
                                    + " -\"a phrase\" leaves out the agreements that have it; or between two terms"
                                    + " accepts either (frigate or corvette). Results come most relevant first unless"
                                    + " sort says otherwise, each with a snippet marking where the words were found. At"
                                    + " most " + FilterReader.MAX_TEXT + " characters and " + FilterReader.MAX_TERMS
                                    + " terms.",
                            null,
                            false,
                            null)),
                    reader -> reader.text("q"),
                    (query, where) -> where.matches(query)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "party",
                            "A party's id or acronym (repeat for any of several), such as FAME",
                            null,
                            true,
                            null)),
                    reader -> reader.parties("party"),
                    (parties, where) -> where.namesAnyParty(parties)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "country",
                            "ISO 3166-1 alpha-2 code of a party's country. Repeated, all must take part:"
                                    + " country=KR&country=PE finds agreements between Korea and Peru",
                            null,
                            true,
                            List.of("KR", "PE"))),
                    reader -> reader.countries("country"),
                    (countries, where) -> where.hasPartiesFromEvery(countries)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "sector", "Sector (repeat for any of several)", Sector.class, true, List.of("NAVAL"))),
                    reader -> reader.enums("sector", Sector.class),
                    (sectors, where) -> where.hasAnyKey(
                            "sectors", sectors.stream().map(SearchKeys::sector).toList())),
            new SearchFilter<>(
                    List.of(new Documented(
                            "mode", "Cooperation mode (repeat for any of several)", CooperationMode.class, true, null)),
                    reader -> reader.enums("mode", CooperationMode.class),
                    (modes, where) -> where.hasAnyKey(
                            "modes", modes.stream().map(SearchKeys::mode).toList())),
            new SearchFilter<>(
                    List.of(new Documented(
                            "type", "Agreement type (repeat for any of several)", AgreementType.class, true, null)),
                    reader -> reader.enums("type", AgreementType.class),
                    (types, where) -> where.condition(where.in("a.type", "types", types))),
            new SearchFilter<>(
                    List.of(new Documented(
                            "status", "Status (repeat for any of several)", AgreementStatus.class, true, null)),
                    reader -> reader.enums("status", AgreementStatus.class),
                    (statuses, where) -> where.condition(where.in("a.status", "statuses", statuses))),
            new SearchFilter<>(
                    List.of(new Documented(
                            "system",
                            "A system or programme named by the agreement, ignoring case (repeat for any of"
                                    + " several), such as KF-21",
                            null,
                            true,
                            null)),
                    reader -> reader.upperCased("system", 100),
                    (systems, where) -> where.hasAnyKey(
                            "systems", systems.stream().map(SearchKeys::system).toList())),
            new SearchFilter<>(
                    List.of(
                            new Documented(
                                    "signedFrom",
                                    "Signed on or after this date (" + DATE + "); an agreement whose signature is"
                                            + " known only to the month or year matches when that period reaches the"
                                            + " range",
                                    null,
                                    false,
                                    "2024"),
                            new Documented(
                                    "signedTo", "Signed on or before this date (" + DATE + ")", null, false, null)),
                    reader -> reader.range("signed"),
                    (range, where) -> where.overlaps("signed", range)),
            new SearchFilter<>(
                    List.of(
                            new Documented(
                                    "effectiveFrom",
                                    "Effective on or after this date (" + DATE + ")",
                                    null,
                                    false,
                                    null),
                            new Documented(
                                    "effectiveTo",
                                    "Effective on or before this date (" + DATE + ")",
                                    null,
                                    false,
                                    null)),
                    reader -> reader.range("effective"),
                    (range, where) -> where.overlaps("effective", range)),
            new SearchFilter<>(
                    List.of(
                            new Documented(
                                    "expiresFrom", "Expires on or after this date (" + DATE + ")", null, false, null),
                            new Documented(
                                    "expiresTo", "Expires on or before this date (" + DATE + ")", null, false, null)),
                    reader -> reader.range("expires"),
                    (range, where) -> where.overlaps("expires", range)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "expiresWithinDays",
                            "Expires between today (UTC) and this many days ahead, 0 to " + FilterReader.MAX_DAYS_AHEAD
                                    + ": expiresWithinDays=90&sort=expires answers what lapses in the next three"
                                    + " months, soonest first",
                            null,
                            false,
                            90)),
                    reader -> reader.daysAhead("expiresWithinDays"),
                    (range, where) -> where.overlaps("expires", range)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "activeOn",
                            "In force on this day (YYYY-MM-DD): status SIGNED or IN_FORCE, started (effective, or"
                                    + " signed when the effective date is unknown) on or before it, and not expired"
                                    + " before it, such as 2025-06-30",
                            null,
                            false,
                            null)),
                    reader -> reader.day("activeOn"),
                    (day, where) -> where.inForceOn(day)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "updatedSince",
                            "Changed at or after this instant (ISO 8601, e.g. 2025-01-31T12:00:00Z, or a day, meaning"
                                    + " its start in UTC), such as 2025-01-31T12:00:00Z",
                            null,
                            false,
                            null)),
                    reader -> reader.instant("updatedSince"),
                    (since, where) -> where.add("a.updatedAt >= :updatedSince", "updatedSince", since)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "parent",
                            "Id of the parent agreement: lists the arrangements under a framework",
                            null,
                            false,
                            null)),
                    reader -> reader.agreementId("parent"),
                    (parent, where) -> where.hasParent(parent)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "occasion",
                            "Id of the summit, visit, exhibition or ceremony it was signed or announced at (repeat for"
                                    + " any of several); GET /api/v1/occasions lists them",
                            null,
                            true,
                            null)),
                    reader -> reader.ids("occasion", "an occasion"),
                    (occasions, where) -> where.madeAtAny(occasions)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "identifier",
                            "An identifier in another register, as scheme:value (repeat for any of several), such as"
                                    + " sipri:KR-PE-2024-0042",
                            null,
                            true,
                            null)),
                    reader -> reader.identifiers("identifier"),
                    (identifiers, where) -> where.hasAnyIdentifier(identifiers)),
            new SearchFilter<>(
                    List.of(new Documented(
                            "basis",
                            "How firmly a fact is sourced, as fact:basis (repeat for any of several): the fact is one"
                                    + " of " + String.join(", ", Facts.RECORD_FACTS) + "; the basis STATED, REPORTED,"
                                    + " INFERRED or UNCITED (no claim cites it). status:STATED finds the agreements"
                                    + " whose status a source states",
                            null,
                            true,
                            List.of("status:STATED"))),
                    reader -> reader.factBases("basis"),
                    (keys, where) -> where.hasAnyKey("claims", keys)));

    @Override
    public List<Documented> parameters() {
        return ALL.stream().flatMap(filter -> filter.parameters().stream()).toList();
    }
}
