package dev.courseline.enquiry.metrics;

import java.util.Locale;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.intake.IntakeResult;
import dev.courseline.enquiry.web.InvalidRequestException;

/**
 * {@code courseline_enquiries_received_total} by kind and outcome, and {@code courseline_quarantined_total} by
 * each reason a request was held for. Every series exists from start-up at 0, so a rate
 * over a series that has not moved yet is 0, not missing.
 */
@Component
public class IntakeMetrics {

    /** What intake decided about one request. */
    public enum Outcome {
        ACCEPTED, DUPLICATE, QUARANTINED, REFUSED
    }

    private final MeterRegistry registry;

    public IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (EnquiryKind kind : EnquiryKind.values()) {
            for (Outcome outcome : Outcome.values()) {
                counter(kind, outcome);
            }
        }
    }

    public void record(EnquiryKind kind, Outcome outcome) {
        counter(kind, outcome).increment();
    }

    /**
     * Counts the answer of one intake: accepted, duplicate (of an earlier enquiry), quarantined (held as suspect), or
     * refused (bad input; one over a rate limit is counted by {@link AbuseMetrics}). A repeat of an Idempotency-Key counts as the answer it repeats.
     */
    public Mono<IntakeResult> counted(EnquiryKind kind, Mono<IntakeResult> intake) {
        return intake
                .doOnNext(result -> {
                    record(kind, outcome(result));
                    result.quarantinedFor().forEach(reason -> Counter.builder("courseline.quarantined")
                            .description("Requests held in quarantine, by each reason they were suspect")
                            .tag("reason", reason.toLowerCase(Locale.ROOT)).register(registry).increment());
                })
                .doOnError(InvalidRequestException.class, e -> record(kind, Outcome.REFUSED));
    }

    private static Outcome outcome(IntakeResult result) {
        if (result.quarantined()) {
            return Outcome.QUARANTINED;
        }
        return result.duplicateOf() == null ? Outcome.ACCEPTED : Outcome.DUPLICATE;
    }

    private Counter counter(EnquiryKind kind, Outcome outcome) {
        return Counter.builder("courseline.enquiries.received")
                .description("Quote and membership requests, by what intake decided")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry);
    }
}
