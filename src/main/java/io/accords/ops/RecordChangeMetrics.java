package io.accords.ops;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Counts committed writes (creates, updates and deletes together) to agreements and parties as
 * {@code accords_record_writes_total{record}}, only once their transaction has committed, so a rolled-back write is
 * never counted. Creates and deletes are deliberately not counted apart: their difference would be the number of
 * records, hidden ones included, which no caller below the highest clearance may learn (docs/SECURITY.md).
 */
@ApplicationScoped
public class RecordChangeMetrics {

    private final MeterRegistry registry;

    RecordChangeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChange change) {
        registry.counter("accords.record.writes", "record", change.record()).increment();
    }
}
