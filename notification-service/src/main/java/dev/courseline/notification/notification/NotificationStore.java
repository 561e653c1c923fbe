package dev.courseline.notification.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteResult;
import com.mongodb.client.model.InsertManyOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every write to the notifications collection. State changes are conditional single-document updates, so two
 * dispatcher workers (in one process or several) can never both own, or both finish, the same notification. A
 * notification is leased (SENDING under an owner token, until a moment) either as it is recorded, to the dispatcher
 * of the instance recording it, or by a worker's claim of a PENDING one; only the lease's owner records the outcome,
 * and the sweep releases a lease that ran out.
 */
@Component
public class NotificationStore implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationStore.class);
    private static final String STATUS = "status";
    private static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
    private static final String LEASE_OWNER = "leaseOwner";
    private static final String LEASE_UNTIL = "leaseUntil";
    private static final String ABOUT_ID = "aboutId";
    private static final String RELATED_IDS = "relatedIds";
    /** What the sweep reads: {@code by_status} lists these apart from every notification ever sent. */
    private static final List<String> UNFINISHED_STATUSES = List.of(NotificationStatus.PENDING.name(),
            NotificationStatus.SENDING.name());

    private final ReactiveMongoTemplate mongo;
    private volatile boolean indexesCreated;

    public NotificationStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the indexes as the service starts; should the store not answer yet, the first recording does. */
    @Override
    public void afterPropertiesSet() {
        indexes().subscribe(null, failure -> log.warn("Could not create the notification indexes yet: {}",
                failure.getMessage()));
    }

    /**
     * The unique index on (event, kind, recipient) is what makes recording idempotent, so every recording waits for
     * it (once; creating an index that exists changes nothing). The conditional updates of claiming and finishing a
     * lease name the notification's id, so the {@code _id} index serves them. {@code by_status} serves the sweep,
     * which reads the unfinished statuses only, and the admin listing by status. {@code by_subject} and
     * {@code by_related} find what was sent about a lead or an enquiry.
     */
    private Mono<Void> indexes() {
        if (indexesCreated) {
            return Mono.empty();
        }
        var indexes = mongo.indexOps(Notification.class);
        return Mono.when(
                indexes.createIndex(new Index().named("event_kind_recipient").unique()
                        .on("eventId", Sort.Direction.ASC).on("kind", Sort.Direction.ASC)
                        .on("recipient", Sort.Direction.ASC)),
                indexes.createIndex(new Index().named("by_status").on(STATUS, Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)),
                indexes.createIndex(new Index().named("by_person").on("personEmailHashes", Sort.Direction.ASC)),
                indexes.createIndex(new Index().named("by_subject").on("aboutId", Sort.Direction.ASC)),
                indexes.createIndex(new Index().named("by_related").on(RELATED_IDS, Sort.Direction.ASC)))
                .doOnSuccess(created -> indexesCreated = true);
    }

    /**
     * Records an event's notifications in one round trip; returns those that are new. A redelivered event hits the
     * unique index, and then each is recorded on its own so that the ones missing are still added.
     */
    public Mono<List<Notification>> recordAllIfAbsent(List<Notification> notifications) {
        if (notifications.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Document> documents = notifications.stream().map(this::toDocument).toList();
        return indexes()
                .then(mongo.getCollection(Notification.COLLECTION))
                .flatMap(collection -> Mono
                        .from(collection.insertMany(documents, new InsertManyOptions().ordered(false))))
                .thenReturn(notifications)
                .onErrorResume(NotificationStore::isDuplicate, duplicate -> Flux.fromIterable(notifications)
                        .concatMap(notification -> recordIfAbsent(notification).filter(Boolean::booleanValue)
                                .map(added -> notification))
                        .collectList());
    }

    /** Records a notification unless the same (event, kind, recipient) was recorded before; true when new. */
    public Mono<Boolean> recordIfAbsent(Notification notification) {
        return indexes()
                .then(mongo.insert(toDocument(notification), Notification.COLLECTION))
                .thenReturn(true)
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(false));
    }

    /**
     * Ids of notifications that are due now: pending ones whose time has come, and ones whose lease ran out (a worker
     * died with them, or the dispatcher they were recorded leased to never got to them), which are first put back to
     * PENDING. It reads only the unfinished notifications, few at any time, through {@code by_status}, and picks
     * the due ones here.
     */
    public Flux<String> dueIds(Instant now, int limit) {
        Query query = new Query(where(STATUS).in(UNFINISHED_STATUSES));
        query.fields().include("_id").include(STATUS).include(LEASE_OWNER).include(NEXT_ATTEMPT_AT)
                .include(LEASE_UNTIL);
        return mongo.find(query, Document.class, Notification.COLLECTION)
                .filter(candidate -> isDue(candidate, now))
                .take(limit)
                .concatMap(due -> NotificationStatus.SENDING.name().equals(due.getString(STATUS))
                        ? releaseLease(due.getString("_id"), due.getString(LEASE_OWNER))
                                .filter(Boolean::booleanValue).map(released -> due.getString("_id"))
                        : Mono.just(due.getString("_id")));
    }

    /**
     * Takes the lease, under a token unique to this call, on those of {@code ids} that are PENDING, and returns
     * them; ids another worker holds, or that are done, are left alone. Ids reach a worker only once they are due.
     * Each condition names the document by id plus exact values, the shape an index serves even on the embedded
     * store (see {@link #indexes()}), and all of them travel in one bulk write.
     */
    public Flux<Notification> claimAll(Collection<String> ids, String token, Instant leaseUntil) {
        ReactiveBulkOperations claims = mongo.bulkOps(BulkMode.UNORDERED, Notification.class);
        for (String id : ids) {
            claims.updateOne(new Query(where("_id").is(id).and(STATUS).is(NotificationStatus.PENDING)),
                    new Update().set(STATUS, NotificationStatus.SENDING).set(LEASE_OWNER, token)
                            .set(LEASE_UNTIL, leaseUntil));
        }
        return claims.execute()
                .flatMapMany(result -> result.getModifiedCount() == 0
                        ? Flux.empty()
                        : mongo.find(new Query(where("_id").in(ids)), Notification.class)
                                .filter(notification -> token.equals(notification.leaseOwner())));
    }

    /**
     * Marks one notification SENT, if it is still leased under the owner it was sent under; false when that lease is
     * no longer held (it was erased, or released after running out).
     */
    public Mono<Boolean> markSent(Notification notification, Instant at) {
        return finishLease(notification.id(), notification.leaseOwner(), sent(at));
    }

    /**
     * Hands back the leases of notifications this instance will not send after all (it is stopping), in one bulk
     * write, so that the sweep of the next start or of another instance sends them at once rather than when the
     * leases would have run out.
     */
    public Mono<Integer> releaseAll(Collection<Notification> notifications) {
        if (notifications.isEmpty()) {
            return Mono.just(0);
        }
        ReactiveBulkOperations released = mongo.bulkOps(BulkMode.UNORDERED, Notification.class);
        for (Notification notification : notifications) {
            released.updateOne(leased(notification.id(), notification.leaseOwner()), releasing());
        }
        return released.execute().map(BulkWriteResult::getModifiedCount);
    }

    /** A temporary failure: try again at {@code retryAt}, or give up (FAILED) when it is null. */
    public Mono<Boolean> markTemporaryFailure(String id, String owner, Instant at, String error, Instant retryAt) {
        Update update = new Update()
                .set(STATUS, retryAt == null ? NotificationStatus.FAILED : NotificationStatus.PENDING)
                .set("lastError", error)
                .inc("failedAttempts", 1)
                .unset(LEASE_OWNER).unset(LEASE_UNTIL)
                .push("attempts", new Attempt(at, Attempt.Outcome.TEMPORARY_FAILURE, error));
        if (retryAt != null) {
            update.set(NEXT_ATTEMPT_AT, retryAt);
        }
        return finishLease(id, owner, update);
    }

    public Mono<Boolean> markPermanentFailure(String id, String owner, Instant at, String error) {
        Update update = new Update()
                .set(STATUS, NotificationStatus.FAILED)
                .set("lastError", error)
                .inc("failedAttempts", 1)
                .unset(LEASE_OWNER).unset(LEASE_UNTIL)
                .push("attempts", new Attempt(at, Attempt.Outcome.PERMANENT_FAILURE, error));
        return finishLease(id, owner, update);
    }

    /** Puts a FAILED notification back in the queue with a fresh attempt budget; empty if it is not FAILED. */
    public Mono<Notification> retryFailed(String id, Instant now) {
        Query query = new Query(where("_id").is(id).and(STATUS).is(NotificationStatus.FAILED));
        Update update = new Update()
                .set(STATUS, NotificationStatus.PENDING)
                .set("failedAttempts", 0)
                .set(NEXT_ATTEMPT_AT, now);
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Notification.class);
    }

    public Mono<Notification> findById(String id) {
        return mongo.findById(id, Notification.class);
    }

    /** Newest first; {@code status} null for any, {@code aboutIds} empty for any. */
    public Flux<Notification> findPage(NotificationStatus status, Collection<String> aboutIds, int page, int size) {
        return mongo.find(pageQuery(status, aboutIds).with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
                .skip((long) page * size).limit(size), Notification.class);
    }

    public Mono<Long> count(NotificationStatus status, Collection<String> aboutIds) {
        return mongo.count(pageQuery(status, aboutIds), Notification.class);
    }

    public Flux<Notification> findByPerson(String emailSha256) {
        return mongo.find(new Query(where("personEmailHashes").is(emailSha256)), Notification.class);
    }

    public Flux<Notification> findByAboutIds(Collection<String> aboutIds) {
        return aboutIds.isEmpty()
                ? Flux.empty()
                : mongo.find(new Query(where(ABOUT_ID).in(aboutIds)), Notification.class);
    }

    /** Replaces a notification's personal data; one that was not sent yet will now never be. */
    public Mono<Boolean> erase(Notification notification, EmailContent placeholder, String recipient,
            List<Attempt> attempts, Instant at) {
        Update update = new Update()
                .set("content", placeholder)
                .set("recipient", recipient)
                .set("attempts", attempts)
                .set("lastError", null)
                .set("personEmailHashes", List.of())
                .set("erasedAt", at);
        // Also one being sent: a worker that holds it may still deliver the copy it has, but it can no longer record
        // that, and no sweep will ever hand the placeholder to another worker.
        if (notification.status() != NotificationStatus.SENT) {
            update.set(STATUS, NotificationStatus.ERASED).unset(LEASE_OWNER).unset(LEASE_UNTIL);
        }
        return mongo.updateFirst(new Query(where("_id").is(notification.id())), update, Notification.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    private Mono<Boolean> finishLease(String id, String owner, Update update) {
        return mongo.updateFirst(leased(id, owner), update, Notification.class)
                .map(result -> result.getModifiedCount() > 0);
    }

    private Mono<Boolean> releaseLease(String id, String owner) {
        return finishLease(id, owner, releasing());
    }

    private static Update sent(Instant at) {
        return new Update()
                .set(STATUS, NotificationStatus.SENT)
                .set("sentAt", at)
                .set("lastError", null)
                .unset(LEASE_OWNER).unset(LEASE_UNTIL)
                .push("attempts", new Attempt(at, Attempt.Outcome.DELIVERED, null));
    }

    private static Update releasing() {
        return new Update().set(STATUS, NotificationStatus.PENDING).unset(LEASE_OWNER).unset(LEASE_UNTIL);
    }

    private static Query leased(String id, String owner) {
        return new Query(where("_id").is(id).and(STATUS).is(NotificationStatus.SENDING).and(LEASE_OWNER).is(owner));
    }

    private Document toDocument(Notification notification) {
        Document document = new Document();
        mongo.getConverter().write(notification, document);
        return document;
    }

    private static boolean isDuplicate(Throwable failure) {
        return failure instanceof MongoBulkWriteException || failure instanceof DuplicateKeyException
                || (failure instanceof MongoWriteException write && write.getCode() == 11000);
    }

    private static boolean isDue(Document candidate, Instant now) {
        String status = candidate.getString(STATUS);
        if (NotificationStatus.PENDING.name().equals(status)) {
            Date next = candidate.getDate(NEXT_ATTEMPT_AT);
            return next == null || !next.toInstant().isAfter(now);
        }
        Date leaseUntil = candidate.getDate(LEASE_UNTIL);
        return NotificationStatus.SENDING.name().equals(status)
                && (leaseUntil == null || leaseUntil.toInstant().isBefore(now));
    }

    /**
     * Those with the status, about one of the ids: as their {@code aboutId}, or among their {@code relatedIds}, which
     * notifications recorded before that field existed lack (their lead emails are found by the lead id only).
     */
    private static Query pageQuery(NotificationStatus status, Collection<String> aboutIds) {
        Criteria criteria = status == null ? new Criteria() : where(STATUS).is(status);
        if (!aboutIds.isEmpty()) {
            criteria.orOperator(where(ABOUT_ID).in(aboutIds), where(RELATED_IDS).in(aboutIds));
        }
        return new Query(criteria);
    }
}
