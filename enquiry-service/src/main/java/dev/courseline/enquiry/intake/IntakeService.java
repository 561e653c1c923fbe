package dev.courseline.enquiry.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.courseline.enquiry.config.EnquiryProperties;
import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.lead.LeadProperties;
import dev.courseline.enquiry.lead.LeadRouter;
import dev.courseline.enquiry.lead.RelatedEnquiry;
import dev.courseline.enquiry.lead.Routing;
import dev.courseline.enquiry.lead.WorkingDays;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.store.TimeOrderedIds;
import jakarta.annotation.PostConstruct;
import reactor.core.publisher.Mono;

/**
 * Stores a quote or membership request with its lead and its event in one insert, then hands the event to the relay.
 *
 * <p>With an {@code Idempotency-Key}, the unique index decides: whoever inserts first wins, every repeat (even a
 * concurrent one) gets the first answer and stores nothing. Without one, a repeat from the same email for the same
 * thing within the duplicate window is stored, linked to the first, and gets no lead or event of its own, so sales
 * is not told twice about one double click.
 */
@Service
public class IntakeService {

    private final ReactiveMongoTemplate mongo;
    private final LeadRouter router;
    private final LeadProperties leadProperties;
    private final EnquiryProperties properties;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Parties parties;
    private final EnquiryInserts inserts;
    private final Clock clock;

    public IntakeService(ReactiveMongoTemplate mongo, LeadRouter router, LeadProperties leadProperties,
            EnquiryProperties properties, EventFactory events, OutboxRelay relay, Parties parties,
            EnquiryInserts inserts, Clock clock) {
        this.mongo = mongo;
        this.router = router;
        this.leadProperties = leadProperties;
        this.properties = properties;
        this.events = events;
        this.relay = relay;
        this.parties = parties;
        this.inserts = inserts;
        this.clock = clock;
    }

    @PostConstruct
    void registerWithRelay() {
        relay.register(Enquiry.COLLECTION);
    }

    public Mono<IntakeResult> accept(EnquiryDraft draft, String idempotencyKey, Announcement announcement) {
        Instant now = clock.instant();
        String emailSha256 = Fingerprints.emailSha256(draft.contact().email());
        String organisationKey = draft.organisation() == null ? null
                : Fingerprints.organisationKey(draft.organisation().name());
        String scopedKey = idempotencyKey == null ? null : draft.kind() + ":" + idempotencyKey;
        return parties.recent(emailSha256, organisationKey)
                .map(earlier -> build(draft, now, scopedKey, emailSha256, organisationKey, earlier, announcement))
                .flatMap(enquiry -> inserts.insert(enquiry)
                        .flatMap(stored -> parties.remember(stored).thenReturn(stored))
                        .doOnNext(stored -> {
                            if (!stored.pendingEvents().isEmpty()) {
                                relay.relayNow(Enquiry.COLLECTION, stored.id(), stored.pendingEvents(),
                                        stored.outbox());
                            }
                        })
                        .map(IntakeResult::of)
                        .onErrorResume(DuplicateKeyException.class, e -> firstAnswer(scopedKey, e)));
    }

    private Mono<IntakeResult> firstAnswer(String scopedKey, DuplicateKeyException e) {
        if (scopedKey == null) {
            return Mono.error(e);
        }
        return mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(scopedKey)), Enquiry.class)
                .map(IntakeResult::of)
                .switchIfEmpty(Mono.error(e));
    }

    private Enquiry build(EnquiryDraft draft, Instant now, String scopedKey, String emailSha256,
            String organisationKey, List<EarlierEnquiry> earlier, Announcement announcement) {
        String id = TimeOrderedIds.next();
        Instant windowStart = now.minus(properties.intake().duplicateWindow());
        String duplicateOf = earlier.stream()
                .filter(e -> emailSha256.equals(e.emailSha256()) && draft.subject().equals(e.subject())
                        && e.receivedAt().isAfter(windowStart))
                .findFirst()
                .map(e -> e.duplicateOf() != null ? e.duplicateOf() : e.id())
                .orElse(null);
        Lead lead = duplicateOf != null ? null : newLead(draft, now, earlier);
        Enquiry enquiry = new Enquiry(id, draft.kind(), scopedKey, now, draft.contact(), draft.organisation(),
                draft.programme(), draft.teamSize(), draft.deliveryMode(), draft.location(), draft.preferredDates(),
                draft.budget(), draft.plan(), draft.message(), draft.consent(), emailSha256, organisationKey,
                draft.subject(), draft.summary(), duplicateOf, lead, false, List.of(), OutboxLease.free());
        if (lead == null) {
            return enquiry;
        }
        Links links = links(id, lead.leadId());
        PendingEvent event = events.create(announcement.type(), id, now, announcement.payload().apply(enquiry, links));
        return enquiry.withEvents(List.of(event), relay.leaseForNewDocument());
    }

    private Lead newLead(EnquiryDraft draft, Instant now, List<EarlierEnquiry> earlier) {
        Routing routing = router.route(draft.kind(),
                draft.organisation() == null ? null : draft.organisation().country(),
                draft.programme() == null ? null : draft.programme().slug(), draft.teamSize());
        Instant respondBy = WorkingDays.add(now, leadProperties.respondWithinWorkingDays(),
                leadProperties.businessTimeZone());
        List<RelatedEnquiry> related = earlier.stream()
                .filter(e -> e.duplicateOf() == null)
                .map(e -> new RelatedEnquiry(e.id(), e.kind(), e.receivedAt(),
                        e.organisation() == null ? null : e.organisation().name(), e.summary()))
                .toList();
        return Lead.received(TimeOrderedIds.next(), routing.team(), routing.reason(), respondBy, related, now);
    }

    /** The website's pages for the requester's status and for sales' view of the lead, never the API. */
    public Links links(String enquiryId, String leadId) {
        return new Links(properties.websiteLink("/enquiries/", enquiryId),
                properties.websiteLink("/staff/leads/", leadId));
    }
}
