package io.accords.ops;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * Traces leave the service only when an OTLP endpoint is configured. Without one, every request still gets a trace id
 * (it is in every log line and propagated to callers), but no span is sampled, so nothing is sent to the OTLP
 * exporter's built-in default of localhost:4317.
 */
@Priority(Priorities.APPLICATION)
public class TracesOffWithoutCollector implements ConfigSourceInterceptor {

    static final String SAMPLER = "quarkus.otel.traces.sampler";
    static final String ENDPOINT = "quarkus.otel.exporter.otlp.endpoint";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String OFF = "always_off";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!SAMPLER.equals(name)
                || configured(context.proceed(ENDPOINT))
                || configured(context.proceed(TRACES_ENDPOINT))) {
            return value;
        }
        return ConfigValue.builder()
                .withName(SAMPLER)
                .withValue(OFF)
                .withConfigSourceName(TracesOffWithoutCollector.class.getSimpleName())
                .build();
    }

    private static boolean configured(ConfigValue endpoint) {
        return endpoint != null
                && endpoint.getValue() != null
                && !endpoint.getValue().isBlank();
    }
}
