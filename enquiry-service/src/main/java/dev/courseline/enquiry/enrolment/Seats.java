package dev.courseline.enquiry.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import dev.courseline.enquiry.abuse.AbuseProperties;
import dev.courseline.enquiry.catalogue.RunCatalogueListener;
import dev.courseline.enquiry.catalogue.RunPayload;
import dev.courseline.enquiry.config.EnquiryProperties;
import dev.courseline.enquiry.intake.Consent;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.web.NotFoundException;

/**
 * Seats, waitlists and cancellations of runs, and the catalogue's changes to runs: each request is decided by the
 * {@link SeatRules} on the run's state and written by the {@link RunSeatsWriter}, with the events it causes.
 */
@Service
public class Seats implements RunCatalogueListener {

    private final ReactiveMongoTemplate mongo;
    private final RunSeatsWriter writer;
    private final SeatRules rules;
    private final EventFactory events;
    private final CancelTokens tokens;
    private final EnquiryProperties properties;
    private final Clock clock;

    Seats(ReactiveMongoTemplate mongo, RunSeatsWriter writer, EventFactory events, CancelTokens tokens,
            EnquiryProperties properties, AbuseProperties abuse, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.rules = new SeatRules(abuse.enrolments().waitlistCap());
        this.events = events;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes a seat if one is left, else joins the waitlist unless it is full ({@code 409 "Waitlist full"}).
     * {@code id}: the new enrolment's id, chosen by the caller (its Idempotency-Key claim names it).
     */
    public Mono<Enrolled> enrol(String runId, Learner learner, String organisation, String purchaseOrder,
            Consent consent, String id) {
        Applicant applicant = new Applicant(id, learner, Fingerprints.emailSha256(learner.email()), organisation,
                purchaseOrder, consent, CancelTokens.hash(tokens.tokenFor(id)));
        return writer.change(runId, state -> {
            Instant now = clock.instant();
            SeatDecision decision = rules.enrol(state, applicant, now);
            Enrolment enrolment = decision.appended();
            return Change.of(decision, eventsOf(decision, now), new Enrolled(id, enrolment.status(),
                    decision.notices().get(0).waitlistPosition(), state.run(), statusLink(id)));
        });
    }

    /** Where an enrolment stands, without personal data or the secret link. */
    public Mono<Enrolled> status(String enrolmentId) {
        return findRunOf(enrolmentId)
                .flatMap(run -> Mono.justOrEmpty(run.enrolments().stream()
                        .filter(e -> e.enrolmentId().equals(enrolmentId)).findFirst()
                        .map(e -> answer(run, e))))
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No enrolment " + enrolmentId)));
    }

    private Enrolled answer(RunSeats run, Enrolment enrolment) {
        Integer position = null;
        if (enrolment.status() == EnrolmentStatus.WAITLISTED) {
            int ahead = 0;
            for (Enrolment e : run.enrolments()) {
                if (e == enrolment) {
                    break;
                }
                if (e.status() == EnrolmentStatus.WAITLISTED) {
                    ahead++;
                }
            }
            position = ahead + 1;
        }
        String id = enrolment.enrolmentId();
        return new Enrolled(id, enrolment.status(), position, run.run(), statusLink(id));
    }

    String statusLink(String enrolmentId) {
        return properties.apiLink("/api/enrolments/", enrolmentId);
    }

    /** Cancels through the learner's own link; a freed seat goes to the head of the waitlist in the same write. */
    public Mono<Enrolled> cancel(String enrolmentId, String token) {
        return findRunOf(enrolmentId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No enrolment for this link.")))
                .flatMap(found -> writer.change(found.id(), state -> {
                    Instant now = clock.instant();
                    SeatDecision decision = rules.cancel(state, enrolmentId, token, now);
                    return Change.of(decision, eventsOf(decision, now), new Enrolled(enrolmentId,
                            EnrolmentStatus.CANCELLED, null, state.run(), statusLink(enrolmentId)));
                }));
    }

    private Mono<RunSeats> findRunOf(String enrolmentId) {
        return mongo.findOne(Query.query(Criteria.where("enrolments.enrolmentId").is(enrolmentId)), RunSeats.class);
    }

    /** Replaces the learner's personal data on every run they enrolled on; returns how many enrolments. */
    public Mono<Integer> erase(String emailSha256) {
        Predicate<Enrolment> theirs = enrolment -> emailSha256.equals(enrolment.emailSha256());
        return mongo.find(Query.query(Criteria.where("enrolments.emailSha256").is(emailSha256)), RunSeats.class)
                .concatMap(run -> eraseIn(run, theirs).flatMap(erased -> dropUnsentEvents(run, theirs)
                        .thenReturn(erased)))
                .reduce(0, Integer::sum);
    }

    /** Retention: anonymises every enrolment of the runs that ended before {@code cutOff}; returns how many. */
    public Mono<Integer> anonymiseRunsEndedBefore(Instant cutOff) {
        Predicate<Enrolment> kept = enrolment -> enrolment.emailSha256() != null;
        return mongo.find(Query.query(Criteria.where("run.endUtc").lt(cutOff)), RunSeats.class)
                .filter(run -> run.enrolments().stream().anyMatch(kept))
                .concatMap(run -> eraseIn(run, kept).flatMap(erased -> dropUnsentEvents(run, kept).thenReturn(erased)))
                .reduce(0, Integer::sum);
    }

    private Mono<Integer> eraseIn(RunSeats run, Predicate<Enrolment> which) {
        return writer.change(run.id(), state -> Change.of(rules.erase(state, which), List.of(),
                (int) state.enrolments().stream().filter(which).count()));
    }

    /**
     * The events of the person's enrolments not sent yet (keyed by enrolment id) carry their name and email as sent
     * text: they are pulled from the run's document, as the relay pulls what it sent.
     */
    private Mono<Void> dropUnsentEvents(RunSeats run, Predicate<Enrolment> which) {
        List<String> enrolmentIds = run.enrolments().stream()
                .filter(which)
                .map(Enrolment::enrolmentId).toList();
        return mongo.updateFirst(Query.query(Criteria.where("_id").is(run.id())),
                new Update().pull(OutboxRelay.PENDING_EVENTS,
                        new org.bson.Document("key", new org.bson.Document("$in", enrolmentIds))),
                RunSeats.class).then();
    }

    /** Applies a run event of the catalogue: new runs, capacity changes, reschedules and cancellations. */
    @Override
    public void apply(RunPayload run) {
        writer.change(run.id(), state -> {
            Instant now = clock.instant();
            SeatDecision decision = rules.applyRun(state, run, now);
            return Change.of(decision, eventsOf(decision, now), !decision.changesNothing());
        }).block();
    }

    private List<PendingEvent> eventsOf(SeatDecision decision, Instant now) {
        return decision.notices().stream().map(notice -> event(decision.after().run(), notice, now)).toList();
    }

    private PendingEvent event(RunDetails run, SeatDecision.Notice notice, Instant now) {
        Enrolment enrolment = notice.enrolment();
        EnrolmentEvent payload = new EnrolmentEvent(enrolment.enrolmentId(), enrolment.learner(),
                enrolment.organisation(), run, enrolment.status(), notice.waitlistPosition(), notice.reason(),
                new EnrolmentEvent.CancelLink(learnerPageLink(enrolment.enrolmentId(),
                        tokens.tokenFor(enrolment.enrolmentId()))),
                now);
        return events.create(notice.type(), enrolment.enrolmentId(), now, payload);
    }

    /** The learner's "My enrolment" page on the website, with its cancel button: what emails link to. */
    String learnerPageLink(String enrolmentId, String token) {
        return properties.websiteLink("/enrolments/", enrolmentId, "?token=", token);
    }
}
