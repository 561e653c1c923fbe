package dev.courseline.enquiry.intake;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoExceptionTranslator;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.store.GroupCommit;

/**
 * Stores new enquiries, those arriving together with one unordered insert ({@link GroupCommit}). Each enquiry is
 * stored or refused on its own, as with an insert of its own: a repeated Idempotency-Key fails only its document,
 * with the {@link org.springframework.dao.DuplicateKeyException} intake turns into the first answer.
 */
@Component
class EnquiryInserts {

    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final MongoExceptionTranslator translator = new MongoExceptionTranslator();
    private final GroupCommit<Converted, Enquiry> inserts = new GroupCommit<>(BATCH, this::insertAll);

    /** An enquiry with its stored form, converted on the caller's thread rather than while a batch holds the line. */
    private record Converted(Enquiry enquiry, Document document) {
    }

    EnquiryInserts(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    Mono<Enquiry> insert(Enquiry enquiry) {
        return Mono.fromCallable(() -> new Converted(enquiry, toDocument(enquiry))).flatMap(inserts::submit);
    }

    /** Stores an enquiry with one more field that its record does not map (e.g. its quarantine). */
    Mono<Enquiry> insert(Enquiry enquiry, String field, Object value) {
        return Mono.fromCallable(() -> {
            Document document = toDocument(enquiry);
            Document extra = new Document();
            mongo.getConverter().write(value, extra);
            extra.remove("_class");
            document.put(field, extra);
            return new Converted(enquiry, document);
        }).flatMap(inserts::submit);
    }

    private Mono<Void> insertAll(List<GroupCommit.Job<Converted, Enquiry>> jobs) {
        List<Document> documents = jobs.stream().map(job -> job.item().document()).toList();
        return mongo.getCollection(Enquiry.COLLECTION)
                .flatMap(collection -> Mono.from(collection.insertMany(documents,
                        new InsertManyOptions().ordered(false))))
                .doOnNext(inserted -> jobs.forEach(job -> job.succeed(job.item().enquiry())))
                .then()
                .onErrorResume(MongoBulkWriteException.class, e -> {
                    answerEach(jobs, e);
                    return Mono.empty();
                })
                .onErrorMap(RuntimeException.class, this::translate);
    }

    private void answerEach(List<GroupCommit.Job<Converted, Enquiry>> jobs, MongoBulkWriteException e) {
        Map<Integer, BulkWriteError> refused = e.getWriteErrors().stream()
                .collect(Collectors.toMap(BulkWriteError::getIndex, Function.identity()));
        for (int i = 0; i < jobs.size(); i++) {
            BulkWriteError error = refused.get(i);
            if (error == null) {
                jobs.get(i).succeed(jobs.get(i).item().enquiry());
            } else {
                jobs.get(i).fail(translate(new MongoWriteException(error, e.getServerAddress(), e.getErrorLabels())));
            }
        }
    }

    private Document toDocument(Enquiry enquiry) {
        Document document = new Document();
        mongo.getConverter().write(enquiry, document);
        return document;
    }

    private Throwable translate(RuntimeException e) {
        DataAccessException translated = translator.translateExceptionIfPossible(e);
        return translated != null ? translated : e;
    }
}
