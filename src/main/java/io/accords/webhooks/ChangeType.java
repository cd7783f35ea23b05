package io.accords.webhooks;

/** The changes a subscription may ask for, as the end of an event's type says them (accords.party.deleted). */
public enum ChangeType {
    created,
    updated,
    deleted
}
