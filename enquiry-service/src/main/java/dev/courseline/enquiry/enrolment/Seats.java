package dev.courseline.enquiry.enrolment;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Predicate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.courseline.enquiry.abuse.AbuseProperties;
import dev.courseline.enquiry.catalogue.RunCatalogueListener;
import dev.courseline.enquiry.catalogue.RunPayload;
import dev.courseline.enquiry.config.EnquiryProperties;
import dev.courseline.enquiry.intake.Consent;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.store.RetiredIndexes;
import dev.courseline.enquiry.web.BusyException;
import dev.courseline.enquiry.web.ConflictException;
import dev.courseline.enquiry.web.InvalidRequestException;
import dev.courseline.enquiry.web.NotFoundException;
import dev.courseline.enquiry.web.TitledProblem;
import jakarta.annotation.PostConstruct;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Seats, waitlists and cancellations of runs, and the catalogue's changes to runs.
 *
 * <p>Each change reads the run's document (from memory when this instance wrote it last), decides in plain Java, and
 * writes the result with one update conditional on the revision it read; if another instance got there first, it
 * reads again and decides again. Within this instance the changes to one run are queued and written in batches, so
 * simultaneous enrolments neither retry against each other nor pay one write each.
 */
@Service
public class Seats implements RunCatalogueListener {

    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_BATCH = 1000;

    private final ReactiveMongoTemplate mongo;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final CancelTokens tokens;
    private final EnquiryProperties properties;
    private final int waitlistCap;
    private final Clock clock;
    private final Map<String, RunSeats> lastWritten = new ConcurrentHashMap<>();
    private final Map<String, RunQueue> queues = new ConcurrentHashMap<>();

    public Seats(ReactiveMongoTemplate mongo, EventFactory events, OutboxRelay relay,
            CancelTokens tokens, EnquiryProperties properties, AbuseProperties abuse, Clock clock) {
        this.waitlistCap = abuse.enrolments().waitlistCap();
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    @PostConstruct
    void registerWithRelay() {
        relay.register(RunSeats.COLLECTION);
    }

    /** Earlier versions kept a unique (id, revision) index for the local stack's store, which now plans by id. */
    @PostConstruct
    void dropRetiredIndexes() {
        RetiredIndexes.drop(mongo, RunSeats.COLLECTION, List.of("revision")).subscribe();
    }

    /**
     * Takes a seat if one is left, else joins the waitlist unless it already holds {@code waitlistCap} places
     * ({@code 409 "Waitlist full"}). {@code id}: the new enrolment's id, chosen by the caller (its Idempotency-Key
     * claim names it).
     */
    public Mono<Enrolled> enrol(String runId, Learner learner, String organisation, String purchaseOrder,
            Consent consent, String id) {
        return change(runId, state -> {
            if (state == null) {
                throw InvalidRequestException.of("runId", "is not a run we know");
            }
            Instant now = clock.instant();
            if (!state.takesEnrolments(now)) {
                throw InvalidRequestException.of("runId", "is not open for enrolment");
            }
            String emailSha256 = Fingerprints.emailSha256(learner.email());
            if (state.enrolments().stream().anyMatch(e -> e.status().isActive()
                    && emailSha256.equals(e.emailSha256()))) {
                throw new ConflictException("This email is already enrolled on this run.");
            }
            String token = tokens.tokenFor(id);
            boolean seat = state.seatsLeft() > 0;
            if (!seat && state.waiting() >= waitlistCap) {
                throw new TitledProblem(HttpStatus.CONFLICT, "Waitlist full",
                        "This date is fully booked and its waitlist is full. Please choose another date.");
            }
            EnrolmentStatus status = seat ? EnrolmentStatus.CONFIRMED : EnrolmentStatus.WAITLISTED;
            Integer position = seat ? null : (int) state.waiting() + 1;
            Enrolment enrolment = new Enrolment(id, learner, emailSha256, organisation, purchaseOrder, consent,
                    status, CancelTokens.hash(token), now, now, null, null);
            List<Enrolment> all = new ArrayList<>(state.enrolments());
            all.add(enrolment);
            RunSeats after = with(state, state.run(), state.status(), state.maxCapacity(),
                    state.seatsLeft() - (seat ? 1 : 0), all);
            PendingEvent event = event(seat ? EnrolmentEvent.CONFIRMED : EnrolmentEvent.WAITLISTED, state.run(),
                    enrolment, position, null, now);
            return new Change<>(after, enrolment, List.of(event),
                    new Enrolled(id, status, position, state.run(), statusLink(id)));
        });
    }

    /** Where an enrolment stands, without personal data or the secret link. */
    public Mono<Enrolled> status(String enrolmentId) {
        return mongo.findOne(Query.query(Criteria.where("enrolments.enrolmentId").is(enrolmentId)), RunSeats.class)
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
        return mongo.findOne(Query.query(Criteria.where("enrolments.enrolmentId").is(enrolmentId)), RunSeats.class)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No enrolment for this link.")))
                .flatMap(found -> change(found.id(), state -> cancelDecision(state, enrolmentId, token)));
    }

    private Change<Enrolled> cancelDecision(RunSeats state, String enrolmentId, String token) {
        Enrolment target = state.enrolments().stream().filter(e -> e.enrolmentId().equals(enrolmentId))
                .findFirst().orElse(null);
        if (target == null || !CancelTokens.matches(token, target.cancelTokenSha256())) {
            throw new NotFoundException("No enrolment for this link.");
        }
        Enrolled answer = new Enrolled(enrolmentId, EnrolmentStatus.CANCELLED, null, state.run(),
                statusLink(enrolmentId));
        if (!target.status().isActive()) {
            return Change.none(answer);
        }
        Instant now = clock.instant();
        List<PendingEvent> caused = new ArrayList<>();
        List<Enrolment> all = new ArrayList<>();
        for (Enrolment e : state.enrolments()) {
            if (e == target) {
                Enrolment cancelled = e.with(EnrolmentStatus.CANCELLED, "LEARNER_CANCELLED", now);
                all.add(cancelled);
                caused.add(event(EnrolmentEvent.CANCELLED, state.run(), cancelled, null, "LEARNER_CANCELLED", now));
            } else {
                all.add(e);
            }
        }
        int seatsLeft = state.seatsLeft() + (target.status() == EnrolmentStatus.CONFIRMED ? 1 : 0);
        seatsLeft = promote(state.run(), all, seatsLeft, caused, now);
        return new Change<>(with(state, state.run(), state.status(), state.maxCapacity(), seatsLeft, all), null,
                caused, answer);
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

    private Mono<Integer> eraseIn(RunSeats run, Predicate<Enrolment> which) {
        return change(run.id(), state -> {
                    List<Enrolment> all = new ArrayList<>(state.enrolments());
                    int erased = 0;
                    for (int i = 0; i < all.size(); i++) {
                        if (which.test(all.get(i))) {
                            all.set(i, all.get(i).erased());
                            erased++;
                        }
                    }
                    return erased == 0 ? Change.none(0) : new Change<>(with(state, state.run(), state.status(),
                            state.maxCapacity(), state.seatsLeft(), all), null, List.of(), erased);
                });
    }

    /** Applies a run event of the catalogue: new runs, capacity changes, reschedules and cancellations. */
    @Override
    public void apply(RunPayload run) {
        change(run.id(), state -> catalogueDecision(state, run)).block();
    }

    private Change<Boolean> catalogueDecision(RunSeats state, RunPayload run) {
        RunDetails details = RunDetails.of(run);
        if (state == null) {
            return new Change<>(new RunSeats(run.id(), details, run.status(), run.maxCapacity(),
                    Math.max(run.maxCapacity(), 0), List.of(), -1, List.of(), OutboxLease.free()), null, List.of(),
                    true);
        }
        if (run.version() <= state.run().version()) {
            return Change.none(false);
        }
        Instant now = clock.instant();
        List<PendingEvent> caused = new ArrayList<>();
        List<Enrolment> all = new ArrayList<>(state.enrolments());
        int seatsLeft;
        if ("CANCELLED".equals(run.status())) {
            for (int i = 0; i < all.size(); i++) {
                Enrolment e = all.get(i);
                if (e.status().isActive()) {
                    Enrolment cancelled = e.with(EnrolmentStatus.CANCELLED, "RUN_CANCELLED", now);
                    all.set(i, cancelled);
                    caused.add(event(EnrolmentEvent.CANCELLED, details, cancelled, null, "RUN_CANCELLED", now));
                }
            }
            seatsLeft = 0;
        } else {
            long confirmed = all.stream().filter(e -> e.status() == EnrolmentStatus.CONFIRMED).count();
            seatsLeft = (int) Math.max(0, run.maxCapacity() - confirmed);
            seatsLeft = promote(details, all, seatsLeft, caused, now);
            if (details.isRescheduledFrom(state.run())) {
                int position = 0;
                for (Enrolment e : all) {
                    if (e.status() == EnrolmentStatus.WAITLISTED) {
                        position++;
                    }
                    if (e.status().isActive() && caused.stream().noneMatch(c -> c.key().equals(e.enrolmentId()))) {
                        Integer shown = e.status() == EnrolmentStatus.WAITLISTED ? position : null;
                        caused.add(event(EnrolmentEvent.RESCHEDULED, details, e, shown, null, now));
                    }
                }
            }
        }
        return new Change<>(with(state, details, run.status(), run.maxCapacity(), seatsLeft, all), null, caused,
                true);
    }

    /** Gives free seats to the waitlist, first come first served; returns the seats still left. */
    private int promote(RunDetails run, List<Enrolment> all, int seatsLeft, List<PendingEvent> caused, Instant now) {
        for (int i = 0; i < all.size() && seatsLeft > 0; i++) {
            Enrolment e = all.get(i);
            if (e.status() == EnrolmentStatus.WAITLISTED) {
                Enrolment promoted = e.with(EnrolmentStatus.CONFIRMED, null, now);
                all.set(i, promoted);
                seatsLeft--;
                caused.add(event(EnrolmentEvent.PROMOTED, run, promoted, null, null, now));
            }
        }
        return seatsLeft;
    }

    private PendingEvent event(String type, RunDetails run, Enrolment enrolment, Integer position, String reason,
            Instant now) {
        EnrolmentEvent payload = new EnrolmentEvent(enrolment.enrolmentId(), enrolment.learner(),
                enrolment.organisation(), run, enrolment.status(), position, reason,
                new EnrolmentEvent.CancelLink(learnerPageLink(enrolment.enrolmentId(),
                        tokens.tokenFor(enrolment.enrolmentId()))), now);
        return events.create(type, enrolment.enrolmentId(), now, payload);
    }

    /** The learner's "My enrolment" page on the website, with its cancel button: what emails link to. */
    String learnerPageLink(String enrolmentId, String token) {
        return properties.websiteLink("/enrolments/", enrolmentId, "?token=", token);
    }

    private static RunSeats with(RunSeats state, RunDetails run, String status, int maxCapacity, int seatsLeft,
            List<Enrolment> enrolments) {
        return new RunSeats(state.id(), run, status, maxCapacity, seatsLeft, List.copyOf(enrolments),
                state.revision() + 1, List.of(), state.outbox());
    }

    // --- reading and writing one run's document -------------------------------------------------------------

    /**
     * Queues a decision on the run and returns its outcome. The queue of a run is drained by one writer at a time:
     * every decision waiting when it starts is taken in arrival order and the batch is written with one update
     * (group commit), so 500 simultaneous enrolments cost a handful of writes, not 500.
     */
    private <T> Mono<T> change(String runId, Function<RunSeats, Change<T>> decide) {
        return Mono.defer(() -> {
            Sinks.One<T> outcome = Sinks.one();
            RunQueue queue = queues.computeIfAbsent(runId, id -> new RunQueue());
            queue.decisions.add(new Decision<>(decide, outcome));
            drain(runId, queue);
            return outcome.asMono();
        });
    }

    private void drain(String runId, RunQueue queue) {
        if (!queue.draining.compareAndSet(false, true)) {
            return;
        }
        List<Decision<?>> batch = new ArrayList<>();
        for (Decision<?> next; batch.size() < MAX_BATCH && (next = queue.decisions.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            // Idle: the next change reads the run again (one read by id), so only runs being enrolled into stay in
            // memory, not every run ever enrolled into with all its enrolments. Safe here: this thread holds the
            // run's drain, and only a drain reads or writes its cached state.
            lastWritten.remove(runId);
            queue.draining.set(false);
            if (!queue.decisions.isEmpty()) {
                drain(runId, queue);
            }
            return;
        }
        applyBatch(runId, batch, 1)
                .onErrorResume(e -> {
                    batch.forEach(decision -> decision.outcome().tryEmitError(e));
                    return Mono.empty();
                })
                .doFinally(signal -> {
                    queue.draining.set(false);
                    drain(runId, queue);
                })
                .subscribe();
    }

    /** Decides every queued change on the state in turn, then writes them all, or decides again on conflict. */
    private Mono<Void> applyBatch(String runId, List<Decision<?>> batch, int attempt) {
        return load(runId)
                .map(java.util.Optional::of)
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(loaded -> {
                    RunSeats before = loaded.orElse(null);
                    RunSeats current = before;
                    List<Enrolment> appended = new ArrayList<>();
                    boolean rewriteList = false;
                    List<PendingEvent> caused = new ArrayList<>();
                    List<Runnable> answers = new ArrayList<>();
                    for (Decision<?> decision : batch) {
                        try {
                            Change<?> change = decision.decide().apply(current);
                            if (!change.changesNothing()) {
                                if (change.appended() != null) {
                                    appended.add(change.appended());
                                } else {
                                    rewriteList = true;
                                }
                                caused.addAll(change.events());
                                current = change.after();
                            }
                            answers.add(() -> decision.answer(change.result()));
                        } catch (RuntimeException refused) {
                            answers.add(() -> decision.outcome().tryEmitError(refused));
                        }
                    }
                    if (current == before) {
                        answers.forEach(Runnable::run);
                        return Mono.<Void>empty();
                    }
                    return write(before, current, rewriteList ? null : appended, caused).flatMap(written -> {
                        if (written) {
                            answers.forEach(Runnable::run);
                            return Mono.<Void>empty();
                        }
                        lastWritten.remove(runId);
                        if (attempt >= MAX_ATTEMPTS) {
                            return Mono.error(new BusyException("Run " + runId + " kept changing"));
                        }
                        return applyBatch(runId, batch, attempt + 1);
                    });
                });
    }

    /** Decisions waiting for the run's writer. */
    private static final class RunQueue {
        final Queue<Decision<?>> decisions = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
    }

    private record Decision<T>(Function<RunSeats, Change<T>> decide, Sinks.One<T> outcome) {

        @SuppressWarnings("unchecked")
        void answer(Object result) {
            if (result == null) {
                outcome.tryEmitEmpty();
            } else {
                outcome.tryEmitValue((T) result);
            }
        }
    }

    private Mono<RunSeats> load(String runId) {
        RunSeats known = lastWritten.get(runId);
        if (known != null) {
            return Mono.just(known);
        }
        return mongo.findById(runId, RunSeats.class).doOnNext(state -> lastWritten.put(runId, state));
    }

    /** {@code appended}: the enrolments added, when nothing else in the list changed; null to rewrite the list. */
    private Mono<Boolean> write(RunSeats before, RunSeats after, List<Enrolment> appended,
            List<PendingEvent> caused) {
        if (before == null) {
            RunSeats fresh = new RunSeats(after.id(), after.run(), after.status(), after.maxCapacity(),
                    after.seatsLeft(), after.enrolments(), 0, caused, OutboxLease.freeFor(caused));
            return mongo.insert(fresh)
                    .map(stored -> remember(fresh, caused))
                    .onErrorResume(DuplicateKeyException.class, e -> Mono.just(false));
        }
        Query sameRevision = Query.query(Criteria.where("_id").is(before.id()).and("revision").is(before.revision()));
        Update update = new Update()
                .set("run", after.run())
                .set("status", after.status())
                .set("maxCapacity", after.maxCapacity())
                .set("seatsLeft", after.seatsLeft())
                .set("revision", after.revision());
        if (appended == null) {
            update.set("enrolments", after.enrolments());
        } else if (!appended.isEmpty()) {
            update.push("enrolments").each(appended.toArray());
        }
        if (!caused.isEmpty()) {
            OutboxRelay.pushEvents(update, caused);
        }
        return mongo.updateFirst(sameRevision, update, RunSeats.class)
                .map(result -> result.getModifiedCount() == 1 && remember(after, caused));
    }

    private boolean remember(RunSeats after, List<PendingEvent> caused) {
        lastWritten.put(after.id(), after);
        if (!caused.isEmpty()) {
            relay.signal(RunSeats.COLLECTION, after.id());
        }
        return true;
    }
}
