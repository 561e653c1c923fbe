package dev.courseline.enquiry.quarantine;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.lead.SearchTerms;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.web.ConflictException;
import dev.courseline.enquiry.web.NotFoundException;

/**
 * Staff decisions on suspect enquiries. Releasing gives the enquiry the lead and events it was held with, in one
 * update conditional on it still being suspect, so the lead appears in the inbox and the sales email goes out through
 * the outbox like any other; discarding drops them, so nothing is ever sent for it.
 */
@Service
public class QuarantineDesk {

    static final String STATUS = Quarantine.FIELD + ".status";
    private static final int MAX_LISTED = 200;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Clock clock;

    public QuarantineDesk(ReactiveMongoTemplate mongo, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.relay = relay;
        this.clock = clock;
    }

    /** Suspect enquiries awaiting a decision, newest first. */
    public Mono<List<QuarantinedEnquiry.View>> suspects() {
        Query query = Query.query(Criteria.where(STATUS).is(Quarantine.QuarantineStatus.SUSPECT.name()))
                .with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(MAX_LISTED);
        return mongo.find(query, QuarantinedEnquiry.class, Enquiry.COLLECTION).map(QuarantinedEnquiry::view)
                .collectList();
    }

    public Mono<QuarantinedEnquiry.View> release(String id, String staff) {
        return suspect(id).flatMap(held -> {
            Instant now = clock.instant();
            Update update = decided(Quarantine.QuarantineStatus.RELEASED, staff, now)
                    .set("lead", held.quarantine().lead())
                    .set(SearchTerms.FIELD, held.anonymised()
                            ? SearchTerms.ofOrganisation(held.organisation())
                            : SearchTerms.of(held.organisation(), held.contact()));
            // None when erasure removed them meanwhile: the lead is released, nothing is sent.
            List<PendingEvent> events = held.quarantine().events() == null ? List.of() : held.quarantine().events();
            if (!events.isEmpty()) {
                OutboxRelay.pushEvents(update, events);
            }
            // An erasure meanwhile would leave the person's words in the terms: the release is refused then.
            Query unchanged = stillSuspect(id).addCriteria(Criteria.where("anonymised").is(held.anonymised()));
            return mongo.updateFirst(unchanged, update, Enquiry.class).flatMap(result -> {
                if (result.getModifiedCount() != 1) {
                    return Mono.error(new ConflictException("This enquiry was decided on meanwhile."));
                }
                relay.signal(Enquiry.COLLECTION, id);
                return reread(id);
            });
        });
    }

    public Mono<QuarantinedEnquiry.View> discard(String id, String staff) {
        return suspect(id).flatMap(held -> mongo.updateFirst(stillSuspect(id),
                decided(Quarantine.QuarantineStatus.DISCARDED, staff, clock.instant()), Enquiry.class)
                .flatMap(result -> result.getModifiedCount() == 1
                        ? reread(id)
                        : Mono.error(new ConflictException("This enquiry was decided on meanwhile."))));
    }

    private Mono<QuarantinedEnquiry> suspect(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and(Quarantine.FIELD).exists(true));
        return mongo.findOne(query, QuarantinedEnquiry.class, Enquiry.COLLECTION)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No quarantined enquiry " + id)))
                .flatMap(found -> found.quarantine().status() == Quarantine.QuarantineStatus.SUSPECT
                        ? Mono.just(found)
                        : Mono.error(new ConflictException("This enquiry was already "
                                + found.quarantine().status().name().toLowerCase() + ".")));
    }

    private static Query stillSuspect(String id) {
        return Query.query(Criteria.where("_id").is(id).and(STATUS).is(Quarantine.QuarantineStatus.SUSPECT.name()));
    }

    /** The decision, and the held lead and events removed from the quarantine record (they move or go). */
    private static Update decided(Quarantine.QuarantineStatus status, String staff, Instant now) {
        return new Update().set(STATUS, status.name()).set(Quarantine.FIELD + ".decidedBy", staff)
                .set(Quarantine.FIELD + ".decidedAt", now)
                .unset(Quarantine.FIELD + ".lead").unset(Quarantine.FIELD + ".events");
    }

    private Mono<QuarantinedEnquiry.View> reread(String id) {
        return mongo.findById(id, QuarantinedEnquiry.class, Enquiry.COLLECTION).map(QuarantinedEnquiry::view);
    }
}
