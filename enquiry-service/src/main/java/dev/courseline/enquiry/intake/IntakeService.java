package dev.courseline.enquiry.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Service;

import jakarta.annotation.PostConstruct;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.AbuseGuard;
import dev.courseline.enquiry.abuse.ClientSignals;
import dev.courseline.enquiry.abuse.Screening;
import dev.courseline.enquiry.config.EnquiryProperties;
import dev.courseline.enquiry.idempotency.IdempotencyKeys;
import dev.courseline.enquiry.lead.Lead;
import dev.courseline.enquiry.lead.LeadProperties;
import dev.courseline.enquiry.lead.LeadRouter;
import dev.courseline.enquiry.lead.RelatedEnquiry;
import dev.courseline.enquiry.lead.Routing;
import dev.courseline.enquiry.lead.SearchTerms;
import dev.courseline.enquiry.lead.WorkingDays;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.quarantine.Quarantine;
import dev.courseline.enquiry.store.TimeOrderedIds;

/**
 * Stores a quote or membership request with its lead and its event in one insert, then hands the event to the relay.
 *
 * <p>With an {@code Idempotency-Key}, its claim decides ({@link IdempotencyKeys}): whoever claims it first stores,
 * every repeat (even a concurrent one) gets the first answer and stores nothing. Without one, a repeat from the same email for the same
 * thing within the duplicate window is stored, linked to the first, and gets no lead or event of its own, so sales
 * is not told twice about one double click.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final ReactiveMongoTemplate mongo;
    private final LeadRouter router;
    private final LeadProperties leadProperties;
    private final EnquiryProperties properties;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Parties parties;
    private final EnquiryInserts inserts;
    private final AbuseGuard guard;
    private final IdempotencyKeys keys;
    private final Clock clock;

    public IntakeService(ReactiveMongoTemplate mongo, LeadRouter router, LeadProperties leadProperties,
            EnquiryProperties properties, EventFactory events, OutboxRelay relay, Parties parties,
            EnquiryInserts inserts, AbuseGuard guard, IdempotencyKeys keys, Clock clock) {
        this.mongo = mongo;
        this.router = router;
        this.leadProperties = leadProperties;
        this.properties = properties;
        this.events = events;
        this.relay = relay;
        this.parties = parties;
        this.inserts = inserts;
        this.guard = guard;
        this.keys = keys;
        this.clock = clock;
    }

    @PostConstruct
    void registerWithRelay() {
        relay.register(Enquiry.COLLECTION);
    }

    /**
     * Counts the request against the limits ({@link AbuseGuard}), claims its Idempotency-Key (a repeat gets the
     * first request's enquiry), then stores it; a suspect one is stored in quarantine, without its lead and events.
     * {@code request}: the request as sent, whose hash an Idempotency-Key is stored with.
     */
    public Mono<IntakeResult> accept(EnquiryDraft draft, String idempotencyKey, Announcement announcement,
            ClientSignals signals, Object request) {
        String organisationKey = draft.organisation() == null
                ? null
                : Fingerprints.organisationKey(draft.organisation().name());
        String id = TimeOrderedIds.next();
        return guard.screen(signals, draft.contact().email(), organisationKey)
                .flatMap(screening -> keys.claim(draft.kind() + " " + signals.address(), idempotencyKey, request, id)
                        .flatMap(claim -> keys.firstOrRepeat(claim,
                                () -> store(id, draft, organisationKey, announcement, screening),
                                () -> mongo.findById(claim.resourceId(), Enquiry.class).map(IntakeResult::of))));
    }

    private Mono<IntakeResult> store(String id, EnquiryDraft draft, String organisationKey,
            Announcement announcement, Screening screening) {
        Instant now = clock.instant();
        String emailSha256 = Fingerprints.emailSha256(draft.contact().email());
        return parties.recent(emailSha256, organisationKey)
                .map(earlier -> build(id, draft, now, emailSha256, organisationKey, earlier, announcement))
                .flatMap(enquiry -> {
                    if (screening.suspect() && enquiry.lead() != null) {
                        return quarantined(enquiry, screening, now);
                    }
                    return inserts.insert(enquiry)
                            .flatMap(stored -> parties.remember(stored).thenReturn(stored))
                            .doOnNext(stored -> {
                                if (!stored.pendingEvents().isEmpty()) {
                                    relay.relayNow(Enquiry.COLLECTION, stored.id(), stored.pendingEvents(),
                                            stored.outbox());
                                }
                            })
                            .map(IntakeResult::of);
                });
    }

    /**
     * Stores a suspect enquiry with its lead and events held in its {@link Quarantine}, so nothing is sent until a
     * person releases it; it is not remembered among the party's recent enquiries, so a real follow-up is not taken
     * for a duplicate of it. The answer is the one any new enquiry gets.
     */
    private Mono<IntakeResult> quarantined(Enquiry enquiry, Screening screening, Instant now) {
        Quarantine quarantine = Quarantine.suspect(screening.reasons(), now, enquiry.lead(), enquiry.pendingEvents());
        Enquiry held = new Enquiry(enquiry.id(), enquiry.kind(), null, enquiry.receivedAt(), enquiry.contact(),
                enquiry.organisation(), enquiry.programme(), enquiry.teamSize(), enquiry.deliveryMode(),
                enquiry.location(), enquiry.preferredDates(), enquiry.budget(), enquiry.plan(), enquiry.message(),
                enquiry.consent(), enquiry.emailSha256(), enquiry.organisationKey(), enquiry.subject(),
                enquiry.summary(), null, null, false, List.of(), OutboxLease.free(), null);
        log.info("Enquiry {} quarantined: {}", enquiry.id(), screening.reasons());
        return inserts.insert(held, Quarantine.FIELD, quarantine)
                .map(stored -> IntakeResult.heldInQuarantine(stored, screening.reasons()));
    }

    private Enquiry build(String id, EnquiryDraft draft, Instant now, String emailSha256,
            String organisationKey, List<EarlierEnquiry> earlier, Announcement announcement) {
        Instant windowStart = now.minus(properties.intake().duplicateWindow());
        String duplicateOf = earlier.stream()
                .filter(e -> emailSha256.equals(e.emailSha256()) && draft.subject().equals(e.subject())
                        && e.receivedAt().isAfter(windowStart))
                .findFirst()
                .map(e -> e.duplicateOf() != null ? e.duplicateOf() : e.id())
                .orElse(null);
        Lead lead = duplicateOf != null ? null : newLead(draft, now, earlier);
        // Idempotency-Keys live in their own collection (IdempotencyKeys), scoped and expiring; none is kept here.
        Enquiry enquiry = new Enquiry(id, draft.kind(), null, now, draft.contact(), draft.organisation(),
                draft.programme(), draft.teamSize(), draft.deliveryMode(), draft.location(), draft.preferredDates(),
                draft.budget(), draft.plan(), draft.message(), draft.consent(), emailSha256, organisationKey,
                draft.subject(), draft.summary(), duplicateOf, lead, false, List.of(), OutboxLease.free(),
                lead == null ? null : SearchTerms.of(draft.organisation(), draft.contact()));
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
