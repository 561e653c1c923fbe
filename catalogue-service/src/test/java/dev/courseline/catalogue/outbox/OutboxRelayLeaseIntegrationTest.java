package dev.courseline.catalogue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import dev.courseline.catalogue.observability.TraceContexts;
import dev.courseline.catalogue.support.IntegrationTestSupport;

/** Several relay instances share the outbox: a claimed document belongs to one of them until its lease ends. */
class OutboxRelayLeaseIntegrationTest extends IntegrationTestSupport {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    @Autowired
    private ReactiveMongoTemplate mongo;

    @Autowired
    private KafkaTemplate<String, byte[]> kafka;

    @Autowired
    private OutboxProperties properties;

    @Autowired
    private EventFactory pendingEvents;

    @Autowired
    private TraceContexts traces;

    @Test
    void aClaimedDocumentIsNotClaimedByAnotherInstanceUntilItsLeaseEndsAndIsReleasedWithoutTheSentEvents() {
        String collection = "leaseTest" + UUID.randomUUID().toString().replace("-", "");
        String key = uniqueSlug();
        PendingEvent event = pendingEvents.create("courseline.catalogue.course-updated.v1", key, NOW,
                Map.of("slug", key));
        mongo.insert(new Document("_id", key).append(OutboxRelay.PENDING_EVENTS, List.of(event.toDocument()))
                .append(OutboxLease.FIELD, new Document("unsent", "token-1")), collection).block();

        OutboxLeases first = leases(NOW);
        Document claimed = first.claim(collection, key).block();
        assertThat(claimed.getList(OutboxRelay.PENDING_EVENTS, Document.class))
                .extracting(pending -> pending.getString("eventId")).containsExactly(event.eventId());
        assertThat(leases(NOW.plusSeconds(1)).claim(collection, key).block()).as("leased to the first instance")
                .isNull();

        // An instance that died holding a lease does not block the outbox for ever: another takes over afterwards.
        OutboxRelay afterLease = relay(collection, NOW.plus(properties.lease()).plusSeconds(1));
        try {
            afterLease.sweep().block();
        } finally {
            afterLease.stop();
        }

        Document stored = mongo.findById(key, Document.class, collection).block();
        assertThat(stored.getList(OutboxRelay.PENDING_EVENTS, Document.class)).isEmpty();
        assertThat(stored.get(OutboxLease.FIELD, Document.class)).as("the lease given back and the marker gone")
                .doesNotContainKey("unsent").containsEntry("until", Date.from(Instant.EPOCH));
        assertThat(awaitEvents(key, "courseline.catalogue.course-updated.v1").get(0).headers())
                .containsEntry("ce_id", event.eventId());
        assertThat(first.marked(collection).collectList().block()).as("nothing left to send").isEmpty();
    }

    private OutboxLeases leases(Instant now) {
        return new OutboxLeases(mongo, properties, Clock.fixed(now, ZoneOffset.UTC));
    }

    private OutboxRelay relay(String collection, Instant now) {
        OutboxRelay relay = new OutboxRelay(mongo, kafka, properties, Clock.fixed(now, ZoneOffset.UTC), traces);
        relay.register(collection);
        return relay;
    }
}
