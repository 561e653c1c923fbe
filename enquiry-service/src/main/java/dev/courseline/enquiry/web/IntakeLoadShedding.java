package dev.courseline.enquiry.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsProcessor;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.config.EnquiryProperties;

/**
 * Answers {@code 503} with {@code Retry-After} to quote and membership requests beyond {@code max-in-flight}, before
 * anything is read or stored, instead of queueing them: queued requests fill the bounded heap until every request is
 * slow (docs/performance.md). A refused request stored nothing and, with its Idempotency-Key, is safe to send again.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class IntakeLoadShedding implements WebFilter {

    private static final String INTAKE = "/api/enquiries/";
    private static final String RETRY_AFTER_SECONDS = "1";
    private static final byte[] BUSY = """
            {"type":"about:blank","title":"Service Unavailable","status":503,\
            "detail":"Too many requests are being taken in right now; nothing was stored. Please send it again in a moment."}"""
            .getBytes(StandardCharsets.UTF_8);

    private final int maxInFlight;
    private final CorsConfigurationSource cors;
    private final CorsProcessor corsProcessor = new DefaultCorsProcessor();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** {@code cors}: the public endpoints' CORS, which this filter answers before the security chain could. */
    public IntakeLoadShedding(EnquiryProperties properties, CorsConfigurationSource cors) {
        this.maxInFlight = properties.intake().maxInFlight();
        this.cors = cors;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isIntake(exchange)) {
            return chain.filter(exchange);
        }
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            // So that a page on an allowed origin can read the Retry-After of the refusal.
            corsProcessor.process(cors.getCorsConfiguration(exchange), exchange);
            return busy(exchange.getResponse());
        }
        return chain.filter(exchange).doFinally(signal -> inFlight.decrementAndGet());
    }

    private static boolean isIntake(ServerWebExchange exchange) {
        return HttpMethod.POST.equals(exchange.getRequest().getMethod())
                && exchange.getRequest().getPath().value().startsWith(INTAKE);
    }

    private static Mono<Void> busy(ServerHttpResponse response) {
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(BUSY)));
    }
}
