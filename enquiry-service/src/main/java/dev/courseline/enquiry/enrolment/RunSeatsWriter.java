package dev.courseline.enquiry.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import jakarta.annotation.PostConstruct;
import reactor.core.publisher.Mono;

import dev.courseline.enquiry.outbox.OutboxLease;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.outbox.PendingEvent;
import dev.courseline.enquiry.store.GroupCommit;
import dev.courseline.enquiry.web.BusyException;

/**
 * Writes seat decisions to the run's document. The decisions on one run are group-committed: all those waiting are
 * decided in arrival order on the state the last one left and written with one update conditional on the revision
 * read, so 500 simultaneous enrolments cost a handful of writes, not 500. If another instance wrote first, the batch
 * is decided again on what it wrote.
 */
@Component
class RunSeatsWriter {

    private static final int MAX_ATTEMPTS = 20;
    private static final int MAX_BATCH = 1000;

    private final ReactiveMongoTemplate mongo;
    private final OutboxRelay relay;
    private final Map<String, GroupCommit<Function<RunSeats, Change<?>>, Object>> writers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final Map<String, RunSeats> lastWritten = new ConcurrentHashMap<>();

    RunSeatsWriter(ReactiveMongoTemplate mongo, OutboxRelay relay) {
        this.mongo = mongo;
        this.relay = relay;
    }

    @PostConstruct
    void registerWithRelay() {
        relay.register(RunSeats.COLLECTION);
    }

    /**
     * Decides on the run's state ({@code null} for a run not stored yet) and writes the outcome; the returned Mono
     * gives the decision's result, or what it threw. A run's state stays in memory only while changes to it are
     * waiting, so idle runs cost no memory and the next change reads the run again (one read by id).
     */
    @SuppressWarnings("unchecked")
    <T> Mono<T> change(String runId, Function<RunSeats, Change<T>> decide) {
        return Mono.defer(() -> {
            AtomicInteger waiting = pending.computeIfAbsent(runId, id -> new AtomicInteger());
            waiting.incrementAndGet();
            Function<RunSeats, Change<?>> job = decide::apply;
            return writers.computeIfAbsent(runId, id -> new GroupCommit<>(MAX_BATCH, batch -> write(id, batch, 1)))
                    .submit(job)
                    .map(result -> (T) result)
                    .doFinally(signal -> {
                        if (waiting.decrementAndGet() == 0) {
                            lastWritten.remove(runId);
                        }
                    });
        });
    }

    /** Decides every queued change on the state in turn, then writes them all, or decides again on conflict. */
    private Mono<Void> write(String runId, List<GroupCommit.Job<Function<RunSeats, Change<?>>, Object>> batch,
            int attempt) {
        return load(runId).map(Optional::of).defaultIfEmpty(Optional.empty()).flatMap(loaded -> {
            RunSeats before = loaded.orElse(null);
            RunSeats current = before;
            List<Enrolment> appended = new ArrayList<>();
            boolean rewriteList = false;
            List<PendingEvent> caused = new ArrayList<>();
            List<Runnable> answers = new ArrayList<>();
            for (GroupCommit.Job<Function<RunSeats, Change<?>>, Object> job : batch) {
                try {
                    Change<?> change = job.item().apply(current);
                    if (!change.changesNothing()) {
                        if (change.appended() != null) {
                            appended.add(change.appended());
                        } else {
                            rewriteList = true;
                        }
                        caused.addAll(change.events());
                        current = change.after();
                    }
                    if (change.result() != null) {
                        answers.add(() -> job.succeed(change.result()));
                    }
                } catch (RuntimeException refused) {
                    answers.add(() -> job.fail(refused));
                }
            }
            if (current == before) {
                answers.forEach(Runnable::run);
                return Mono.<Void>empty();
            }
            return store(before, current, rewriteList ? null : appended, caused).flatMap(written -> {
                if (written) {
                    answers.forEach(Runnable::run);
                    return Mono.<Void>empty();
                }
                lastWritten.remove(runId);
                if (attempt >= MAX_ATTEMPTS) {
                    return Mono.error(new BusyException("Run " + runId + " kept changing"));
                }
                return write(runId, batch, attempt + 1);
            });
        });
    }

    private Mono<RunSeats> load(String runId) {
        RunSeats known = lastWritten.get(runId);
        if (known != null) {
            return Mono.just(known);
        }
        return mongo.findById(runId, RunSeats.class).doOnNext(state -> lastWritten.put(runId, state));
    }

    /** {@code appended}: the enrolments added, when nothing else in the list changed; null to rewrite the list. */
    private Mono<Boolean> store(RunSeats before, RunSeats after, List<Enrolment> appended,
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
