package dev.courseline.notification.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.stereotype.Component;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;
import reactor.core.publisher.Mono;

/** {@code courseline_notifications} by state: the delivery log's counts, one series per state from start-up. */
@Component
class NotificationsGauge implements StoreGauge {

    private final ReactiveMongoTemplate mongo;
    private final Map<NotificationStatus, AtomicLong> counts = new EnumMap<>(NotificationStatus.class);

    NotificationsGauge(MeterRegistry registry, ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
        for (NotificationStatus status : NotificationStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("courseline.notifications", count, AtomicLong::get)
                    .description("Notifications in the delivery log, by state")
                    .tag("state", status.name().toLowerCase(Locale.ROOT)).register(registry);
        }
    }

    /** One count per state, grouped by the store (the {@code by_status} index). */
    @Override
    public Mono<Void> refresh() {
        Aggregation byStatus = Aggregation.newAggregation(Aggregation.group("status").count().as("count"));
        return mongo.aggregate(byStatus, Notification.COLLECTION, Document.class)
                .collectMap(group -> String.valueOf(group.get("_id")),
                        group -> ((Number) group.get("count")).longValue())
                .doOnNext(found -> counts.forEach((status, count) -> count.set(found.getOrDefault(status.name(), 0L))))
                .then();
    }
}
