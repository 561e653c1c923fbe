package dev.courseline.enquiry.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("enquiry.outbox")
public record OutboxProperties(Duration pollInterval, Duration lease, Duration initialBackOff, Duration maxBackOff) {

    /** Back-off before the next attempt after {@code failures} failed ones: doubling, capped. */
    public Duration backOff(int failures) {
        long millis = initialBackOff.toMillis() << Math.min(Math.max(failures - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, maxBackOff.toMillis()));
    }
}
