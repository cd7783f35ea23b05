package io.accords.agreement;

/** What kind of instrument an agreement is. */
public enum AgreementType {
    MOU,
    MOA,
    LETTER_OF_INTENT,
    FRAMEWORK_AGREEMENT,
    IMPLEMENTING_ARRANGEMENT,
    CONTRACT,
    LICENCE,
    JOINT_VENTURE,
    JOINT_DECLARATION,
    EXCHANGE_OF_NOTES,
    TREATY,
    OTHER
}
