package io.accords.search;

import io.accords.agreement.AgreementView;
import java.util.List;
import java.util.Optional;

/** Agreements found after a position in the walk, and the position after them (none before the first agreement). */
record SyncStep(List<AgreementView> items, Optional<SyncCursor> position) {}
