package dev.courseline.enquiry.config;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Readiness of the store, as {@code mongo}: this bean's name makes Boot skip its own indicator, whose {@code hello}
 * command the embedded MongoDB-wire server does not know (it would report a working store as down). {@code ping} is
 * understood by every server.
 */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator extends AbstractReactiveHealthIndicator {

    private final ReactiveMongoTemplate mongo;

    public MongoHealthIndicator(ReactiveMongoTemplate mongo) {
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
