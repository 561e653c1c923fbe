package dev.courseline.enquiry.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import jakarta.annotation.PostConstruct;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.enrolment.Seats;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.intake.Parties;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.store.TimeOrderedIds;

/**
 * Erases a person on request: their enquiries and enrolments are anonymised, then the erasure is recorded with its
 * {@code person-erased} event so other services erase their copies. Repeating an erasure is harmless.
 */
@Service
public class ErasureService {

    private final ReactiveMongoTemplate mongo;
    private final Anonymiser anonymiser;
    private final Seats seats;
    private final Parties parties;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;

    public ErasureService(ReactiveMongoTemplate mongo, Anonymiser anonymiser, Seats seats, Parties parties,
            EventFactory events, OutboxRelay relay, Clock clock) {
        this.mongo = mongo;
        this.anonymiser = anonymiser;
        this.seats = seats;
        this.parties = parties;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
    }

    @PostConstruct
    void registerWithRelay() {
        relay.register(Erasure.COLLECTION);
    }

    public Mono<ErasureResult> erase(String email, String requestedBy) {
        String emailSha256 = Fingerprints.emailSha256(email);
        return anonymiser.anonymiseEnquiries(Criteria.where("emailSha256").is(emailSha256))
                .zipWith(seats.erase(emailSha256))
                .flatMap(counts -> parties.forget(emailSha256).thenReturn(counts))
                .flatMap(counts -> {
                    Instant now = clock.instant();
                    PendingEvent event = events.create(PersonErased.TYPE, emailSha256, now,
                            new PersonErased(emailSha256, now, now));
                    Erasure erasure = new Erasure(TimeOrderedIds.next(), emailSha256, now, requestedBy,
                            counts.getT1(), counts.getT2(), List.of(event), relay.leaseForNewDocument());
                    return mongo.insert(erasure);
                })
                .doOnNext(erasure -> relay.relayNow(Erasure.COLLECTION, erasure.id(), erasure.pendingEvents(),
                        erasure.outbox()))
                .map(erasure -> new ErasureResult(erasure.id(), emailSha256, erasure.erasedAt(), erasure.enquiries(),
                        erasure.enrolments()));
    }
}
