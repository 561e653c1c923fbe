package dev.courseline.catalogue.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.CurrentTraceContext;

import dev.courseline.catalogue.observability.TraceContexts;

/**
 * Publishes the events waiting in aggregate documents, in order per aggregate, and removes each one only after Kafka
 * acknowledged it ({@code acks=all}, idempotent producer). A document is claimed under a lease first, so several
 * instances of the service can relay at once without sending the same event twice.
 *
 * <p>Runs on its own thread: it blocks on Kafka acknowledgements by design, and must never hold a request thread.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxSignal signal;
    private final OutboxProperties properties;
    private final OutboxCollections collections;
    private final Clock clock;
    private final TraceContexts traces;
    private final String owner = UUID.randomUUID().toString();
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxSignal signal,
            OutboxProperties properties, OutboxCollections collections, Clock clock,
            TraceContexts traces) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.signal = signal;
        this.properties = properties;
        this.collections = collections;
        this.clock = clock;
        this.traces = traces;
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::relayUntilStopped, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void relayUntilStopped() {
        Duration backOff = properties.initialBackOff();
        while (running) {
            try {
                relayAllPending();
                backOff = properties.initialBackOff();
                signal.awaitWakeUp(properties.pollInterval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Publishing catalogue events failed, retrying in {}: {}", backOff, e.toString());
                try {
                    // A new write does not cut the back-off short: the broker is most likely still down.
                    TimeUnit.MILLISECONDS.sleep(backOff.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOff = min(backOff.multipliedBy(2), properties.maxBackOff());
            }
        }
    }

    /** Publishes until no unclaimed document with pending events is left; throws on the first failed send. */
    void relayAllPending() throws InterruptedException {
        for (String collection : collections.names()) {
            OutboxEntry claimed;
            while (running && (claimed = claimNext(collection)) != null) {
                publish(collection, claimed);
            }
        }
    }

    OutboxEntry claimNext(String collection) {
        Date now = Date.from(clock.instant());
        Query claimable = Query.query(new Criteria().andOperator(
                Criteria.where(OutboxWriter.PENDING_EVENTS + ".0").exists(true),
                new Criteria().orOperator(
                        Criteria.where(OutboxWriter.LEASE_UNTIL).is(null),
                        Criteria.where(OutboxWriter.LEASE_UNTIL).lt(now))));
        Update lease = new Update()
                .set(OutboxWriter.LEASE_UNTIL, Date.from(clock.instant().plus(properties.lease())))
                .set(OutboxWriter.LEASE_OWNER, owner);
        return mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true),
                OutboxEntry.class, collection).block();
    }

    void publish(String collection, OutboxEntry claimed) throws InterruptedException {
        List<String> sent = new ArrayList<>();
        try {
            for (PendingEvent event : claimed.pendingEvents()) {
                send(event);
                sent.add(event.eventId());
            }
        } catch (InterruptedException e) {
            release(collection, claimed.id(), sent);
            throw e;
        } catch (Exception e) {
            release(collection, claimed.id(), sent);
            throw new IllegalStateException("Kafka did not acknowledge an event of " + claimed.id(), e);
        }
        release(collection, claimed.id(), sent);
        log.debug("Published {} event(s) of {} {}", sent.size(), collection, claimed.id());
    }

    /**
     * Sends within the trace of the request that made the change, not whatever is current here: the template's
     * producer span is then a child of that request's span and its {@code traceparent} goes into the record.
     */
    private void send(PendingEvent event) throws Exception {
        try (CurrentTraceContext.Scope trace = traces.restore(event.traceparent())) {
            kafka.send(CloudEventRecords.toRecord(event))
                    .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Removes exactly the acknowledged events and gives the document back, if this instance still holds it. */
    private void release(String collection, String id, List<String> sentEventIds) {
        Query ours = Query.query(Criteria.where("_id").is(id).and(OutboxWriter.LEASE_OWNER).is(owner));
        Update update = new Update().unset(OutboxWriter.LEASE_UNTIL).unset(OutboxWriter.LEASE_OWNER);
        if (!sentEventIds.isEmpty()) {
            update.pull(OutboxWriter.PENDING_EVENTS, new Document("eventId", new Document("$in", sentEventIds)));
        }
        mongo.updateFirst(ours, update, collection).block();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
