package dev.courseline.catalogue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    void aClaimedDocumentIsNotClaimedByAnotherInstanceUntilItsLeaseEndsAndIsReleasedWithoutTheSentEvents()
            throws InterruptedException {
        String collection = "leaseTest" + UUID.randomUUID().toString().replace("-", "");
        String key = uniqueSlug();
        PendingEvent event = pendingEvents.create("courseline.catalogue.course-updated.v1", key, NOW,
                Map.of("slug", key));
        Document eventDocument = new Document();
        mongo.getConverter().write(event, eventDocument);
        mongo.insert(new Document("_id", key).append("pendingEvents", List.of(eventDocument)), collection).block();

        OutboxRelay first = relay(collection, NOW);
        OutboxRelay second = relay(collection, NOW.plusSeconds(1));
        OutboxEntry claimed = first.claimNext(collection);
        assertThat(claimed.pendingEvents()).extracting(PendingEvent::eventId).containsExactly(event.eventId());
        assertThat(second.claimNext(collection)).as("leased to the first instance").isNull();

        // An instance that died holding a lease does not block the outbox for ever: another takes over afterwards.
        OutboxRelay afterLease = relay(collection, NOW.plus(properties.lease()).plusSeconds(1));
        OutboxEntry takenOver = afterLease.claimNext(collection);
        assertThat(takenOver.id()).isEqualTo(key);
        afterLease.publish(collection, takenOver);

        Document stored = mongo.findById(key, Document.class, collection).block();
        assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();
        assertThat(stored).doesNotContainKeys("leaseUntil", "leaseOwner");
        assertThat(awaitEvents(key, "courseline.catalogue.course-updated.v1").get(0).headers())
                .containsEntry("ce_id", event.eventId());
        assertThat(second.claimNext(collection)).as("nothing left to send").isNull();
    }

    private OutboxRelay relay(String collection, Instant now) {
        return new OutboxRelay(mongo, kafka, new OutboxSignal(), properties, new OutboxCollections(List.of(collection)),
                Clock.fixed(now, ZoneOffset.UTC), traces);
    }
}
