package dev.courseline.enquiry.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code pollInterval}: how often the relay considers a sweep; {@code sweepInterval}: how often it sweeps when
 * nothing failed here (a sweep scans the collection on the embedded store, and what it is for, a document whose
 * lease ran out elsewhere, is never due sooner than {@code lease} anyway).
 */
@ConfigurationProperties("enquiry.outbox")
public record OutboxProperties(Duration pollInterval, Duration sweepInterval, Duration lease, Duration initialBackOff,
        Duration maxBackOff) {

    /** Back-off before the next attempt after {@code failures} failed ones: doubling, capped. */
    public Duration backOff(int failures) {
        long millis = initialBackOff.toMillis() << Math.min(Math.max(failures - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, maxBackOff.toMillis()));
    }
}
