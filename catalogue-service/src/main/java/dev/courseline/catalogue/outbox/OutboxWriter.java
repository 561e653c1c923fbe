package dev.courseline.catalogue.outbox;

import java.util.List;

import org.bson.Document;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Writes an aggregate's new state and its pending events in one single-document write, so a change is never stored
 * without its event nor published without being stored.
 *
 * <p>Updates {@code $set} the state's fields and {@code $push} the events instead of replacing the document: the
 * relay concurrently {@code $pull}s events it has sent from the same document, and a replace would bring them back.
 * A new document is inserted under this instance's lease and relayed at once; an updated one is signalled to the
 * relay, which claims it if nobody holds it ({@link OutboxRelay}).
 */
@Component
public class OutboxWriter {

    private static final String VERSION = "version";

    private final ReactiveMongoTemplate mongo;
    private final MongoConverter converter;
    private final OutboxRelay relay;

    public OutboxWriter(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.relay = relay;
    }

    /** Makes the relay look after this aggregate type's collection, from start-up on. */
    public void register(Class<?> aggregateType) {
        relay.register(mongo.getCollectionName(aggregateType));
    }

    /** Inserts a new aggregate; fails with {@code DuplicateKeyException} when its id is taken. */
    public Mono<Void> insert(Object aggregate, List<PendingEvent> events) {
        String collection = mongo.getCollectionName(aggregate.getClass());
        Document document = new Document();
        converter.write(aggregate, document);
        document.put(OutboxRelay.PENDING_EVENTS, toDocuments(events));
        OutboxLease lease = events.isEmpty() ? OutboxLease.free() : relay.leaseForNewDocument();
        Document outbox = new Document();
        converter.write(lease, outbox);
        outbox.remove("_class");
        document.put(OutboxLease.FIELD, outbox);
        return mongo.insert(document, collection)
                .doOnSuccess(inserted -> {
                    if (!events.isEmpty()) {
                        relay.relayNow(collection, document.get("_id"), events, lease);
                    }
                })
                .then();
    }

    /**
     * Replaces the state of the aggregate stored at {@code expectedVersion} with {@code newState} and queues
     * {@code events}. Emits {@code false} when the stored version is no longer {@code expectedVersion}.
     */
    public Mono<Boolean> update(String id, long expectedVersion, Object newState, List<PendingEvent> events) {
        Update update = new Update();
        Document state = new Document();
        converter.write(newState, state);
        MongoPersistentEntity<?> entity = converter.getMappingContext()
                .getRequiredPersistentEntity(newState.getClass());
        PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(newState);
        for (MongoPersistentProperty property : entity) {
            if (property.isIdProperty()) {
                continue;
            }
            String field = property.getFieldName();
            // The converter leaves nulls out; an edit that clears a field must still clear it in the store.
            if (accessor.getProperty(property) == null) {
                update.unset(field);
            } else {
                update.set(field, state.get(field));
            }
        }
        return write(mongo.getCollectionName(newState.getClass()), id, expectedVersion, update, events);
    }

    /** Queues events for an unchanged aggregate (a republish); emits {@code false} if it changed meanwhile. */
    public Mono<Boolean> append(Class<?> aggregateType, String id, long expectedVersion, List<PendingEvent> events) {
        return write(mongo.getCollectionName(aggregateType), id, expectedVersion, new Update(), events);
    }

    private Mono<Boolean> write(String collection, String id, long expectedVersion, Update update,
            List<PendingEvent> events) {
        if (!events.isEmpty()) {
            OutboxRelay.pushEvents(update, toDocuments(events));
        }
        return mongo.updateFirst(atVersion(id, expectedVersion), update, collection)
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(written -> {
                    if (written && !events.isEmpty()) {
                        relay.signal(collection, id);
                    }
                });
    }

    private static Query atVersion(String id, long version) {
        return Query.query(Criteria.where("_id").is(id).and(VERSION).is(version));
    }

    private static List<Document> toDocuments(List<PendingEvent> events) {
        return events.stream().map(PendingEvent::toDocument).toList();
    }
}
