package dev.courseline.notification.observability;

import org.springframework.stereotype.Component;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * Carries a trace across work that runs later on another thread (an outbox relay, a mail dispatcher): the writer
 * stores {@link #current()} with the work, and whoever does the work makes it current again with {@link #restore}.
 */
@Component
public class TraceContexts {

    private final Tracer tracer;

    public TraceContexts(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The current span's {@code traceparent}, or null outside any trace. */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : Traceparent.of(span.context()).value();
    }

    /**
     * Makes a stored {@code traceparent} the current context (without a span of its own) until the scope is closed, so
     * that the spans started and the lines logged meanwhile belong to that trace; with none stored, no trace is current,
     * so work done for one trace never lands in another.
     */
    public CurrentTraceContext.Scope restore(String traceparent) {
        TraceContext context = Traceparent.parse(traceparent)
                .map(stored -> tracer.traceContextBuilder().traceId(stored.traceId()).spanId(stored.spanId())
                        .sampled(stored.sampled()).build())
                .orElse(null);
        return tracer.currentTraceContext().newScope(context);
    }
}
