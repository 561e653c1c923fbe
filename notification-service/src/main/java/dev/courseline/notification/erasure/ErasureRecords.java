package dev.courseline.notification.erasure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Who has been erased, and when, by email hash only. Events are keyed by enquiry, lead or enrolment, the erasure by
 * person, so an erasure can arrive before an earlier event of the same person; planning checks here before any email
 * of an event that happened before the erasure is sent. Keeps no personal data: the hash was in the erasure event.
 */
@Component
public class ErasureRecords {

    private final ReactiveMongoTemplate mongo;

    public ErasureRecords(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(ErasedPerson.COLLECTION)
    record ErasedPerson(@Id String emailSha256, Instant erasedAt) {
        static final String COLLECTION = "erased_people";
    }

    /** Records an erasure; a repeated one keeps the latest time. */
    public Mono<Void> remember(String emailSha256, Instant erasedAt) {
        return mongo.upsert(Query.query(where("_id").is(emailSha256)), new Update().max("erasedAt", erasedAt),
                ErasedPerson.class).then();
    }

    /**
     * Which of these people were erased at or after {@code happenedAt} (every erased one when it is unknown): their
     * data in an event from before the erasure must never be sent.
     */
    public Mono<Set<String>> erasedSince(Collection<String> emailHashes, Instant happenedAt) {
        if (emailHashes.isEmpty()) {
            return Mono.just(Set.of());
        }
        Criteria erased = where("_id").in(emailHashes);
        if (happenedAt != null) {
            erased = erased.and("erasedAt").gte(happenedAt);
        }
        return mongo.find(Query.query(erased), ErasedPerson.class)
                .map(ErasedPerson::emailSha256)
                .collect(Collectors.toSet());
    }
}
