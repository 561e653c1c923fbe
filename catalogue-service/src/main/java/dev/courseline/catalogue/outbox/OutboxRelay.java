package dev.courseline.catalogue.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.tracing.CurrentTraceContext;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.courseline.catalogue.observability.TraceContexts;

/**
 * Publishes the events waiting in aggregate documents ({@code pendingEvents}) to {@code catalogue.offerings}.
 *
 * <p>A document is sent only by the instance holding its lease ({@link OutboxLeases}), so several instances may run.
 * Each event is sent with an acknowledged send ({@code acks=all}, idempotent producer) and only then pulled from the
 * document by id, so a crash mid-way re-sends at most (consumers dedupe by {@code ce_id}) and never loses. A failed
 * send keeps the lease for a back-off.
 *
 * <p>Writers hand a freshly written document over at once ({@link #relayNow}, {@link #signal}); a sweep every
 * {@code sweep-interval} claims whatever is left over (a crash, a broker outage, a lease that ran out elsewhere),
 * reading only the documents marked as having events to send ({@code outbox.unsent}, see {@link OutboxLease}).
 *
 * <p>The marker goes with the last events: completing a send names the document by the token it read along with the
 * events, pulls them and removes the marker in one update; a token replaced meanwhile (events added) makes that
 * update match nothing, and the relay then pulls what it sent, renews its lease and relays the rest, in one
 * find-and-modify. The design is the enquiry service's; only its batching of those completions is left out, which
 * the enquiry's intake rate needs and a catalogue edited by people does not.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    public static final String PENDING_EVENTS = "pendingEvents";
    private static final int CONCURRENT_SWEEP_CLAIMS = 4;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final OutboxLeases leases;
    private final TraceContexts traces;
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /**
     * Kafka's send() blocks while the producer has no metadata for the topic (before the first acknowledgement, or
     * after the broker went away and the metadata expired); never on a request or driver thread. While sends are
     * being acknowledged the metadata is there and send() only appends to the producer's buffer, so it runs where
     * the caller is: handing every send to another thread cost a context switch each, and under load the Mongo
     * driver's event loop queued for the hand-off's lock.
     */
    // Made again on each start: a stopped context (Spring's test context pausing, a refresh) starts the relay again.
    private volatile Scheduler sendScheduler = newSendScheduler();
    private volatile boolean sendsAcknowledged;
    private volatile Disposable sweeper;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock, TraceContexts traces) {
        this.kafka = kafka;
        this.properties = properties;
        this.traces = traces;
        this.leases = new OutboxLeases(mongo, properties, clock);
    }

    /** Makes the sweep look after documents of this collection too. */
    public void register(String collection) {
        collections.add(collection);
    }

    /** The collections registered so far, for the outbox gauges. */
    public Set<String> collections() {
        return Set.copyOf(collections);
    }

    /**
     * Adds events to a write of an aggregate document. Every write that adds events must go through here: the new
     * {@code unsent} token is what tells a send in flight that its events are no longer the last ones.
     */
    public static Update pushEvents(Update update, List<?> events) {
        return update.push(PENDING_EVENTS).each(events.toArray())
                .set(OutboxLeases.UNSENT, OutboxLease.newUnsentToken());
    }

    /** A lease for a document this instance is about to insert with events, so it can relay it without a claim. */
    public OutboxLease leaseForNewDocument() {
        return leases.forNewDocument();
    }

    /** Relays the events of a document this instance inserted with {@link #leaseForNewDocument()}; returns at once. */
    public void relayNow(String collection, Object id, List<PendingEvent> events, OutboxLease lease) {
        send(collection, id, events.stream().map(PendingEvent::toDocument).toList(), lease.unsent(), 0)
                .subscribe(null, e -> failed(collection, id, e));
    }

    /** Tells the relay a document got new pending events; it claims and relays it at once if it is free. */
    public void signal(String collection, Object id) {
        leases.claim(collection, id)
                .flatMap(doc -> relayClaimed(collection, doc))
                .subscribe(null, e -> failed(collection, id, e));
    }

    private void failed(String collection, Object id, Throwable e) {
        log.warn("Relay of {} {} failed; a sweep will retry: {}", collection, id, e.toString());
    }

    /**
     * Claims and relays every document of every registered collection that has events to send and no live lease;
     * clears the marker of any seen without events.
     */
    public Mono<Void> sweep() {
        return Flux.fromIterable(collections)
                .flatMap(collection -> leases.marked(collection)
                        .filter(leases::ranOut)
                        .flatMap(doc -> leases.claim(collection, doc.get("_id"))
                                .flatMap(claimed -> relayClaimed(collection, claimed))
                                .onErrorResume(e -> Mono.empty()), CONCURRENT_SWEEP_CLAIMS))
                .then();
    }

    private Mono<Void> relayClaimed(String collection, Document doc) {
        Document lease = OutboxLeases.of(doc);
        return send(collection, doc.get("_id"), doc.getList(PENDING_EVENTS, Document.class), lease.getString("unsent"),
                lease.getInteger("attempts", 0));
    }

    /**
     * Sends the events in order, waits for every acknowledgement, then pulls exactly those that were acknowledged.
     * {@code unsent} is the document's marker as read along with {@code events}.
     */
    private Mono<Void> send(String collection, Object id, List<Document> events, String unsent, int priorFailures) {
        Mono<List<CompletableFuture<?>>> sends = Mono.fromCallable(() -> sendInOrder(events));
        return (sendsAcknowledged ? sends : sends.subscribeOn(sendScheduler))
                .flatMap(futures -> Flux.fromIterable(futures)
                        .concatMap(future -> Mono.fromFuture(future)
                                .doOnSuccess(acknowledged -> sendsAcknowledged = true)
                                .thenReturn(true)
                                .onErrorResume(e -> {
                                    sendsAcknowledged = false;
                                    log.warn("Send from {} {} failed: {}", collection, id, e.toString());
                                    return Mono.just(false);
                                }))
                        .collectList())
                .flatMap(acks -> complete(collection, id, events, acks, unsent, priorFailures));
    }

    /**
     * Hands the events to the producer in order and stops at the first one refused at once (no metadata: the broker
     * is away): sent after it, a later event could reach the topic first, once the broker is back, and overtake it.
     */
    private List<CompletableFuture<?>> sendInOrder(List<Document> events) {
        List<CompletableFuture<?>> futures = new ArrayList<>(events.size());
        for (Document event : events) {
            CompletableFuture<?> future = sendOne(event);
            futures.add(future);
            if (future.isCompletedExceptionally()) {
                break;
            }
        }
        return futures;
    }

    /**
     * Sends within the trace of the request that wrote the event, not whatever is current here: the template's
     * producer span is then a child of that request's span and its {@code traceparent} goes into the record.
     */
    private CompletableFuture<?> sendOne(Document event) {
        PendingEvent pending = PendingEvent.fromDocument(event);
        try (CurrentTraceContext.Scope trace = traces.restore(pending.traceparent())) {
            return kafka.send(CloudEventRecords.toRecord(pending));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Mono<Void> complete(String collection, Object id, List<Document> events, List<Boolean> acks,
            String unsent, int priorFailures) {
        // Only the acknowledged prefix is pulled, so the order of an aggregate's events survives a partial failure.
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < acks.size() && acks.get(i); i++) {
            sent.add(events.get(i).getString("eventId"));
        }
        if (sent.size() < events.size()) {
            return leases.backOff(collection, id, sent, priorFailures + 1)
                    .then(Mono.error(new IllegalStateException("Not every event was acknowledged")));
        }
        Mono<Boolean> wereTheLast = unsent == null
                ? Mono.just(false)
                : leases.completeIfLast(collection, id, unsent, sent);
        // Events added while these were in flight (a new token): pull those sent, then relay the rest at once.
        return wereTheLast.flatMap(done -> done
                ? Mono.empty()
                : leases.pullAndRenew(collection, id, sent)
                        .flatMap(doc -> doc.getList(PENDING_EVENTS, Document.class, List.of()).isEmpty()
                                ? leases.release(collection, id)
                                        .then(leases.unmark(collection, OutboxLeases.of(doc).getString("unsent")))
                                : relayClaimed(collection, doc)));
    }

    private void sweepUnlessSweeping() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        sweep().doFinally(signal -> sweeping.set(false))
                .subscribe(null, e -> log.warn("Outbox sweep failed", e));
    }

    private static Scheduler newSendScheduler() {
        return Schedulers.newBoundedElastic(8, 100_000, "outbox-relay");
    }

    @Override
    public void start() {
        if (sendScheduler.isDisposed()) {
            sendScheduler = newSendScheduler();
        }
        leases.createIndexes(collections);
        sweeper = Flux.interval(Duration.ZERO, properties.sweepInterval())
                .onBackpressureDrop()
                .subscribe(tick -> sweepUnlessSweeping());
    }

    @Override
    public void stop() {
        Disposable current = sweeper;
        if (current != null) {
            current.dispose();
        }
        sendScheduler.dispose();
    }

    @Override
    public boolean isRunning() {
        return sweeper != null && !sweeper.isDisposed();
    }
}
