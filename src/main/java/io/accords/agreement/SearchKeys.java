package io.accords.agreement;

import io.accords.party.Party;
import io.accords.security.Classification;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The keys an agreement's read model holds for the filters on its collections, one array per agreement that the
 * database indexes as a whole (GIN on PostgreSQL): {@code sector:NAVAL}, {@code mode:LICENSED_PRODUCTION},
 * {@code system:KF-21}, and for each party, tagged with the party's classification so that a filter only ever
 * matches parties the caller may see, {@code party:PUBLIC:<id>}, {@code acronym:PUBLIC:KAI} and
 * {@code country:PUBLIC:KR}. Written by {@link AgreementReadModel}; the search asks for the keys it accepts.
 */
public final class SearchKeys {

    /** How firmly a fact can be sourced, as a filter names it: a {@link Basis}, or UNCITED. */
    public static final List<String> BASES = Stream.concat(
                    Arrays.stream(Basis.values()).map(Basis::name), Stream.of("UNCITED"))
            .toList();

    private SearchKeys() {}

    /** Every key of an agreement, sorted. */
    static List<String> of(Agreement agreement) {
        TreeSet<String> keys = new TreeSet<>();
        agreement.getSectors().forEach(sector -> keys.add(sector(sector)));
        agreement.getModes().forEach(mode -> keys.add(mode(mode)));
        agreement.getSystems().forEach(system -> keys.add(system(system)));
        agreement.getParties().stream().map(Participant::getParty).distinct().forEach(party -> keys.addAll(of(party)));
        Map<String, Basis> cited = new HashMap<>();
        agreement.getClaims().forEach(claim -> cited.put(claim.getFact(), claim.getBasis()));
        Facts.present(
                        agreement.getType(),
                        agreement.getStatus(),
                        agreement.getSectors(),
                        agreement.getModes(),
                        Arrays.asList(
                                agreement.getAnnounced(),
                                agreement.getSigned(),
                                agreement.getEffective(),
                                agreement.getExpires()),
                        agreement.getValue(),
                        List.of(),
                        List.of())
                .forEach(fact -> keys.add(
                        basis(fact, cited.containsKey(fact) ? cited.get(fact).name() : "UNCITED")));
        return List.copyOf(keys);
    }

    private static List<String> of(Party party) {
        Classification level = party.getClassification();
        return Stream.concat(
                        Stream.of(
                                "party:" + level + ":" + party.getId(), "country:" + level + ":" + party.getCountry()),
                        party.shortNames().stream().map(name -> acronymAt(level, name)))
                .distinct()
                .toList();
    }

    public static String sector(Sector sector) {
        return "sector:" + sector.name();
    }

    public static String mode(CooperationMode mode) {
        return "mode:" + mode.name();
    }

    /** A system, ignoring case. */
    public static String system(String name) {
        return "system:" + name.toUpperCase(Locale.ROOT);
    }

    /** The keys that find a party by id among the parties a caller of this clearance may see. */
    public static List<String> party(UUID id, Classification clearance) {
        return clearance.andBelow().stream()
                .map(level -> "party:" + level + ":" + id)
                .toList();
    }

    /** The keys that find a party by acronym, ignoring case, among those a caller of this clearance may see. */
    public static List<String> acronym(String acronym, Classification clearance) {
        return clearance.andBelow().stream()
                .map(level -> acronymAt(level, acronym))
                .toList();
    }

    /** The keys that find a country's parties among those a caller of this clearance may see. */
    public static List<String> country(String country, Classification clearance) {
        return clearance.andBelow().stream()
                .map(level -> "country:" + level + ":" + country)
                .toList();
    }

    /** The key of a fact of the agreement itself and how firmly it is sourced: {@code basis:status:STATED}. */
    public static String basis(String fact, String basis) {
        return "basis:" + fact + ":" + basis;
    }

    /** Keys of several values, as one array parameter. */
    public static String[] array(Collection<String> keys) {
        return keys.toArray(String[]::new);
    }

    private static String acronymAt(Classification level, String acronym) {
        return "acronym:" + level + ":" + acronym.toUpperCase(Locale.ROOT);
    }
}
