package dev.courseline.catalogue.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pollInterval   how often the relay looks for pending events when nobody woke it
 * @param lease          how long a relay instance owns a document it claimed; another instance takes over after it
 * @param sendTimeout    how long to wait for Kafka's acknowledgement of one event
 * @param initialBackOff first pause after a failed send; doubles up to {@code maxBackOff}
 * @param maxBackOff     longest pause between attempts while the broker is unreachable
 */
@ConfigurationProperties("catalogue.outbox")
public record OutboxProperties(Duration pollInterval, Duration lease, Duration sendTimeout,
        Duration initialBackOff, Duration maxBackOff) {
}
