package dev.courseline.catalogue.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sweepInterval}: how often the relay looks for documents whose events nobody is sending (a crash, a broker
 * outage, a lease that ran out elsewhere); {@code lease}: how long a claim holds; the back-off after failed sends.
 */
@ConfigurationProperties("catalogue.outbox")
public record OutboxProperties(Duration sweepInterval, Duration lease, Duration initialBackOff, Duration maxBackOff) {

    /** Back-off before the next attempt after {@code failures} failed ones: doubling, capped. */
    public Duration backOff(int failures) {
        long millis = initialBackOff.toMillis() << Math.min(Math.max(failures - 1, 0), 16);
        return Duration.ofMillis(Math.min(millis, maxBackOff.toMillis()));
    }
}
