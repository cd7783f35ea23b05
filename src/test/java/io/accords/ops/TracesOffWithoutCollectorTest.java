package io.accords.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spans are sampled, and so exported, only when an OTLP endpoint is configured. */
class TracesOffWithoutCollectorTest {

    private static String sampler(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withInterceptors(new TracesOffWithoutCollector())
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigValue(TracesOffWithoutCollector.SAMPLER).getValue();
    }

    @Test
    void withoutAnEndpointNoSpanIsSampled() {
        assertEquals("always_off", sampler(Map.of()));
        assertEquals("always_off", sampler(Map.of(TracesOffWithoutCollector.SAMPLER, "always_on")));
    }

    @Test
    void withAnEndpointTheConfiguredSamplerRules() {
        assertEquals(null, sampler(Map.of(TracesOffWithoutCollector.ENDPOINT, "http://collector:4317")));
        assertEquals(
                "traceidratio",
                sampler(Map.of(
                        TracesOffWithoutCollector.TRACES_ENDPOINT,
                        "http://collector:4317",
                        TracesOffWithoutCollector.SAMPLER,
                        "traceidratio")));
    }
}
