package dev.courseline.catalogue.run;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

import dev.courseline.catalogue.common.PageView;
import dev.courseline.catalogue.common.Paging;
import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.course.CourseKind;
import dev.courseline.catalogue.course.CourseService;
import dev.courseline.catalogue.course.CourseStatus;
import dev.courseline.catalogue.events.CatalogueEventType;
import dev.courseline.catalogue.outbox.EventFactory;
import dev.courseline.catalogue.outbox.OutboxWriter;
import dev.courseline.catalogue.outbox.PendingEvent;
import dev.courseline.catalogue.web.FieldProblem;
import dev.courseline.catalogue.web.InvalidRequestException;
import dev.courseline.catalogue.web.NotFoundException;
import dev.courseline.catalogue.web.StaleVersionException;

/** Reads runs and applies catalogue managers' lifecycle actions, each with its event in the same write. */
@Service
public class RunService {

    private final ReactiveMongoTemplate mongo;
    private final CourseService courses;
    private final OutboxWriter outbox;
    private final EventFactory events;
    private final Clock clock;

    public RunService(ReactiveMongoTemplate mongo, CourseService courses, OutboxWriter outbox, EventFactory events,
            Clock clock) {
        this.mongo = mongo;
        this.courses = courses;
        this.outbox = outbox;
        outbox.register(Run.class);
        this.events = events;
        this.clock = clock;
    }

    public Mono<PageView<RunView>> publicRuns(RunFilter filter) {
        filter.check();
        int page = Paging.page(filter.page());
        int size = Paging.size(filter.size());
        Mono<Criteria> criteria = filter.role() == null
                ? Mono.just(runCriteria(filter, null))
                : courses.all().filter(course -> course.role() == filter.role()).map(Course::slug).collectList()
                        .map(slugs -> runCriteria(filter, slugs));
        return criteria.flatMap(where -> {
            Query query = Query.query(where);
            Mono<Long> total = mongo.count(query, Run.class);
            Mono<List<RunView>> items = mongo.find(Query.of(query).with(Sort.by("startUtc", "_id"))
                    .skip((long) page * size).limit(size), Run.class)
                    .map(RunView::of).collectList();
            return Mono.zip(items, total).map(both -> PageView.of(both.getT1(), page, size, both.getT2()));
        });
    }

    public Mono<RunView> publicRun(String id) {
        return run(id).filter(Run::isPublic)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("run", id)))
                .map(RunView::of);
    }

    public Mono<Run> run(String id) {
        return mongo.findById(id, Run.class).switchIfEmpty(Mono.error(() -> new NotFoundException("run", id)));
    }

    public Mono<RunView> create(RunRequest request) {
        RunRequest.PlannedRun plan = request.plan(now());
        return mongo.findById(plan.courseSlug(), Course.class)
                .filter(course -> course.kind() == CourseKind.PUBLIC_COURSE
                        && course.status() == CourseStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> new InvalidRequestException(List.of(
                        new FieldProblem("courseSlug", "must name a published public course")))))
                .flatMap(course -> {
                    Run draft = Run.draft(UUID.randomUUID().toString(), course.slug(), course.title(),
                            plan.schedule(), plan.deliveryMode(), plan.venue(), plan.minCapacity(), plan.maxCapacity(),
                            plan.price(), plan.earlyBird(), now());
                    // A draft is private to catalogue managers, so creating one publishes nothing.
                    return outbox.insert(draft, List.of()).thenReturn(RunView.of(draft));
                });
    }

    public Mono<RunView> schedule(String id, long basedOnVersion) {
        return change(id, basedOnVersion, run -> run.schedule(now()), CatalogueEventType.RUN_SCHEDULED);
    }

    public Mono<RunView> confirm(String id, long basedOnVersion) {
        return change(id, basedOnVersion, run -> run.confirm(now()), CatalogueEventType.RUN_CONFIRMED);
    }

    public Mono<RunView> complete(String id, long basedOnVersion) {
        return change(id, basedOnVersion, run -> run.complete(now()), CatalogueEventType.RUN_COMPLETED);
    }

    public Mono<RunView> cancel(String id, long basedOnVersion) {
        return change(id, basedOnVersion, run -> run.cancel(now()), CatalogueEventType.RUN_CANCELLED);
    }

    public Mono<RunView> reschedule(String id, RescheduleRequest request) {
        Schedule schedule = request.schedule(now());
        return change(id, request.version(), run -> run.reschedule(schedule, now()),
                CatalogueEventType.RUN_RESCHEDULED);
    }

    public Mono<RunView> changeCapacity(String id, CapacityRequest request) {
        request.check();
        return change(id, request.version(),
                run -> run.changeCapacity(request.minCapacity(), request.maxCapacity(), now()),
                CatalogueEventType.RUN_CAPACITY_CHANGED);
    }

    /** Queues the current state of every public run again, for a consumer that starts from scratch. */
    public Mono<Long> republishAll() {
        return mongo.findAll(Run.class)
                .filter(Run::isPublic)
                .concatMap(run -> outbox.append(Run.class, run.id(), run.version(),
                        List.of(eventFor(currentStateType(run), run, now()))))
                .filter(Boolean::booleanValue)
                .count();
    }

    private Mono<RunView> change(String id, long basedOnVersion, Function<Run, Run> change, CatalogueEventType type) {
        return run(id).flatMap(current -> {
            if (current.version() != basedOnVersion) {
                return Mono.error(new StaleVersionException("run", id, basedOnVersion));
            }
            Run next = change.apply(current);
            // Changes to a draft stay private: nobody outside the catalogue has seen it yet.
            List<PendingEvent> pending = next.isPublic() ? List.of(eventFor(type, next, next.updatedAt())) : List.of();
            return outbox.update(id, current.version(), next, pending)
                    .flatMap(written -> written
                            ? Mono.just(RunView.of(next))
                            : Mono.error(new StaleVersionException("run", id, basedOnVersion)));
        });
    }

    private PendingEvent eventFor(CatalogueEventType type, Run run, Instant at) {
        return events.create(type.ceType(), run.id(), at, RunView.of(run));
    }

    private static CatalogueEventType currentStateType(Run run) {
        return switch (run.status()) {
            case CONFIRMED -> CatalogueEventType.RUN_CONFIRMED;
            case COMPLETED -> CatalogueEventType.RUN_COMPLETED;
            case CANCELLED -> CatalogueEventType.RUN_CANCELLED;
            default -> CatalogueEventType.RUN_SCHEDULED;
        };
    }

    private static Criteria runCriteria(RunFilter filter, List<String> slugsOfRole) {
        // Drafts are never public, so asking for them finds nothing rather than revealing them.
        Criteria criteria = filter.status() == null
                ? Criteria.where("status").ne(RunStatus.DRAFT)
                : Criteria.where("status")
                        .in(filter.status() == RunStatus.DRAFT ? List.of() : List.of(filter.status()));
        List<String> slugs = slugsOfRole;
        if (filter.course() != null) {
            slugs = slugs == null || slugs.contains(filter.course()) ? List.of(filter.course()) : List.of();
        }
        if (slugs != null) {
            criteria = criteria.and("courseSlug").in(slugs);
        }
        if (filter.deliveryMode() != null) {
            criteria = criteria.and("deliveryMode").is(filter.deliveryMode());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria startUtc = Criteria.where("startUtc");
            if (filter.from() != null) {
                startUtc = startUtc.gte(filter.from().atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (filter.to() != null) {
                startUtc = startUtc.lt(filter.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            criteria = new Criteria().andOperator(criteria, startUtc);
        }
        return criteria;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
