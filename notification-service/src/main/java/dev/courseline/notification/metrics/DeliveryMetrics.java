package dev.courseline.notification.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;

/**
 * {@code courseline_notifications_sent_total} by kind, and {@code courseline_email_delay_seconds}: from the event's
 * {@code ce_time} to the mail server accepting the email, so it covers the outbox, Kafka, the consumer and the
 * dispatcher's retries. Its buckets reach an hour, since the alert asks about a p99 over a minute.
 */
@Component
public class DeliveryMetrics {

    private final Map<NotificationKind, Counter> sent = new EnumMap<>(NotificationKind.class);
    private final Timer emailDelay;
    private final Clock clock;

    public DeliveryMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        for (NotificationKind kind : NotificationKind.values()) {
            sent.put(kind, Counter.builder("courseline.notifications.sent")
                    .description("Emails the mail server accepted, by kind")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT)).register(registry));
        }
        this.emailDelay = Timer.builder("courseline.email.delay")
                .description("From the event's time (ce_time) to the mail server accepting the email")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** Called once the mail server has accepted {@code notification}. */
    public void accepted(Notification notification) {
        sent.get(notification.kind()).increment();
        if (notification.eventTime() != null) {
            emailDelay.record(Duration.between(notification.eventTime(), clock.instant()));
        }
    }
}
