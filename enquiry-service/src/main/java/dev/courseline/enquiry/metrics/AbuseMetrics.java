package dev.courseline.enquiry.metrics;

import java.util.List;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** {@code courseline_rate_limited_total}: public requests answered 429, by the limit they went over. */
@Component
public class AbuseMetrics {

    private static final List<String> LIMITS = List.of("address", "email", "organisation");

    private final MeterRegistry registry;

    public AbuseMetrics(MeterRegistry registry) {
        this.registry = registry;
        LIMITS.forEach(limit -> rateLimited(limit).increment(0));
    }

    public void overLimit(String limit) {
        rateLimited(limit).increment();
    }

    private Counter rateLimited(String limit) {
        return Counter.builder("courseline.rate.limited")
                .description("Public requests refused with 429, by the limit they went over")
                .tag("limit", limit).register(registry);
    }
}
