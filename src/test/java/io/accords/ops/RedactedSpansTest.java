package io.accords.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.accords.http.secrets.Secrets;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an exporter receives of a span whose request path held a secret the service minted. */
class RedactedSpansTest {

    @Test
    void noExportedSpanHoldsAMintedSecret() {
        List<SpanData> exported = new ArrayList<>();
        SpanExporter collecting = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        String path = "/api/v1/calendar/feeds/6c1d2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d/" + Secrets.mint();
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(new RedactedSpans())
                .addSpanProcessor(SimpleSpanProcessor.create(collecting))
                .build()) {
            tracing.get("test")
                    .spanBuilder("GET " + path)
                    .setAttribute("url.path", path)
                    .setAttribute("http.route", "/api/v1/calendar/feeds/{id}/{secret}")
                    .startSpan()
                    .end();
        }
        SpanData span = exported.get(0);
        assertFalse(span.toString().contains(path.substring(path.indexOf("acs_") + 4)), span.toString());
        assertEquals(Secrets.redact(path), span.getAttributes().get(AttributeKey.stringKey("url.path")));
        assertEquals("GET " + Secrets.redact(path), span.getName());
    }
}
