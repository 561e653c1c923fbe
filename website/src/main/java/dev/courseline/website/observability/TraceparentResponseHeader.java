package dev.courseline.website.observability;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every request with the {@code traceparent} of its server span, so a caller can find its request in the
 * traces, the logs, the events and the emails it led to. First in the chain, so refusals by security carry it too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceparentResponseHeader implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return Mono.deferContextual(context -> {
            Span span = serverSpan(context.getOrDefault(ObservationThreadLocalAccessor.KEY, null));
            if (span != null) {
                String traceparent = Traceparent.of(span.context()).value();
                exchange.getResponse().beforeCommit(() -> Mono
                        .fromRunnable(() -> exchange.getResponse().getHeaders().set(Traceparent.HEADER, traceparent)));
            }
            return chain.filter(exchange);
        });
    }

    private static Span serverSpan(Observation observation) {
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing = observation.getContext()
                .get(TracingObservationHandler.TracingContext.class);
        return tracing == null ? null : tracing.getSpan();
    }
}
