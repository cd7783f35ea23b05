package io.accords.relay;

import io.accords.security.Classification;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The change feed published to a Kafka topic through Quarkus Messaging (channel {@code accords-changes}; the broker is
 * {@code kafka.bootstrap.servers}, the topic {@code accords.kafka.topic}).
 */
@ConfigMapping(prefix = "accords.kafka")
public interface RelayConfig {

    /** Off until a broker is configured: then every change is published, in order, at least once. */
    @WithDefault("false")
    boolean enabled();

    /** The topic the events go to (the channel's {@code topic}). */
    @WithDefault("accords.changes")
    String topic();

    /**
     * The clearance the topic is read at: an event of a record above it is never published (a raise is published as
     * the record's deletion). Whoever may read the topic learns what a caller with this clearance may, no more.
     */
    @WithDefault("PUBLIC")
    Classification clearance();

    /** How long a replica holds the publishing before another may take it over. */
    @WithDefault("30S")
    Duration lease();

    /**
     * How long a page of events may wait for the broker's acknowledgements before it is sent again (well within the
     * lease, so that the replica sending it still holds it when it records how far it got).
     */
    @WithDefault("10S")
    Duration timeout();
}
