package dev.courseline.enquiry.outbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.store.GroupCommit;

/**
 * Records sends as done: pulls the acknowledged events from their documents, releases the lease and removes the
 * {@code unsent} marker, on the condition that the marker is still the one read along with the events. The sends
 * finished together are recorded with one update per collection ({@link GroupCommit}): at saturated intake this was
 * one of the four store round trips of every request.
 */
final class SentMarks {

    private static final int BATCH = 100;

    /** The events sent from one document, and the marker it carried when they were read. */
    record Sent(Object id, String unsent, List<String> eventIds) {
    }

    private final ReactiveMongoTemplate mongo;
    private final Map<String, GroupCommit<Sent, Boolean>> byCollection = new ConcurrentHashMap<>();

    SentMarks(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * True if the events sent were the document's last, which the update then unmarked; false if events were added
     * meanwhile (the marker was replaced), in which case nothing of this document was changed.
     */
    Mono<Boolean> record(String collection, Sent sent) {
        return byCollection
                .computeIfAbsent(collection, name -> new GroupCommit<>(BATCH, jobs -> recordAll(name, jobs)))
                .submit(sent);
    }

    private Mono<Void> recordAll(String collection, List<GroupCommit.Job<Sent, Boolean>> jobs) {
        List<Sent> sends = jobs.stream().map(GroupCommit.Job::item).toList();
        Query stillMarked = Query.query(Criteria.where(OutboxLeases.UNSENT)
                .in(sends.stream().map(Sent::unsent).toList()));
        Update update = OutboxLeases.released(sends.stream().flatMap(s -> s.eventIds().stream()).toList())
                .unset(OutboxLeases.UNSENT);
        return mongo.updateMulti(stillMarked, update, collection).flatMap(result -> {
            if (result.getMatchedCount() == jobs.size()) {
                jobs.forEach(job -> job.succeed(true));
                return Mono.empty();
            }
            // Some documents got events meanwhile and a new marker: those, and only those, still have one.
            Query query = Query.query(Criteria.where("_id").in(sends.stream().map(Sent::id).toList()));
            query.fields().include(OutboxLeases.UNSENT);
            return mongo.find(query, Document.class, collection)
                    .collectMap(doc -> doc.get("_id"), SentMarks::hasMarker)
                    .doOnNext(marked -> jobs.forEach(job -> job.succeed(!marked.getOrDefault(job.item().id(), false))))
                    .then();
        });
    }

    private static boolean hasMarker(Document doc) {
        Document outbox = doc.get(OutboxLease.FIELD, Document.class);
        return outbox != null && outbox.get("unsent") != null;
    }
}
