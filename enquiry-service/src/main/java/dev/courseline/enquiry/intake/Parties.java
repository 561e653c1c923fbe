package dev.courseline.enquiry.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The latest enquiries of each person (by email hash) and organisation (by folded name), kept under their own
 * {@code _id} so intake finds them with one primary-key read and updates them with one bulk write. (The embedded
 * store ignores secondary indexes, so a query on {@code emailSha256} would scan every enquiry; real MongoDB would
 * not, but both answer this in one key read.)
 * It is an index, written after the enquiry: if that write is lost, a later enquiry misses one link, nothing more.
 */
@Component
public class Parties {

    static final int KEEP = 10;

    private final ReactiveMongoTemplate mongo;

    public Parties(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Document(Party.COLLECTION)
    record Party(@Id String id, List<EarlierEnquiry> recent) {
        static final String COLLECTION = "enquiry_parties";
    }

    static String personKey(String emailSha256) {
        return "person:" + emailSha256;
    }

    static String organisationKey(String organisationKey) {
        return "organisation:" + organisationKey;
    }

    /** The latest enquiries of this person or organisation, newest first, each once. */
    Mono<List<EarlierEnquiry>> recent(String emailSha256, String organisationKey) {
        List<String> keys = organisationKey == null ? List.of(personKey(emailSha256))
                : List.of(personKey(emailSha256), organisationKey(organisationKey));
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), Party.class).collectList().map(found -> {
            Map<String, EarlierEnquiry> byId = new LinkedHashMap<>();
            found.forEach(party -> party.recent().forEach(e -> byId.put(e.id(), e)));
            List<EarlierEnquiry> all = new ArrayList<>(byId.values());
            all.sort(Comparator.comparing(EarlierEnquiry::receivedAt).reversed());
            return all.size() > KEEP ? all.subList(0, KEEP) : all;
        });
    }

    Mono<Void> remember(Enquiry enquiry) {
        EarlierEnquiry reference = new EarlierEnquiry(enquiry.id(), enquiry.kind(), enquiry.receivedAt(),
                enquiry.organisation(), enquiry.emailSha256(), enquiry.subject(), enquiry.summary(),
                enquiry.duplicateOf());
        // Both entries in one round trip.
        ReactiveBulkOperations pushes = mongo.bulkOps(BulkMode.UNORDERED, Party.class);
        push(pushes, personKey(enquiry.emailSha256()), reference);
        if (enquiry.organisationKey() != null) {
            push(pushes, organisationKey(enquiry.organisationKey()), reference);
        }
        return pushes.execute().then();
    }

    /** Forgets a person: their own index entry goes; their organisation's keeps only what names no one. */
    public Mono<Void> forget(String emailSha256) {
        return mongo.remove(Query.query(Criteria.where("_id").is(personKey(emailSha256))), Party.class).then();
    }

    private static void push(ReactiveBulkOperations pushes, String key, EarlierEnquiry reference) {
        pushes.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().push("recent").slice(-KEEP).each(reference));
    }
}
