package dev.courseline.catalogue.course;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.common.DeliveryMode;
import dev.courseline.catalogue.common.PageView;
import dev.courseline.catalogue.events.CatalogueEventType;
import dev.courseline.catalogue.outbox.EventFactory;
import dev.courseline.catalogue.outbox.OutboxWriter;
import dev.courseline.catalogue.outbox.PendingEvent;
import dev.courseline.catalogue.web.NotFoundException;
import dev.courseline.catalogue.web.StaleVersionException;

/** Reads courses and applies catalogue managers' changes, each with its event in the same write. */
@Service
public class CourseService {

    private final ReactiveMongoTemplate mongo;
    private final OutboxWriter outbox;
    private final EventFactory events;
    private final Clock clock;

    public CourseService(ReactiveMongoTemplate mongo, OutboxWriter outbox, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        outbox.register(Course.class);
        this.events = events;
        this.clock = clock;
    }

    public Mono<PageView<CourseView>> publishedCourses(TargetRole role, DeliveryMode deliveryMode, int page, int size) {
        Criteria criteria = Criteria.where("status").is(CourseStatus.PUBLISHED);
        if (role != null) {
            criteria = criteria.and("role").is(role);
        }
        if (deliveryMode != null) {
            criteria = criteria.and("deliveryModes").is(deliveryMode);
        }
        Query query = Query.query(criteria);
        Mono<Long> total = mongo.count(query, Course.class);
        Mono<List<CourseView>> items = mongo
                .find(Query.of(query).with(Sort.by("_id")).skip((long) page * size).limit(size),
                        Course.class)
                .map(CourseView::of).collectList();
        return Mono.zip(items, total).map(both -> PageView.of(both.getT1(), page, size, both.getT2()));
    }

    public Mono<CourseView> publishedCourse(String slug) {
        return find(slug).filter(course -> course.status() == CourseStatus.PUBLISHED)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("course", slug)))
                .map(CourseView::of);
    }

    public Mono<Course> course(String slug) {
        return find(slug).switchIfEmpty(Mono.error(() -> new NotFoundException("course", slug)));
    }

    public Mono<CourseView> create(String slug, CourseContent content) {
        Course draft = Course.draft(slug, content, now());
        // A draft is private to catalogue managers, so creating one publishes nothing.
        return outbox.insert(draft, List.of()).thenReturn(CourseView.of(draft));
    }

    public Mono<CourseView> edit(String slug, long basedOnVersion, CourseContent content) {
        return change(slug, basedOnVersion, course -> course.edit(content, now()),
                edited -> edited.isPublic() ? Optional.of(CatalogueEventType.COURSE_UPDATED) : Optional.empty());
    }

    public Mono<CourseView> publish(String slug, long basedOnVersion) {
        return change(slug, basedOnVersion, course -> course.publish(now()),
                published -> Optional.of(CatalogueEventType.COURSE_PUBLISHED));
    }

    public Mono<CourseView> withdraw(String slug, long basedOnVersion) {
        return change(slug, basedOnVersion, course -> course.withdraw(now()),
                withdrawn -> Optional.of(CatalogueEventType.COURSE_WITHDRAWN));
    }

    /** Queues the current state of every public course again, for a consumer that starts from scratch. */
    public Mono<Long> republishAll() {
        return mongo.findAll(Course.class)
                .filter(Course::isPublic)
                .concatMap(course -> outbox.append(Course.class, course.slug(), course.version(),
                        List.of(eventFor(currentStateType(course), course, now()))))
                .filter(Boolean::booleanValue)
                .count();
    }

    public Flux<Course> all() {
        return mongo.findAll(Course.class);
    }

    private Mono<CourseView> change(String slug, long basedOnVersion, Function<Course, Course> change,
            Function<Course, Optional<CatalogueEventType>> eventType) {
        return course(slug).flatMap(current -> {
            if (current.version() != basedOnVersion) {
                return Mono.error(new StaleVersionException("course", slug, basedOnVersion));
            }
            Course next = change.apply(current);
            List<PendingEvent> pending = eventType.apply(next)
                    .map(type -> List.of(eventFor(type, next, next.updatedAt()))).orElse(List.of());
            return outbox.update(slug, current.version(), next, pending)
                    .flatMap(written -> written
                            ? Mono.just(CourseView.of(next))
                            : Mono.error(new StaleVersionException("course", slug, basedOnVersion)));
        });
    }

    private PendingEvent eventFor(CatalogueEventType type, Course course, Instant at) {
        return events.create(type.ceType(), course.slug(), at, CourseView.of(course));
    }

    private static CatalogueEventType currentStateType(Course course) {
        return course.status() == CourseStatus.WITHDRAWN
                ? CatalogueEventType.COURSE_WITHDRAWN
                : CatalogueEventType.COURSE_PUBLISHED;
    }

    private Mono<Course> find(String slug) {
        return mongo.findById(slug, Course.class);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
