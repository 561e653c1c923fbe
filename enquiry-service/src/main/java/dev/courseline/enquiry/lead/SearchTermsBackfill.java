package dev.courseline.enquiry.lead;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.mongodb.MongoWriteException;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Organisation;
import reactor.core.publisher.Mono;

/**
 * Gives the leads stored before {@link SearchTerms} existed their terms, once: in batches, each enquiry updated only
 * while it still has none, so running it twice (or on two instances) changes nothing more. Its end is recorded in
 * {@value #COLLECTION}, so every later start-up only reads that one document.
 */
@Component
class SearchTermsBackfill {

    static final String COLLECTION = "store_migrations";
    static final String ID = "lead-search-terms";
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(SearchTermsBackfill.class);

    private final ReactiveMongoTemplate mongo;
    private final Clock clock;

    SearchTermsBackfill(ReactiveMongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        run().subscribe(filled -> {
            if (filled > 0) {
                log.info("Gave {} earlier lead(s) their search terms", filled);
            }
        }, e -> log.warn("Search terms backfill stopped, to be retried at the next start: {}", e.toString()));
    }

    /** Fills what is missing, unless done before; returns how many enquiries it gave terms. */
    Mono<Integer> run() {
        return mongo.exists(Query.query(Criteria.where("_id").is(ID)), COLLECTION)
                .flatMap(done -> done ? Mono.just(0) : fill(0)
                        .flatMap(filled -> mongo.getCollection(COLLECTION)
                                .flatMap(marks -> Mono.from(marks.insertOne(
                                        new Document("_id", ID).append("doneAt", Date.from(clock.instant())))))
                                // Another instance finished first.
                                .onErrorResume(MongoWriteException.class, e -> Mono.empty())
                                .thenReturn(filled)));
    }

    /** Those filled no longer match, so each batch is the next; one that changes nothing ends it. */
    private Mono<Integer> fill(int done) {
        Query missing = Query.query(missing()).limit(BATCH);
        missing.fields().include("_id").include("organisation").include("contact").include("anonymised");
        return mongo.find(missing, Document.class, Enquiry.COLLECTION).collectList().flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(done);
            }
            ReactiveBulkOperations updates = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Enquiry.COLLECTION);
            for (Document enquiry : found) {
                updates.updateOne(Query.query(Criteria.where("_id").is(enquiry.get("_id"))
                        .and(SearchTerms.FIELD).exists(false)), new Update().set(SearchTerms.FIELD, termsOf(enquiry)));
            }
            return updates.execute().flatMap(result -> result.getModifiedCount() == 0 ? Mono.just(done)
                    : fill(done + result.getModifiedCount()));
        });
    }

    private static Criteria missing() {
        return Criteria.where(Lead.FIELD).exists(true).and(SearchTerms.FIELD).exists(false);
    }

    private static List<String> termsOf(Document enquiry) {
        Organisation organisation = enquiry.get("organisation") instanceof Document o
                ? new Organisation(o.getString("name"), o.getString("country")) : null;
        if (Boolean.TRUE.equals(enquiry.getBoolean("anonymised"))) {
            return SearchTerms.ofOrganisation(organisation);
        }
        Contact contact = enquiry.get("contact") instanceof Document c
                ? new Contact(c.getString("name"), c.getString("email"), null, null) : null;
        return SearchTerms.of(organisation, contact);
    }
}
