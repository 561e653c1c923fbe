package dev.courseline.enquiry.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Organisation;
import dev.courseline.enquiry.lead.SearchTerms;
import dev.courseline.enquiry.outbox.OutboxRelay;

/**
 * Replaces the personal data of enquiries with placeholders, keeping what the business may keep (what was asked for,
 * when, by which organisation, and how the lead ended). Consent stays as the record of what was agreed; events
 * not yet sent are dropped. A lead's search terms are rewritten from its organisation alone, so the inbox still
 * finds it by organisation and by nothing personal.
 *
 * <p>The terms differ by organisation, so the enquiries are read in batches in {@code _id} order and updated per
 * organisation, each update still conditional on the enquiry matching; one arriving meanwhile (a later id) is met
 * by a later batch.
 */
@Component
public class Anonymiser {

    private static final int BATCH = 1_000;

    private final ReactiveMongoTemplate mongo;

    public Anonymiser(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Anonymises every enquiry matching {@code which}; returns how many. */
    public Mono<Integer> anonymiseEnquiries(Criteria which) {
        return anonymiseAfter(which, null, 0);
    }

    private Mono<Integer> anonymiseAfter(Criteria which, Object after, int done) {
        Criteria next = after == null ? which : new Criteria().andOperator(which, Criteria.where("_id").gt(after));
        Query batch = Query.query(next).with(Sort.by("_id")).limit(BATCH);
        batch.fields().include("_id").include("organisation").include("lead.leadId");
        return mongo.find(batch, Document.class, Enquiry.COLLECTION).collectList().flatMap(found -> {
            if (found.isEmpty()) {
                return Mono.just(done);
            }
            Map<List<String>, List<Object>> byTerms = new LinkedHashMap<>();
            for (Document enquiry : found) {
                byTerms.computeIfAbsent(retainedTerms(enquiry), terms -> new ArrayList<>()).add(enquiry.get("_id"));
            }
            Object last = found.get(found.size() - 1).get("_id");
            return Flux.fromIterable(byTerms.entrySet())
                    .concatMap(group -> mongo.updateMulti(
                            Query.query(new Criteria().andOperator(which, Criteria.where("_id").in(group.getValue()))),
                            anonymised(group.getKey()), Enquiry.class))
                    .map(result -> (int) result.getModifiedCount())
                    .reduce(done, Integer::sum)
                    .flatMap(total -> found.size() < BATCH ? Mono.just(total) : anonymiseAfter(which, last, total));
        });
    }

    /** What the terms of an enquiry become: its organisation's for a lead, none for an enquiry without one. */
    private static List<String> retainedTerms(Document enquiry) {
        if (enquiry.get("lead") == null) {
            return null;
        }
        String name = enquiry.get("organisation") instanceof Document organisation
                ? organisation.getString("name")
                : null;
        return SearchTerms.ofOrganisation(name == null ? null : new Organisation(name, null));
    }

    private static Update anonymised(List<String> terms) {
        Update update = new Update()
                .set("contact", Contact.erased())
                .set("anonymised", true)
                .unset("emailSha256")
                .unset("message")
                .unset("location")
                .unset("preferredDates")
                // Events not sent yet carry the person's data as sent text: they go too (an event the relay is
                // sending at this moment is stopped on the notification side, which checks erasures before sending).
                .set(OutboxRelay.PENDING_EVENTS, List.of())
                // A quarantined enquiry's held events carry the contact too; released later, it sends nothing.
                .unset("quarantine.events");
        return terms == null ? update.unset(SearchTerms.FIELD) : update.set(SearchTerms.FIELD, terms);
    }
}
