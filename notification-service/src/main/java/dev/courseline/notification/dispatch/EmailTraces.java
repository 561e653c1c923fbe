package dev.courseline.notification.dispatch;

import org.springframework.stereotype.Component;

import io.micrometer.tracing.CurrentTraceContext;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.observability.TraceContexts;
import dev.courseline.notification.observability.Traceparent;

/**
 * Puts each SMTP send in the trace of the event that asked for the email: a span that is a child of the context
 * stored with the notification, and headers naming it in the email, so a received email leads back to its request.
 */
@Component
public class EmailTraces {

    /** The trace id alone, for mail clients and searches that know nothing of W3C trace context. */
    public static final String TRACE_ID_HEADER = "X-Courseline-Trace-Id";

    private final Tracer tracer;
    private final TraceContexts traces;

    public EmailTraces(Tracer tracer, TraceContexts traces) {
        this.tracer = tracer;
        this.traces = traces;
    }

    /** Starts the send's span and makes it current on this thread until the returned send is closed. */
    public Send start(Notification notification) {
        CurrentTraceContext.Scope stored = traces.restore(notification.traceparent());
        Span span = tracer.nextSpan().name("email send").tag("notification.id", notification.id())
                .tag("notification.kind", notification.kind().name()).start();
        return new Send(span, tracer.withSpan(span), stored);
    }

    /** Makes the notification's stored trace current again, until closed, for what is logged after its send. */
    public CurrentTraceContext.Scope resume(Notification notification) {
        return traces.restore(notification.traceparent());
    }

    /** One send's span and the scopes that make it current; closing ends the span and restores what was current. */
    public static final class Send implements AutoCloseable {

        private final Span span;
        private final Tracer.SpanInScope inScope;
        private final CurrentTraceContext.Scope stored;

        private Send(Span span, Tracer.SpanInScope inScope, CurrentTraceContext.Scope stored) {
            this.span = span;
            this.inScope = inScope;
            this.stored = stored;
        }

        /** Names the send's trace in the email's headers. */
        public void stamp(MimeMessage message) throws MessagingException {
            Traceparent traceparent = Traceparent.of(span.context());
            message.setHeader(TRACE_ID_HEADER, traceparent.traceId());
            message.setHeader(Traceparent.HEADER, traceparent.value());
        }

        public void failed(Throwable error) {
            span.error(error);
        }

        @Override
        public void close() {
            inScope.close();
            span.end();
            stored.close();
        }
    }
}
