package io.accords.agreement;

/** The part a party plays in an agreement. */
public enum PartyRole {
    SIGNATORY,
    CONTRACTOR,
    SUPPLIER,
    RECIPIENT,
    CO_DEVELOPER,
    LICENSOR,
    LICENSEE,
    BENEFICIARY,
    WITNESS,
    GUARANTOR
}
