package dev.courseline.catalogue.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The relay's side of the lease protocol in the store ({@link OutboxLease}): finding the documents marked as having
 * events to send, claiming one by a compare-and-set on id, owner and expiry, renewing, backing off and releasing the
 * lease this instance holds. Everything but the sweep's read is served by the {@code _id} index; the sweep reads the
 * partial index of marked documents only, so it costs the same with a thousand enquiries stored as with a million.
 */
final class OutboxLeases {

    static final String UNSENT = OutboxLease.FIELD + ".unsent";
    private static final String LEASE_UNTIL = OutboxLease.FIELD + ".until";
    private static final String LEASE_OWNER = OutboxLease.FIELD + ".owner";
    private static final String LEASE_ATTEMPTS = OutboxLease.FIELD + ".attempts";
    /** The documents with events to send, and only those: what the sweep and the outbox gauges read. */
    private static final String UNSENT_INDEX = "outbox_unsent_only";
    private static final Logger log = LoggerFactory.getLogger(OutboxLeases.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxProperties properties;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    OutboxLeases(ReactiveMongoTemplate mongo, OutboxProperties properties, Clock clock) {
        this.mongo = mongo;
        this.properties = properties;
        this.clock = clock;
    }

    /** A lease for a document this instance is about to insert with events, so it can relay it without a claim. */
    OutboxLease forNewDocument() {
        return new OutboxLease(clock.instant().plus(properties.lease()), owner, 0, OutboxLease.newUnsentToken());
    }

    /** The ids and leases of the documents marked as having events to send. */
    Flux<Document> marked(String collection) {
        Query query = new Query(Criteria.where(UNSENT).exists(true));
        query.fields().include("_id").include(OutboxLease.FIELD);
        return mongo.find(query, Document.class, collection);
    }

    boolean ranOut(Document doc) {
        Date until = of(doc).getDate("until");
        return until == null || until.toInstant().isBefore(clock.instant());
    }

    /**
     * Claims one document: reads its outbox part by id, then takes the lease on the condition that owner and expiry
     * are still the ones read (a compare-and-set by id), so whoever else claimed it in between wins. A document found
     * without events loses its marker, unless events were added since it was read.
     */
    Mono<Document> claim(String collection, Object id) {
        Query read = Query.query(Criteria.where("_id").is(id));
        read.fields().include(OutboxLease.FIELD).include(OutboxRelay.PENDING_EVENTS);
        Instant now = clock.instant();
        return mongo.findOne(read, Document.class, collection)
                .flatMap(doc -> {
                    Document lease = of(doc);
                    if (doc.getList(OutboxRelay.PENDING_EVENTS, Document.class, List.of()).isEmpty()) {
                        return unmark(collection, lease.getString("unsent")).then(Mono.<Document>empty());
                    }
                    Date until = lease.getDate("until");
                    if (until != null && !until.toInstant().isBefore(now)) {
                        return Mono.empty();
                    }
                    Query unchanged = Query.query(Criteria.where("_id").is(id)
                            .and(LEASE_OWNER).is(lease.getString("owner")).and(LEASE_UNTIL).is(until));
                    // Only the outbox part of the document travels back: aggregates such as a full run can be large.
                    unchanged.fields().include(OutboxRelay.PENDING_EVENTS, OutboxLease.FIELD);
                    Update take = new Update().set(LEASE_UNTIL, Date.from(now.plus(properties.lease())))
                            .set(LEASE_OWNER, owner);
                    return mongo.findAndModify(unchanged, take, FindAndModifyOptions.options().returnNew(true),
                            Document.class, collection);
                });
    }

    /** Removes the marker, if it is still {@code unsent}: events added meanwhile replaced it and keep it marked. */
    Mono<Void> unmark(String collection, String unsent) {
        if (unsent == null) {
            return Mono.empty();
        }
        return mongo.updateFirst(Query.query(Criteria.where(UNSENT).is(unsent)), new Update().unset(UNSENT),
                collection).then();
    }

    /**
     * Pulls the events sent and renews the lease this instance still holds, returning what is left to send: one
     * write, where releasing the lease and claiming it again were three (a write, a read and a compare-and-set) of a
     * document that, for a run being enrolled into, is hundreds of KB. Nothing if the lease went elsewhere meanwhile.
     */
    Mono<Document> pullAndRenew(String collection, Object id, List<String> sent) {
        Query held = heldHere(id);
        held.fields().include(OutboxRelay.PENDING_EVENTS, OutboxLease.FIELD);
        Update renewed = pull(sent).set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.lease())))
                .set(LEASE_ATTEMPTS, 0);
        return mongo.findAndModify(held, renewed, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    /** After a failed send: pulls the events acknowledged before it and keeps the lease until the back-off is over. */
    Mono<Void> backOff(String collection, Object id, List<String> sent, int attempts) {
        Update backOff = pull(sent).set(LEASE_UNTIL, Date.from(clock.instant().plus(properties.backOff(attempts))))
                .set(LEASE_ATTEMPTS, attempts);
        return mongo.updateFirst(heldHere(id), backOff, collection).then();
    }

    /**
     * Records a send as done if its events were the document's last: pulls them, frees the lease and removes the
     * marker, on the condition that the marker is still {@code unsent}. False if events were added meanwhile, in which
     * case nothing was changed.
     */
    Mono<Boolean> completeIfLast(String collection, Object id, String unsent, List<String> sent) {
        Query stillMarked = Query.query(Criteria.where("_id").is(id).and(UNSENT).is(unsent));
        return mongo.updateFirst(stillMarked, released(sent).unset(UNSENT), collection)
                .map(result -> result.getMatchedCount() == 1);
    }

    /** Gives back the lease this instance holds on a document with nothing left to send. */
    Mono<Void> release(String collection, Object id) {
        return mongo.updateFirst(heldHere(id), released(List.of()), collection).then();
    }

    /** Pulls {@code sent} and frees the lease: what every completed send writes. */
    static Update released(List<String> sent) {
        return pull(sent).set(LEASE_UNTIL, Date.from(Instant.EPOCH)).set(LEASE_ATTEMPTS, 0);
    }

    static Document of(Document doc) {
        return Objects.requireNonNullElse(doc.get(OutboxLease.FIELD, Document.class), new Document());
    }

    /** The partial index of marked documents, in every collection the relay looks after. */
    void createIndexes(Iterable<String> collections) {
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

    private Query heldHere(Object id) {
        return Query.query(Criteria.where("_id").is(id).and(LEASE_OWNER).is(owner));
    }

    private static Update pull(List<String> eventIds) {
        Update update = new Update();
        if (!eventIds.isEmpty()) {
            update.pull(OutboxRelay.PENDING_EVENTS, new Document("eventId", new Document("$in", eventIds)));
        }
        return update;
    }
}
