package dev.courseline.enquiry.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Fixed-window request counters in MongoDB, shared by every replica: one document per key and window, counted up
 * with one atomic {@code findAndModify} ({@code $inc}, upsert), removed by a TTL index once its window is over.
 * The window's start is part of the id, so a counter that the TTL monitor has not yet removed never counts into the
 * next window.
 */
@Component
public class RateCounters {

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    public RateCounters(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document(RateCounter.COLLECTION)
    record RateCounter(@Id String id, long count, @Indexed(expireAfter = "0s") Instant expiresAt) {
        static final String COLLECTION = "rate_counters";
    }

    /** A count within the current window, and when that window ends. */
    public record Count(long count, Instant windowEnds) {

        /** Whole seconds until the window ends, at least 1: what {@code Retry-After} says. */
        public long secondsLeft(Instant now) {
            return Math.max(1, (Duration.between(now, windowEnds).toMillis() + 999) / 1000);
        }
    }

    /** Counts one more request for {@code key} in the current window of length {@code window}. */
    public Mono<Count> increment(String key, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        long start = now.toEpochMilli() / windowMillis * windowMillis;
        Instant ends = Instant.ofEpochMilli(start + windowMillis);
        String id = key + "@" + start;
        Query query = Query.query(Criteria.where("_id").is(id));
        Update update = new Update().inc("count", 1).setOnInsert("expiresAt", ends);
        FindAndModifyOptions options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        // Two first requests of a window may both try to insert; the loser counts again on the document that won.
        return Mono.defer(() -> mongo.findAndModify(query, update, options, RateCounter.class))
                .retryWhen(Retry.max(2).filter(DuplicateKeyException.class::isInstance))
                .map(counter -> new Count(counter.count(), ends));
    }
}
