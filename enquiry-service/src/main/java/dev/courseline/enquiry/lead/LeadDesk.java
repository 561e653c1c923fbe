package dev.courseline.enquiry.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.IntakeService;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.web.ConflictException;
import dev.courseline.enquiry.web.InvalidRequestException;
import dev.courseline.enquiry.web.NotFoundException;

/**
 * What sales staff do with leads. Each change is one update conditional on the lead still being as it was read, and
 * carries its event and its entry in the lead's history in the same write.
 */
@Service
public class LeadDesk {

    private static final String LEAD = Lead.FIELD + ".";
    private static final String HISTORY = LEAD + "history";

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final IntakeService intake;
    private final LeadProperties properties;
    private final Clock clock;

    public LeadDesk(ReactiveMongoTemplate mongo, EventFactory events, OutboxRelay relay, IntakeService intake,
            LeadProperties properties, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
    }

    public Mono<LeadView> get(String leadId) {
        return find(leadId).map(e -> LeadView.withHistory(e, clock.instant()));
    }

    /** {@code basedOn}: the version the change was made on, or null to change whatever the lead is now. */
    public Mono<LeadView> changeStatus(String leadId, LeadStatus target, String note, String by, Instant basedOn) {
        return find(leadId, basedOn).flatMap(enquiry -> {
            LeadStatus from = enquiry.lead().status();
            if (!from.canMoveTo(target)) {
                return Mono.error(new ConflictException("A " + from + " lead cannot become " + target + "."));
            }
            Instant now = clock.instant();
            PendingEvent event = events.create(LeadEvents.STATUS_CHANGED, leadId, now,
                    new LeadEvents.LeadStatusChanged(leadId, enquiry.id(), from, target, by, now));
            Update update = OutboxRelay.pushEvents(new Update().set(LEAD + "status", target)
                    .set(LEAD + "updatedAt", now)
                    .push(HISTORY, LeadChange.status(now, by, from, target, blankAsNull(note))), List.of(event));
            if (target.isClosed()) {
                update.set(LEAD + "closedAt", now);
            }
            return apply(enquiry, Criteria.where(LEAD + "status").is(from), update);
        });
    }

    public Mono<LeadView> reassign(String leadId, String team, String reason, String by, Instant basedOn) {
        if (!teams().contains(team)) {
            return Mono.error(InvalidRequestException.of("team", "must be one of " + teams()));
        }
        return find(leadId, basedOn).flatMap(enquiry -> {
            Lead lead = enquiry.lead();
            if (team.equals(lead.team())) {
                return Mono.error(new ConflictException("The lead is already with team " + team + "."));
            }
            Instant now = clock.instant();
            String routingReason = "reassigned by " + by + ": " + reason;
            PendingEvent event = events.create(LeadEvents.ASSIGNED, leadId, now,
                    new LeadEvents.LeadAssigned(leadId, enquiry.id(), enquiry.kind(), organisationName(enquiry),
                            enquiry.contact().name(), team, lead.team(), routingReason, lead.respondBy(), by,
                            intake.links(enquiry.id(), leadId), now));
            Update update = OutboxRelay.pushEvents(new Update().set(LEAD + "team", team)
                    .set(LEAD + "routingReason", routingReason).set(LEAD + "updatedAt", now)
                    .push(HISTORY, LeadChange.team(now, by, lead.team(), team, reason)), List.of(event));
            return apply(enquiry, Criteria.where(LEAD + "team").is(lead.team()), update);
        });
    }

    /** The teams leads can be routed to: those of the rules, and the default team. */
    public Set<String> teams() {
        Set<String> teams = new LinkedHashSet<>();
        properties.rules().forEach(rule -> teams.add(rule.team()));
        teams.add(properties.defaultTeam());
        return teams;
    }

    private static String blankAsNull(String note) {
        return note == null || note.isBlank() ? null : note.strip();
    }

    static String organisationName(Enquiry enquiry) {
        return enquiry.organisation() == null ? null : enquiry.organisation().name();
    }

    private Mono<LeadView> apply(Enquiry enquiry, Criteria unchanged, Update update) {
        Query query = Query.query(Criteria.where("_id").is(enquiry.id())).addCriteria(unchanged)
                .addCriteria(Criteria.where(LEAD + "updatedAt").is(enquiry.lead().updatedAt()));
        return mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true), Enquiry.class)
                .switchIfEmpty(Mono.error(() -> new ConflictException(
                        "The lead was changed by someone else meanwhile; reload it and try again.")))
                .doOnNext(changed -> relay.signal(Enquiry.COLLECTION, changed.id()))
                .map(changed -> LeadView.withHistory(changed, clock.instant()));
    }

    private Mono<Enquiry> find(String leadId, Instant basedOn) {
        return find(leadId).flatMap(enquiry -> basedOn == null || basedOn.equals(enquiry.lead().updatedAt())
                ? Mono.just(enquiry)
                : Mono.error(LeadVersion.changedMeanwhile()));
    }

    private Mono<Enquiry> find(String leadId) {
        return mongo.findOne(Query.query(Criteria.where(LEAD + "leadId").is(leadId)), Enquiry.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No lead " + leadId)));
    }
}
