package io.accords.ops;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.Locale;

/**
 * Counts changes to agreements and parties as {@code accords_records_changed_total{record, change}}, only once their
 * transaction has committed, so a rolled-back write is never counted.
 */
@ApplicationScoped
public class RecordChangeMetrics {

    private final MeterRegistry registry;

    RecordChangeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void count(@Observes(during = TransactionPhase.AFTER_SUCCESS) RecordChange change) {
        registry.counter("accords.records.changed", "record", change.record(),
                "change", change.kind().name().toLowerCase(Locale.ROOT)).increment();
    }
}
