package dev.courseline.enquiry.metrics;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.enrolment.Enrolled;
import dev.courseline.enquiry.enrolment.EnrolmentStatus;
import dev.courseline.enquiry.web.BusyException;
import dev.courseline.enquiry.web.ConflictException;
import dev.courseline.enquiry.web.InvalidRequestException;

/** {@code courseline_enrolments_total} by outcome; every series exists from start-up at 0. */
@Component
public class EnrolmentMetrics {

    private final Counter confirmed;
    private final Counter waitlisted;
    private final Counter refused;

    public EnrolmentMetrics(MeterRegistry registry) {
        this.confirmed = counter(registry, "confirmed");
        this.waitlisted = counter(registry, "waitlisted");
        this.refused = counter(registry, "refused");
    }

    /**
     * Counts the answer to one enrolment: a seat, a waitlist place, or a refusal (bad input, a run not open, already
     * enrolled, or too busy to place it). A repeat of an Idempotency-Key counts as the answer it repeats.
     */
    public Mono<Enrolled> counted(Mono<Enrolled> enrolment) {
        return enrolment
                .doOnNext(enrolled -> (enrolled.status() == EnrolmentStatus.CONFIRMED ? confirmed : waitlisted)
                        .increment())
                .doOnError(e -> e instanceof InvalidRequestException || e instanceof ConflictException
                        || e instanceof BusyException, e -> refused.increment());
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("courseline.enrolments").description("Enrolment requests, by their outcome")
                .tag("outcome", outcome).register(registry);
    }
}
