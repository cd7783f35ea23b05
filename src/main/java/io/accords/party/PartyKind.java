package io.accords.party;

/** What sort of body a party is. */
public enum PartyKind {
    GOVERNMENT,
    MINISTRY,
    ARMED_SERVICE,
    AGENCY,
    STATE_ENTERPRISE,
    COMPANY,
    INTERNATIONAL_ORGANISATION,
    OTHER
}
