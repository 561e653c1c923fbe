package dev.courseline.catalogue.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.outbox.OutboxLease;
import dev.courseline.catalogue.outbox.OutboxRelay;

/**
 * {@code courseline_outbox_pending} and {@code courseline_outbox_oldest_pending_seconds}: what the relay has not sent
 * yet. The age is computed at scrape time from the stored oldest event, so it keeps growing while the relay is stuck.
 */
@Component
class OutboxGauges implements StoreGauge {

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;
    private final AtomicReference<OutboxSnapshot> snapshot = new AtomicReference<>(OutboxSnapshot.EMPTY);

    OutboxGauges(MeterRegistry registry, ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock,
            @Value("${spring.application.name}") String service) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
        Gauge.builder("courseline.outbox.pending", snapshot, s -> s.get().pending())
                .description("Events stored but not yet acknowledged by Kafka").tag("service", service)
                .register(registry);
        Gauge.builder("courseline.outbox.oldest.pending", snapshot, s -> s.get().oldestAgeSeconds(clock.instant()))
                .description("Age of the oldest event not yet acknowledged by Kafka (0 when none)")
                .baseUnit("seconds").tag("service", service).register(registry);
    }

    @Override
    public Mono<Void> refresh() {
        return Flux.fromIterable(relay.collections())
                .flatMap(this::pendingIn)
                .reduce(OutboxSnapshot.EMPTY, (total, part) -> total.plus(part.pending(), part.oldest()))
                .doOnNext(snapshot::set)
                .then();
    }

    /** Only documents marked unsent are read (through the marker's partial index), and of them only event times. */
    private Mono<OutboxSnapshot> pendingIn(String collection) {
        Query query = Query.query(Criteria.where(OutboxLease.FIELD + ".unsent").exists(true));
        query.fields().include(OutboxRelay.PENDING_EVENTS + ".occurredAt");
        return mongo.find(query, Document.class, collection)
                .map(OutboxGauges::ofDocument)
                .reduce(OutboxSnapshot.EMPTY, (total, part) -> total.plus(part.pending(), part.oldest()));
    }

    private static OutboxSnapshot ofDocument(Document document) {
        List<Document> events = document.getList(OutboxRelay.PENDING_EVENTS, Document.class, List.of());
        Instant oldest = events.stream().map(event -> event.get("occurredAt")).filter(Date.class::isInstance)
                .map(date -> ((Date) date).toInstant()).min(Instant::compareTo).orElse(null);
        return new OutboxSnapshot(events.size(), oldest);
    }
}
