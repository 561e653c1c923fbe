package dev.courseline.catalogue.outbox;

import java.util.ArrayList;
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
 */
@Component
public class OutboxWriter {

    static final String PENDING_EVENTS = "pendingEvents";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String LEASE_OWNER = "leaseOwner";
    private static final String VERSION = "version";

    private final ReactiveMongoTemplate mongo;
    private final MongoConverter converter;
    private final OutboxSignal signal;

    public OutboxWriter(ReactiveMongoTemplate mongo, OutboxSignal signal) {
        this.mongo = mongo;
        this.converter = mongo.getConverter();
        this.signal = signal;
    }

    /** Inserts a new aggregate; fails with {@code DuplicateKeyException} when its id is taken. */
    public Mono<Void> insert(Object aggregate, List<PendingEvent> events) {
        Document document = new Document();
        converter.write(aggregate, document);
        document.put(PENDING_EVENTS, toDocuments(events));
        return mongo.insert(document, mongo.getCollectionName(aggregate.getClass()))
                .doOnSuccess(inserted -> wakeIfAny(events))
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
        if (!events.isEmpty()) {
            update.push(PENDING_EVENTS).each(toDocuments(events).toArray());
        }
        return mongo.updateFirst(atVersion(id, expectedVersion), update, mongo.getCollectionName(newState.getClass()))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(written -> {
                    if (written) {
                        wakeIfAny(events);
                    }
                });
    }

    /** Queues events for an unchanged aggregate (a republish); emits {@code false} if it changed meanwhile. */
    public Mono<Boolean> append(Class<?> aggregateType, String id, long expectedVersion, List<PendingEvent> events) {
        Update update = new Update().push(PENDING_EVENTS).each(toDocuments(events).toArray());
        return mongo.updateFirst(atVersion(id, expectedVersion), update, mongo.getCollectionName(aggregateType))
                .map(result -> result.getMatchedCount() == 1)
                .doOnNext(written -> {
                    if (written) {
                        wakeIfAny(events);
                    }
                });
    }

    private static Query atVersion(String id, long version) {
        return Query.query(Criteria.where("_id").is(id).and(VERSION).is(version));
    }

    private List<Document> toDocuments(List<PendingEvent> events) {
        List<Document> documents = new ArrayList<>(events.size());
        for (PendingEvent event : events) {
            Document document = new Document();
            converter.write(event, document);
            document.remove("_class");
            documents.add(document);
        }
        return documents;
    }

    private void wakeIfAny(List<PendingEvent> events) {
        if (!events.isEmpty()) {
            signal.wake();
        }
    }
}
