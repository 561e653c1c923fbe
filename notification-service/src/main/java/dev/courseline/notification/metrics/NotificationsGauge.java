package dev.courseline.notification.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;

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

    /**
     * One count per state, each answered from the {@code by_status} index alone; a {@code $group} over the whole
     * delivery log would read every notification ever sent, every refresh, while the log only grows.
     */
    @Override
    public Mono<Void> refresh() {
        return Flux.fromIterable(counts.entrySet())
                .concatMap(state -> mongo.count(Query.query(Criteria.where("status").is(state.getKey().name())),
                        Notification.COLLECTION)
                        .doOnNext(state.getValue()::set))
                .then();
    }
}
