package dev.courseline.enquiry.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import dev.courseline.enquiry.store.GroupCommit;

/**
 * The latest enquiries of each person (by email hash) and organisation (by folded name), kept under their own
 * {@code _id} so intake finds them with one primary-key read and updates them with one bulk write, each shared by
 * the requests arriving together ({@link GroupCommit}). It is an index, written after the enquiry: if that write is lost, a later enquiry misses one link, nothing more.
 */
@Component
public class Parties {

    static final int KEEP = 10;
    private static final int BATCH = 100;

    private final ReactiveMongoTemplate mongo;
    private final GroupCommit<List<String>, List<EarlierEnquiry>> lookups = new GroupCommit<>(BATCH, this::lookUp);
    private final GroupCommit<Enquiry, Void> pushes = new GroupCommit<>(BATCH, this::push);

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
        List<String> keys = organisationKey == null
                ? List.of(personKey(emailSha256))
                : List.of(personKey(emailSha256), organisationKey(organisationKey));
        return lookups.submit(keys);
    }

    /** Reads the entries of every look-up in the batch with one query and gives each look-up its own. */
    private Mono<Void> lookUp(List<GroupCommit.Job<List<String>, List<EarlierEnquiry>>> jobs) {
        Set<String> keys = new HashSet<>();
        jobs.forEach(job -> keys.addAll(job.item()));
        return mongo.find(Query.query(Criteria.where("_id").in(keys)), Party.class)
                .collectMap(Party::id, Party::recent)
                .doOnNext(found -> jobs.forEach(job -> job.succeed(newestFirst(job.item(), found))))
                .then();
    }

    private static List<EarlierEnquiry> newestFirst(List<String> keys, Map<String, List<EarlierEnquiry>> found) {
        Map<String, EarlierEnquiry> byId = new LinkedHashMap<>();
        keys.forEach(key -> found.getOrDefault(key, List.of()).forEach(e -> byId.put(e.id(), e)));
        List<EarlierEnquiry> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparing(EarlierEnquiry::receivedAt).reversed());
        return all.size() > KEEP ? all.subList(0, KEEP) : all;
    }

    Mono<Void> remember(Enquiry enquiry) {
        return pushes.submit(enquiry);
    }

    /** Both entries of every enquiry in the batch, in one round trip. */
    private Mono<Void> push(List<GroupCommit.Job<Enquiry, Void>> jobs) {
        ReactiveBulkOperations bulk = mongo.bulkOps(BulkMode.UNORDERED, Party.class);
        for (GroupCommit.Job<Enquiry, Void> job : jobs) {
            Enquiry enquiry = job.item();
            EarlierEnquiry reference = new EarlierEnquiry(enquiry.id(), enquiry.kind(), enquiry.receivedAt(),
                    enquiry.organisation(), enquiry.emailSha256(), enquiry.subject(), enquiry.summary(),
                    enquiry.duplicateOf());
            push(bulk, personKey(enquiry.emailSha256()), reference);
            if (enquiry.organisationKey() != null) {
                push(bulk, organisationKey(enquiry.organisationKey()), reference);
            }
        }
        return bulk.execute().then();
    }

    /**
     * Forgets a person: their own index entry goes, and their enquiries leave every organisation's entry (which would
     * otherwise keep their email hash and their enquiries' summaries).
     */
    public Mono<Void> forget(String emailSha256) {
        return mongo.remove(Query.query(Criteria.where("_id").is(personKey(emailSha256))), Party.class)
                .then(mongo.updateMulti(Query.query(Criteria.where("recent.emailSha256").is(emailSha256)),
                        new Update().pull("recent", new org.bson.Document("emailSha256", emailSha256)), Party.class))
                .then();
    }

    private static void push(ReactiveBulkOperations pushes, String key, EarlierEnquiry reference) {
        pushes.upsert(Query.query(Criteria.where("_id").is(key)),
                new Update().push("recent").slice(-KEEP).each(reference));
    }
}
