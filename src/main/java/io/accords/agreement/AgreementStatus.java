package io.accords.agreement;

/** Where an agreement stands. A pitch or a stated wish is PROPOSED. */
public enum AgreementStatus {
    PROPOSED,
    UNDER_NEGOTIATION,
    SIGNED,
    IN_FORCE,
    SUSPENDED,
    COMPLETED,
    EXPIRED,
    TERMINATED,
    CANCELLED
}
