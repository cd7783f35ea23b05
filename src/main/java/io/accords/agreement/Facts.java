package io.accords.agreement;

import io.accords.common.PartialDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The facts of an agreement a claim can cite, by name: {@code type}, {@code status}, {@code sectors}, {@code modes},
 * {@code announced}, {@code signed}, {@code effective}, {@code expires}, {@code value}, {@code parties/<partyId>} (that
 * the party takes part, in its role), {@code parties/<partyId>/signed}, {@code /consented}, {@code /withdrawn} and
 * {@code systems/<name>}. Only the facts the agreement holds are named: a date it leaves out is not a fact.
 */
public final class Facts {

    /** The facts of the agreement itself, which search can filter on (basis=status:STATED). */
    static final int OWN_FACTS = 9;

    public static final List<String> RECORD_FACTS =
            List.of("type", "status", "sectors", "modes", "announced", "signed", "effective", "expires", "value");

    /** The most facts an agreement can hold: its own, four per party and one per system. */
    public static final int MAX_FACTS = OWN_FACTS + 4 * AgreementInput.MAX_PARTIES + AgreementInput.MAX_SYSTEMS;

    static {
        if (RECORD_FACTS.size() != OWN_FACTS) {
            throw new IllegalStateException("OWN_FACTS must count RECORD_FACTS");
        }
    }

    private Facts() {}

    /** What a party brings to the facts: that it takes part, and its own dates. */
    public record PartyFacts(UUID partyId, PartialDate signed, PartialDate consented, PartialDate withdrawn) {}

    /** The names of the facts an agreement with these values holds, in a stable order. */
    public static List<String> present(
            AgreementType type,
            AgreementStatus status,
            Collection<?> sectors,
            Collection<?> modes,
            List<PartialDate> dates,
            Object value,
            List<PartyFacts> parties,
            List<String> systems) {
        List<String> facts = new ArrayList<>();
        addIf(facts, "type", type);
        addIf(facts, "status", status);
        addIf(facts, "sectors", sectors == null || sectors.isEmpty() ? null : sectors);
        addIf(facts, "modes", modes == null || modes.isEmpty() ? null : modes);
        List<String> dateNames = RECORD_FACTS.subList(4, 8);
        for (int i = 0; i < dateNames.size(); i++) {
            addIf(facts, dateNames.get(i), dates.get(i));
        }
        addIf(facts, "value", value);
        for (PartyFacts party : parties) {
            String fact = party(party.partyId());
            facts.add(fact);
            addIf(facts, fact + "/signed", party.signed());
            addIf(facts, fact + "/consented", party.consented());
            addIf(facts, fact + "/withdrawn", party.withdrawn());
        }
        if (systems != null) {
            systems.forEach(system -> facts.add(system(system)));
        }
        return facts;
    }

    /** The facts no claim cites, in the order they were named. */
    public static List<String> uncited(List<String> facts, List<AgreementInput.Claim> claims) {
        Set<String> cited = claims.stream().map(c -> key(c.fact())).collect(Collectors.toSet());
        return facts.stream().filter(fact -> !cited.contains(key(fact))).toList();
    }

    /** The facts an input holds, which its claims may cite. */
    public static List<String> of(AgreementInput input) {
        return present(
                input.type(),
                input.status(),
                input.sectors(),
                input.modes(),
                Arrays.asList(input.announced(), input.signed(), input.effective(), input.expires()),
                input.value(),
                input.parties() == null
                        ? List.of()
                        : input.parties().stream()
                                .filter(p -> p != null && p.partyId() != null)
                                .map(p -> new PartyFacts(p.partyId(), p.signed(), p.consented(), p.withdrawn()))
                                .toList(),
                input.systems());
    }

    /** The fact that a party takes part; a claim about it names the party's id. */
    public static String party(UUID partyId) {
        return "parties/" + partyId;
    }

    /** The party a fact is about, or null when it is about the agreement itself. */
    public static UUID partyOf(String fact) {
        if (!fact.startsWith("parties/")) {
            return null;
        }
        int end = fact.indexOf('/', "parties/".length());
        try {
            return UUID.fromString(fact.substring("parties/".length(), end < 0 ? fact.length() : end));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The fact that the agreement names a system; matched ignoring case. */
    public static String system(String name) {
        return "systems/" + name;
    }

    /** A fact name as matched: systems ignore case, everything else is exact. */
    public static String key(String fact) {
        return fact.startsWith("systems/") ? fact.toUpperCase(Locale.ROOT) : fact;
    }

    private static void addIf(List<String> facts, String name, Object value) {
        if (value != null) {
            facts.add(name);
        }
    }
}
