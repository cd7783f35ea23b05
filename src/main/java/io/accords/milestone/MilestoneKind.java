package io.accords.milestone;

/** What an agreement promises to happen by a date. */
public enum MilestoneKind {
    DELIVERY,
    PAYMENT,
    TECHNOLOGY_TRANSFER,
    REVIEW,
    RENEWAL_NOTICE,
    EXPIRY,
    CEREMONY,
    OTHER
}
