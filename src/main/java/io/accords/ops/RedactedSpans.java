package io.accords.ops;

import io.accords.http.secrets.Secrets;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Leaves secrets the service minted out of every span: the attributes that carry a request's path or URL are
 * rewritten as the span starts, before any exporter sees them (a calendar feed's URL holds its secret).
 */
@ApplicationScoped
public class RedactedSpans implements SpanProcessor {

    static final List<AttributeKey<String>> URLS = List.of(
            AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("url.full"),
            AttributeKey.stringKey("url.query"),
            AttributeKey.stringKey("http.target"),
            AttributeKey.stringKey("http.url"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : URLS) {
            String value = span.getAttribute(key);
            String redacted = Secrets.redact(value);
            if (value != null && !value.equals(redacted)) {
                span.setAttribute(key, redacted);
            }
        }
        String name = span.getName();
        if (name != null && !name.equals(Secrets.redact(name))) {
            span.updateName(Secrets.redact(name));
        }
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // attributes are redacted when the span starts
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
