package dev.courseline.enquiry.catalogue;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * The courses of the catalogue as last published on {@code catalogue.offerings}: stored (so a restart does not need the
 * topic) and mirrored in memory, so validating a quote's programme costs no look-up on the request path.
 */
@Component
public class CatalogueView {

    private final ReactiveMongoTemplate mongo;
    private final Map<String, Course> courses = new ConcurrentHashMap<>();

    public CatalogueView(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        mongo.findAll(Course.class).doOnNext(course -> courses.merge(course.slug(), course, CatalogueView::newer))
                .then().block();
    }

    /**
     * The course, from memory; on a miss from the store, since another instance of this service may have consumed
     * the event (the consumer group shares the partitions).
     */
    public Mono<Course> course(String slug) {
        Course known = courses.get(slug);
        if (known != null) {
            return Mono.just(known);
        }
        return mongo.findById(slug, Course.class)
                .doOnNext(course -> courses.merge(course.slug(), course, CatalogueView::newer));
    }

    /** Catches up with changes consumed by other instances of this service. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${enquiry.catalogue.refresh-interval:30s}", initialDelayString = "${enquiry.catalogue.refresh-interval:30s}")
    public void refresh() {
        load();
    }

    /** Stores the course unless a newer or equal version is already stored; replaying the topic changes nothing. */
    public Mono<Void> apply(Course course) {
        Query olderOrAbsent = Query.query(Criteria.where("_id").is(course.slug()).and("version").lt(course.version()));
        Update update = new Update().set("title", course.title()).set("kind", course.kind())
                .set("deliveryModes", course.deliveryModes()).set("status", course.status())
                .set("version", course.version()).set("updatedAt", course.updatedAt());
        return mongo.upsert(olderOrAbsent, update, Course.class)
                .onErrorResume(org.springframework.dao.DuplicateKeyException.class, e -> Mono.empty())
                .then(Mono.fromRunnable(() -> courses.merge(course.slug(), course, CatalogueView::newer)));
    }

    private static Course newer(Course a, Course b) {
        return b.version() > a.version() ? b : a;
    }
}
