package dev.courseline.catalogue.seed;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.courseline.catalogue.course.Course;
import dev.courseline.catalogue.course.CourseView;
import dev.courseline.catalogue.events.CatalogueEventType;
import dev.courseline.catalogue.outbox.EventFactory;
import dev.courseline.catalogue.outbox.OutboxWriter;
import dev.courseline.catalogue.run.Run;
import dev.courseline.catalogue.run.RunView;

/**
 * Seeds the catalogue on first start, published like any change (each with its event). Idempotent: a marker
 * document with a fixed id records that seeding finished, and every seeded item has a fixed id, so a restart or a
 * second instance starting at the same moment adds nothing twice.
 */
@Component
@ConditionalOnProperty(name = "catalogue.seed.enabled", havingValue = "true", matchIfMissing = true)
class CatalogueSeeder implements ApplicationRunner {

    static final String MARKERS = "seedMarkers";
    static final String MARKER_ID = "catalogue-seed-v1";
    private static final Logger log = LoggerFactory.getLogger(CatalogueSeeder.class);

    private final ReactiveMongoTemplate mongo;
    private final OutboxWriter outbox;
    private final EventFactory events;
    private final Clock clock;

    CatalogueSeeder(ReactiveMongoTemplate mongo, OutboxWriter outbox, EventFactory events, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedOnce().block();
    }

    Mono<Void> seedOnce() {
        return mongo.exists(Query.query(Criteria.where("_id").is(MARKER_ID)), MARKERS)
                .flatMap(seeded -> seeded ? Mono.empty() : seed());
    }

    private Mono<Void> seed() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<Course> courses = SeedCourses.all(now);
        List<Run> runs = SeedRuns.upcoming(LocalDate.ofInstant(now, ZoneOffset.UTC), courses, now);
        Flux<Void> courseWrites = Flux.fromIterable(courses).concatMap(course -> ignoreExisting(outbox.insert(course,
                List.of(events.create(CatalogueEventType.COURSE_PUBLISHED.ceType(), course.slug(), now,
                        CourseView.of(course))))));
        Flux<Void> runWrites = Flux.fromIterable(runs).concatMap(run -> ignoreExisting(outbox.insert(run,
                List.of(events.create(CatalogueEventType.RUN_SCHEDULED.ceType(), run.id(), now,
                        RunView.of(run))))));
        Mono<Void> marker = ignoreExisting(mongo.insert(new Document("_id", MARKER_ID).append("seededAt", now), MARKERS)
                .then());
        return courseWrites.thenMany(runWrites).then(marker)
                .doOnSuccess(
                        done -> log.info("Seeded the catalogue: {} courses, {} runs", courses.size(), runs.size()));
    }

    private static Mono<Void> ignoreExisting(Mono<Void> write) {
        return write.onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty());
    }
}
