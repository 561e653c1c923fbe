package dev.courseline.enquiry.privacy;

import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.outbox.OutboxRelay;
import reactor.core.publisher.Mono;

/**
 * Replaces the personal data of enquiries with placeholders, keeping what the business may keep (what was asked for,
 * when, by which organisation, and how the lead ended). Consent stays as the record of what was agreed; events
 * not yet sent are dropped.
 */
@Component
public class Anonymiser {

    private final ReactiveMongoTemplate mongo;

    public Anonymiser(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Anonymises every enquiry matching {@code which}; returns how many. */
    public Mono<Integer> anonymiseEnquiries(Criteria which) {
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
        return mongo.updateMulti(Query.query(which), update, Enquiry.class)
                .map(result -> (int) result.getModifiedCount());
    }
}
