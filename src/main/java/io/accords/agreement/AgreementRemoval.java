package io.accords.agreement;

import java.util.UUID;

/**
 * An agreement is being deleted, in the transaction that deletes it: what belongs to it (milestones) must go first.
 * Observed synchronously, so a failure rolls the whole deletion back.
 */
public record AgreementRemoval(UUID agreementId) {}
