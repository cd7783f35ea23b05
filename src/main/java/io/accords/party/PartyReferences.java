package io.accords.party;

import io.accords.problem.RecordReference;
import io.accords.security.Classification;
import java.util.List;
import java.util.UUID;

/**
 * What the party feature asks of the records that name a party. The agreement feature implements it, so parties never
 * depend on agreements (the dependency runs one way: agreements name parties).
 */
public interface PartyReferences {

    /** How many records name the party, whatever their classification. */
    long count(UUID partyId);

    /** How many records of the given classifications name the party. */
    long count(UUID partyId, List<Classification> visible);

    /** The first records, by title, of the given classifications that name the party. */
    List<RecordReference> first(UUID partyId, List<Classification> visible, int limit);

    /** The party's names or classification changed: what records naming it derive from them must follow. */
    void partyChanged(UUID partyId);
}
