package io.accords.ops;

import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Keeps every metric tag to a bounded set of values, so that no client can grow the metrics by what it sends: an HTTP
 * method outside RFC 9110's is counted as {@code OTHER} (each invented method would otherwise add series of its own).
 * Paths are bounded by route templates (unmatched ones share one) and statuses by the service itself.
 */
@Singleton
public class BoundedMetricTags {

    static final Set<String> METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    @Produces
    @Singleton
    MeterFilter knownMethodsOnly() {
        return MeterFilter.replaceTagValues("method", method -> METHODS.contains(method) ? method : "OTHER");
    }
}
