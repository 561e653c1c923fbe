package dev.courseline.enquiry.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import dev.courseline.enquiry.observability.TraceContexts;
import io.micrometer.tracing.CurrentTraceContext;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregate documents ({@code pendingEvents}) to {@code enquiries}.
 *
 * <p>A document is sent only by the instance holding its lease ({@code outbox.until}/{@code outbox.owner}, taken by a
 * compare-and-set), so several instances may run. Each event is sent with an acknowledged send ({@code acks=all},
 * idempotent producer) and only then pulled from the document by id, so a crash mid-way re-sends at most (consumers
 * dedupe by {@code ce_id}) and never loses. A failed send releases the lease with a back-off.
 *
 * <p>Writers hand a freshly written document over at once ({@link #relayNow}, {@link #signal}); a sweep every
 * {@code sweep-interval} claims whatever is left over (a crash, a broker outage, a lease that ran out elsewhere). It
 * reads only documents marked as having events to send ({@code outbox.unsent}, see {@link OutboxLease}), through a
 * partial index of just those, so it costs the same with a thousand enquiries stored as with a million.
 *
 * <p>The marker goes with the last events: completing a send names the document by the token it read along with the
 * events, pulls them and removes the marker in one update (shared by the sends finished together, see
 * {@link SentMarks}); a token replaced meanwhile (events added) makes that update match nothing for the document,
 * and the relay then pulls what it sent by id and lease owner, renews its lease and relays the rest, in one
 * find-and-modify. Claiming by id is a read and a compare-and-set on id, owner and expiry. All of these are served by
 * the {@code _id} index.
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    public static final String PENDING_EVENTS = "pendingEvents";
    private static final String LEASE_UNTIL = OutboxLease.FIELD + ".until";
    private static final String LEASE_OWNER = OutboxLease.FIELD + ".owner";
    private static final String LEASE_ATTEMPTS = OutboxLease.FIELD + ".attempts";
    static final String UNSENT = OutboxLease.FIELD + ".unsent";
    /** The documents with events to send, and only those: what the sweep and the outbox gauges read. */
    private static final String UNSENT_INDEX = "outbox_unsent_only";
    private static final String TRACEPARENT = "traceparent";
    private static final int CONCURRENT_SWEEP_CLAIMS = 4;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final SentMarks sentMarks;
    private final TraceContexts traces;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean sweeping = new AtomicBoolean();
    /**
     * Kafka's send() blocks while the producer has no metadata for the topic (before the first acknowledgement, or
     * after the broker went away and the metadata expired); never on a request or driver thread. While sends are
     * being acknowledged the metadata is there and send() only appends to the producer's buffer, so it runs where
     * the caller is: handing every send to another thread cost a context switch each, and under load the Mongo
     * driver's event loop queued for the hand-off's lock (2 s of 60 in a profile at 70 requests/s).
     */
    // Made again on each start: a stopped context (Spring's test context pausing, a refresh) starts the relay again.
    private volatile Scheduler sendScheduler = newSendScheduler();
    private volatile boolean sendsAcknowledged;
    private volatile Disposable sweeper;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock, TraceContexts traces) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
        this.traces = traces;
        this.sentMarks = new SentMarks(mongo);
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
    public static Update pushEvents(Update update, List<PendingEvent> events) {
        return update.push(PENDING_EVENTS).each(events.toArray())
                .set(UNSENT, OutboxLease.newUnsentToken());
    }

    /** A lease for a document this instance is about to insert with events, so it can relay it without a claim. */
    public OutboxLease leaseForNewDocument() {
        return new OutboxLease(clock.instant().plus(properties.lease()), owner, 0, OutboxLease.newUnsentToken());
    }

    /** Relays the events of a document this instance inserted with {@link #leaseForNewDocument()}; returns at once. */
    public void relayNow(String collection, Object id, List<PendingEvent> events, OutboxLease lease) {
        send(collection, id, events.stream().map(OutboxRelay::toDocument).toList(), lease.unsent(), 0)
                .subscribe(null, e -> failed(collection, id, e));
    }

    /** Tells the relay a document got new pending events; it claims and relays it at once if it is free. */
    public void signal(String collection, Object id) {
        claimById(collection, id)
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
                .flatMap(collection -> marked(collection)
                        .filter(this::leaseRanOut)
                        .flatMap(doc -> claimById(collection, doc.get("_id"))
                                .flatMap(claimed -> relayClaimed(collection, claimed))
                                .onErrorResume(e -> Mono.empty()), CONCURRENT_SWEEP_CLAIMS))
                .then();
    }

    private Flux<Document> marked(String collection) {
        Query query = new Query(Criteria.where(UNSENT).exists(true));
        query.fields().include("_id").include(OutboxLease.FIELD);
        return mongo.find(query, Document.class, collection);
    }

    private boolean leaseRanOut(Document doc) {
        Date until = lease(doc).getDate("until");
        return until == null || until.toInstant().isBefore(clock.instant());
    }

    /**
     * Claims one document: reads its outbox part by id, then takes the lease on the condition that owner and expiry
     * are still the ones read (a compare-and-set by id), so whoever else claimed it in between wins. A document found
     * without events loses its marker, unless events were added since it was read.
     */
    private Mono<Document> claimById(String collection, Object id) {
        Query read = Query.query(Criteria.where("_id").is(id));
        read.fields().include(OutboxLease.FIELD).include(PENDING_EVENTS);
        Instant now = clock.instant();
        return mongo.findOne(read, Document.class, collection)
                .flatMap(doc -> {
                    Document lease = lease(doc);
                    if (doc.getList(PENDING_EVENTS, Document.class, List.of()).isEmpty()) {
                        return unmark(collection, lease.getString("unsent")).then(Mono.<Document>empty());
                    }
                    Date until = lease.getDate("until");
                    if (until != null && !until.toInstant().isBefore(now)) {
                        return Mono.empty();
                    }
                    Query unchanged = Query.query(Criteria.where("_id").is(id)
                            .and(LEASE_OWNER).is(lease.getString("owner")).and(LEASE_UNTIL).is(until));
                    return takeLease(collection, unchanged, now);
                });
    }

    private Mono<Void> unmark(String collection, String unsent) {
        if (unsent == null) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where(UNSENT).is(unsent)), new Update().unset(UNSENT),
                collection).then();
    }

    private static Document lease(Document doc) {
        return Objects.requireNonNullElse(doc.get(OutboxLease.FIELD, Document.class), new Document());
    }

    private Mono<Document> takeLease(String collection, Query query, Instant now) {
        // Only the outbox part of the document travels back: aggregates such as a full run can be large.
        query.fields().include(PENDING_EVENTS, OutboxLease.FIELD);
        Update update = new Update()
                .set(LEASE_UNTIL, Date.from(now.plus(properties.lease())))
                .set(LEASE_OWNER, owner);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    private Mono<Void> relayClaimed(String collection, Document doc) {
        Document lease = lease(doc);
        return send(collection, doc.get("_id"), doc.getList(PENDING_EVENTS, Document.class), lease.getString("unsent"),
                lease.getInteger("attempts", 0));
    }

    /**
     * Sends the events in order, waits for every acknowledgement, then pulls exactly those that were acknowledged.
     * {@code unsent} is the document's marker as read along with {@code events}.
     */
    private Mono<Void> send(String collection, Object id, List<Document> events, String unsent, int priorFailures) {
        Mono<List<CompletableFuture<?>>> sends = Mono.fromCallable(() -> events.stream().map(this::sendOne).toList());
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
     * Sends within the trace of the request that wrote the event, not whatever is current here: the template's
     * producer span is then a child of that request's span and its {@code traceparent} goes into the record.
     */
    private CompletableFuture<?> sendOne(Document event) {
        try (CurrentTraceContext.Scope trace = traces.restore(event.getString(TRACEPARENT))) {
            return kafka.send(CloudEventRecords.toRecord(fromDocument(event)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Mono<Void> complete(String collection, Object id, List<Document> events, List<Boolean> acks,
            String unsent, int priorFailures) {
        // Only the acknowledged prefix is pulled, so the order of an aggregate's events survives a partial failure.
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < events.size() && acks.get(i); i++) {
            sent.add(events.get(i).getString("eventId"));
        }
        if (sent.size() < events.size()) {
            int attempts = priorFailures + 1;
            Update backOff = pull(sent)
                    .set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.backOff(attempts))))
                    .set(LEASE_ATTEMPTS, attempts);
            return mongo.updateFirst(heldHere(id), backOff, collection)
                    .then(Mono.error(new IllegalStateException("Not every event was acknowledged")));
        }
        Mono<Boolean> wereTheLast = unsent == null
                ? Mono.just(false)
                : sentMarks.record(collection, new SentMarks.Sent(id, unsent, sent));
        // Events added while these were in flight (a new token): pull those sent, then relay the rest at once.
        return wereTheLast.flatMap(done -> done
                ? Mono.empty()
                : pullAndRenew(collection, id, sent)
                        .flatMap(doc -> doc.getList(PENDING_EVENTS, Document.class, List.of()).isEmpty()
                                ? mongo.updateFirst(heldHere(id), release(List.of()), collection)
                                        .then(unmark(collection, lease(doc).getString("unsent")))
                                : relayClaimed(collection, doc)));
    }

    /**
     * Pulls the events sent and renews the lease this instance still holds, returning what is left to send: one
     * write, where releasing the lease and claiming it again were three (a write, a read and a compare-and-set) of a
     * document that, for a run being enrolled into, is hundreds of KB. Nothing if the lease went elsewhere meanwhile.
     */
    private Mono<Document> pullAndRenew(String collection, Object id, List<String> sent) {
        Query held = heldHere(id);
        held.fields().include(PENDING_EVENTS, OutboxLease.FIELD);
        Update renewed = pull(sent).set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.lease())))
                .set(LEASE_ATTEMPTS, 0);
        return mongo.findAndModify(held, renewed, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    private Query heldHere(Object id) {
        return Query.query(Criteria.where("_id").is(id).and(LEASE_OWNER).is(owner));
    }

    static Update release(List<String> sent) {
        return pull(sent).set(LEASE_UNTIL, Date.from(Instant.EPOCH)).set(LEASE_ATTEMPTS, 0);
    }

    private static Update pull(List<String> eventIds) {
        Update update = new Update();
        if (!eventIds.isEmpty()) {
            update.pull(PENDING_EVENTS, new Document("eventId", new Document("$in", eventIds)));
        }
        return update;
    }

    static Document toDocument(PendingEvent event) {
        return new Document("eventId", event.eventId()).append("type", event.type()).append("key", event.key())
                .append("time", Date.from(event.time())).append("payload", event.payload())
                .append(TRACEPARENT, event.traceparent());
    }

    static PendingEvent fromDocument(Document event) {
        return new PendingEvent(event.getString("eventId"), event.getString("type"), event.getString("key"),
                event.getDate("time").toInstant(), event.getString("payload"), event.getString(TRACEPARENT));
    }

    private void sweepUnlessSweeping() {
        if (!sweeping.compareAndSet(false, true)) {
            return;
        }
        sweep().doFinally(signal -> sweeping.set(false))
                .subscribe(null, e -> log.warn("Outbox sweep failed", e));
    }

    private void createIndexes() {
        Flux.fromIterable(collections)
                .flatMap(collection -> mongo.indexOps(collection).createIndex(new Index().named(UNSENT_INDEX)
                        .on(UNSENT, Sort.Direction.ASC)
                        .partial(PartialIndexFilter.of(Criteria.where(UNSENT).exists(true)))))
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not create the outbox indexes; the relay may scan: {}", e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(30));
    }

    private static Scheduler newSendScheduler() {
        return Schedulers.newBoundedElastic(8, 100_000, "outbox-relay");
    }

    @Override
    public void start() {
        if (sendScheduler.isDisposed()) {
            sendScheduler = newSendScheduler();
        }
        createIndexes();
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
