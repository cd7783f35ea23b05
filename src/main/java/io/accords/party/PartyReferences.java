package io.accords.party;

import io.accords.record.Referrers;
import java.util.UUID;

/**
 * What the party feature asks of the records that name a party. The agreement feature implements it, so parties never
 * depend on agreements (the dependency runs one way: agreements name parties).
 */
public interface PartyReferences extends Referrers {

    /** The party's names, country or classification changed: what records naming it derive from them must follow. */
    void partyChanged(UUID partyId);
}
