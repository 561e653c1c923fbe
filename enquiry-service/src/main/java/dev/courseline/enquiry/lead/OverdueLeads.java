package dev.courseline.enquiry.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.IntakeService;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxRelay;

/**
 * Escalates leads nobody answered in time: once per lead, a {@code lead-overdue} event. The update that records the
 * escalation is conditional on it not having happened, so two instances (or two runs) never escalate twice. The
 * check reads new leads past their deadline through {@code lead_inbox_respond_by} (status, then respond-by).
 */
@Component
public class OverdueLeads {

    private static final Logger log = LoggerFactory.getLogger(OverdueLeads.class);
    private static final String LEAD = Lead.FIELD + ".";

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final IntakeService intake;
    private final Clock clock;

    public OverdueLeads(ReactiveMongoTemplate mongo, EventFactory events, OutboxRelay relay, IntakeService intake,
            Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${enquiry.leads.overdue-check-interval}")
    public void escalateOverdue() {
        Long escalated = escalate(clock.instant()).count().block();
        if (escalated != null && escalated > 0) {
            log.info("Escalated {} overdue lead(s)", escalated);
        }
    }

    /** Escalates every NEW lead past its deadline that was not escalated yet; emits the escalated lead ids. */
    public Flux<String> escalate() {
        return escalate(clock.instant());
    }

    private Flux<String> escalate(Instant now) {
        Query overdue = Query.query(awaitingAnswer().and(LEAD + "respondBy").lt(now));
        return mongo.find(overdue, Enquiry.class).concatMap(enquiry -> escalate(enquiry, now));
    }

    private static Criteria awaitingAnswer() {
        return Criteria.where(LEAD + "status").is(LeadStatus.NEW).and(LEAD + "overdueNotifiedAt").exists(false);
    }

    private Mono<String> escalate(Enquiry enquiry, Instant now) {
        Lead lead = enquiry.lead();
        var payload = new LeadEvents.LeadOverdue(lead.leadId(), enquiry.id(), enquiry.kind(),
                LeadDesk.organisationName(enquiry), enquiry.contact().name(), lead.team(), lead.respondBy(),
                intake.links(enquiry.id(), lead.leadId()), now);
        Query notYet = Query.query(Criteria.where("_id").is(enquiry.id()).and(LEAD + "overdueNotifiedAt").exists(false)
                .and(LEAD + "status").is(LeadStatus.NEW));
        Update update = OutboxRelay.pushEvents(new Update().set(LEAD + "overdueNotifiedAt", now),
                List.of(events.create(LeadEvents.OVERDUE, lead.leadId(), now, payload)));
        return mongo.updateFirst(notYet, update, Enquiry.class)
                .filter(result -> result.getModifiedCount() == 1)
                .doOnNext(result -> relay.signal(Enquiry.COLLECTION, enquiry.id()))
                .map(result -> lead.leadId());
    }
}
