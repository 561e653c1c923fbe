package dev.courseline.enquiry.outbox;

import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the events waiting in aggregate documents ({@code pendingEvents}) to {@code enquiries}.
 *
 * <p>A document is sent only by the instance holding its lease ({@code outbox.until}/{@code outbox.owner}, taken with
 * {@code findAndModify}), so several instances may run. Each event is sent with an acknowledged send
 * ({@code acks=all}, idempotent producer) and only then pulled from the document by id, so a crash mid-way re-sends
 * at most (consumers dedupe by {@code ce_id}) and never loses. A failed send releases the lease with a back-off.
 *
 * <p>Writers hand a freshly written document over at once ({@link #relayNow}); a sweep claims whatever is left over:
 * at start-up (a crash here), at every poll for a while after a send failed here (a broker outage), and otherwise
 * every {@code sweep-interval} (a lease that ran out elsewhere). A sweep's claim query scans the collection on the
 * embedded store, so it must not run every second for nothing.
 *
 * <p>Completing a send names the document by id and lease owner, and claiming a known document by id, owner and
 * expiry; each collection gets a unique index on exactly those fields. On MongoDB the {@code _id} index alone serves
 * both, but the embedded store only uses an index whose keys are exactly the query's, and would otherwise scan the
 * collection (every enquiry once per intake; every run, each a large document, once per enrolment batch).
 */
@Component
public class OutboxRelay implements SmartLifecycle {

    public static final String PENDING_EVENTS = "pendingEvents";
    private static final String LEASE_UNTIL = OutboxLease.FIELD + ".until";
    private static final String LEASE_OWNER = OutboxLease.FIELD + ".owner";
    private static final String LEASE_ATTEMPTS = OutboxLease.FIELD + ".attempts";
    private static final String SOURCE = "/courseline/enquiry-service";
    private static final int DRAINERS_PER_COLLECTION = 4;

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> collections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean polling = new AtomicBoolean();
    /** When the next routine sweep is due; after a failure here, {@link #sweepDue()} sweeps at every poll for a while. */
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.EPOCH);
    private volatile Instant lastFailure = Instant.EPOCH;
    /** Kafka's send() may block while it has no metadata (broker down); never do that on a request thread. */
    private final Scheduler sendScheduler = Schedulers.newBoundedElastic(8, 100_000, "outbox-relay");
    private volatile Disposable poller;

    public OutboxRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, byte[]> kafka, OutboxProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Makes the poller look after documents of this collection too. */
    public void register(String collection) {
        collections.add(collection);
    }

    /** A lease for a document this instance is about to insert, so it can relay it without claiming it first. */
    public OutboxLease leaseForNewDocument() {
        return new OutboxLease(clock.instant().plus(properties.lease()), owner, 0);
    }

    /** Relays the events of a document this instance inserted with {@link #leaseForNewDocument()}; returns at once. */
    public void relayNow(String collection, Object id, List<PendingEvent> events) {
        send(collection, id, events.stream().map(OutboxRelay::toDocument).toList(), 0)
                .subscribe(null, e -> failed(collection, id, e));
    }

    /** Tells the relay a document got new pending events; it claims and relays it at once if it is free. */
    public void signal(String collection, Object id) {
        claimById(collection, id)
                .flatMap(doc -> relayClaimed(collection, doc))
                .subscribe(null, e -> failed(collection, id, e));
    }

    private void failed(String collection, Object id, Throwable e) {
        lastFailure = clock.instant();
        log.warn("Relay of {} {} failed; a sweep will retry: {}", collection, id, e.toString());
    }

    /**
     * Claims and relays every claimable document of every registered collection, until none is left. One claim
     * first: only when it finds something do several drainers share the rest.
     */
    public Mono<Void> drainAll() {
        return Flux.fromIterable(collections)
                .flatMap(collection -> claim(collection, new Criteria())
                        .flatMap(doc -> relayClaimed(collection, doc).onErrorResume(e -> Mono.empty())
                                .then(Flux.range(0, DRAINERS_PER_COLLECTION).flatMap(i -> drain(collection)).then())))
                .then();
    }

    private Mono<Void> drain(String collection) {
        return claim(collection, new Criteria())
                .flatMap(doc -> relayClaimed(collection, doc).onErrorResume(e -> Mono.empty()).thenReturn(true))
                .flatMap(claimed -> drain(collection));
    }

    private Mono<Document> claim(String collection, Criteria which) {
        Instant now = clock.instant();
        Query query = new Query(new Criteria().andOperator(which,
                Criteria.where(PENDING_EVENTS + ".0").exists(true),
                Criteria.where(LEASE_UNTIL).lt(Date.from(now))));
        return takeLease(collection, query, now);
    }

    /**
     * Claims one document without a query the embedded store would answer by scanning: reads its outbox part by id,
     * then takes the lease on the condition that owner and expiry are still the ones read (a compare-and-set served by
     * the {@code outbox_lease} index), so whoever else claimed it in between wins.
     */
    private Mono<Document> claimById(String collection, Object id) {
        Query read = Query.query(Criteria.where("_id").is(id));
        read.fields().include(OutboxLease.FIELD).include(PENDING_EVENTS);
        Instant now = clock.instant();
        return mongo.findOne(read, Document.class, collection)
                .filter(doc -> !doc.getList(PENDING_EVENTS, Document.class, List.of()).isEmpty())
                .flatMap(doc -> {
                    Document lease = Objects.requireNonNullElse(doc.get(OutboxLease.FIELD, Document.class),
                            new Document());
                    Date until = lease.getDate("until");
                    if (until != null && !until.toInstant().isBefore(now)) {
                        return Mono.empty();
                    }
                    Query unchanged = Query.query(Criteria.where("_id").is(id)
                            .and(LEASE_OWNER).is(lease.getString("owner")).and(LEASE_UNTIL).is(until));
                    return takeLease(collection, unchanged, now);
                });
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
        Document lease = doc.get(OutboxLease.FIELD, Document.class);
        int attempts = lease == null ? 0 : lease.getInteger("attempts", 0);
        return send(collection, doc.get("_id"), doc.getList(PENDING_EVENTS, Document.class), attempts);
    }

    /** Sends the events in order, waits for every acknowledgement, then pulls exactly those that were acknowledged. */
    private Mono<Void> send(String collection, Object id, List<Document> events, int priorFailures) {
        return Mono.fromCallable(() -> events.stream().map(this::sendOne).toList())
                .subscribeOn(sendScheduler)
                .flatMap(futures -> Flux.fromIterable(futures)
                        .concatMap(future -> Mono.fromFuture(future)
                                .thenReturn(true)
                                .onErrorResume(e -> {
                                    log.warn("Send from {} {} failed: {}", collection, id, e.toString());
                                    return Mono.just(false);
                                }))
                        .collectList())
                .flatMap(acks -> complete(collection, id, events, acks, priorFailures));
    }

    private CompletableFuture<?> sendOne(Document event) {
        try {
            return kafka.send(record(event));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Mono<Void> complete(String collection, Object id, List<Document> events, List<Boolean> acks,
            int priorFailures) {
        // Only the acknowledged prefix is pulled, so the order of an aggregate's events survives a partial failure.
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < events.size() && acks.get(i); i++) {
            sent.add(events.get(i).getString("eventId"));
        }
        boolean failed = sent.size() < events.size();
        Query mine = new Query(Criteria.where("_id").is(id).and(LEASE_OWNER).is(owner));
        mine.fields().include(PENDING_EVENTS);
        Update update = new Update();
        if (!sent.isEmpty()) {
            update.pull(PENDING_EVENTS, new Document("eventId", new Document("$in", sent)));
        }
        if (failed) {
            lastFailure = clock.instant();
            int attempts = priorFailures + 1;
            update.set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.backOff(attempts))))
                    .set(LEASE_ATTEMPTS, attempts);
        } else {
            update.set(LEASE_UNTIL, Date.from(Instant.EPOCH)).set(LEASE_ATTEMPTS, 0);
        }
        return mongo.findAndModify(mine, update, FindAndModifyOptions.options().returnNew(true), Document.class,
                        collection)
                .flatMap(after -> {
                    // Events added while these were in flight: relay them now rather than at the next poll.
                    boolean more = !failed && !after.getList(PENDING_EVENTS, Document.class, List.of()).isEmpty();
                    return more ? claimById(collection, id)
                            .flatMap(doc -> relayClaimed(collection, doc)) : Mono.empty();
                })
                .then(failed ? Mono.error(new IllegalStateException("Not every event was acknowledged")) : Mono.empty());
    }

    private static ProducerRecord<String, byte[]> record(Document event) {
        String key = event.getString("key");
        Date time = event.getDate("time");
        RecordHeaders headers = new RecordHeaders();
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.getString("eventId"));
        header(headers, "ce_type", event.getString("type"));
        header(headers, "ce_source", SOURCE);
        header(headers, "ce_time", time.toInstant().toString());
        header(headers, "ce_subject", key);
        header(headers, "content-type", "application/json");
        byte[] value = event.getString("payload").getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(Topics.ENQUIRIES, null, key, value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    static Document toDocument(PendingEvent event) {
        return new Document("eventId", event.eventId()).append("type", event.type()).append("key", event.key())
                .append("time", Date.from(event.time())).append("payload", event.payload());
    }

    private void poll() {
        if (!sweepDue() || !polling.compareAndSet(false, true)) {
            return;
        }
        drainAll().doFinally(signal -> polling.set(false))
                .subscribe(null, e -> {
                    lastFailure = clock.instant();
                    log.warn("Outbox sweep failed", e);
                });
    }

    /** True at most once per sweep interval, and at every poll until max-back-off has passed since a failure here. */
    private boolean sweepDue() {
        Instant now = clock.instant();
        if (!now.isAfter(lastFailure.plus(properties.maxBackOff()).plus(properties.pollInterval()))) {
            return true;
        }
        Instant due = nextSweep.get();
        return !now.isBefore(due) && nextSweep.compareAndSet(due, now.plus(properties.sweepInterval()));
    }

    private void createLeaseIndexes() {
        Flux.fromIterable(collections)
                .flatMap(collection -> Mono.when(
                        mongo.indexOps(collection).createIndex(new Index().named("outbox_owner").unique()
                                .on("_id", Sort.Direction.ASC).on(LEASE_OWNER, Sort.Direction.ASC)),
                        mongo.indexOps(collection).createIndex(new Index().named("outbox_lease").unique()
                                .on("_id", Sort.Direction.ASC).on(LEASE_OWNER, Sort.Direction.ASC)
                                .on(LEASE_UNTIL, Sort.Direction.ASC))))
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not create the outbox lease indexes; completing a send may scan: {}", e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofSeconds(30));
    }

    @Override
    public void start() {
        createLeaseIndexes();
        poller = Flux.interval(Duration.ZERO, properties.pollInterval())
                .onBackpressureDrop()
                .subscribe(tick -> poll());
    }

    @Override
    public void stop() {
        Disposable current = poller;
        if (current != null) {
            current.dispose();
        }
        sendScheduler.dispose();
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isDisposed();
    }
}
