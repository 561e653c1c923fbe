package dev.courseline.catalogue.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Readiness contributor {@code mongo} (replaces Boot's, by bean name): a {@code ping} to the database. Boot's own
 * indicator sends {@code hello}, which the embedded MongoDB-wire server of the local stack does not implement, so
 * it would report the store down although it serves every query.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.executeCommand(new Document("ping", 1))
                .then(mongo.getMongoDatabase())
                .map(database -> builder.up().withDetail("database", database.getName()).build());
    }
}
