package dev.courseline.enquiry.outbox;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The relay's marker of documents with events to send ({@code outbox.unsent}): whatever way a document came to have
 * events nobody is sending, they are published once, and the marker goes only with the last of them.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class OutboxRelayIntegrationTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(20);

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Clock clock;

    @Test
    void anEnquiryWhoseEventWasPublishedIsNoLongerMarked() {
        String id = web.post().uri("/api/enquiries/in-house-quotes")
                .bodyValue(quote(uniqueEmail("marker"), "Marker " + UUID.randomUUID()))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();

        await().atMost(PUBLISHED).untilAsserted(() -> web.get().uri("/api/enquiries/{id}", id).exchange()
                .expectBody().jsonPath("$.delivered").isEqualTo(true));
        assertThat(outbox(Enquiry.COLLECTION, id)).doesNotContainKey("unsent");
    }

    @Test
    void aDocumentLeftByAnInstanceThatDiedIsPublishedOnceByTheSweep() {
        String collection = registeredCollection();
        String key = UUID.randomUUID().toString();
        Document event = event(key, "left behind");
        mongo.insert(new Document("_id", key).append(OutboxRelay.PENDING_EVENTS, List.of(event))
                .append(OutboxLease.FIELD, new Document("until", Date.from(clock.instant().minusSeconds(60)))
                        .append("owner", "an-instance-that-died").append("attempts", 0)
                        .append("unsent", UUID.randomUUID().toString())),
                collection).block();

        try (EnquiryEvents events = new EnquiryEvents()) {
            await().atMost(PUBLISHED).until(() -> pendingEvents(collection, key).isEmpty()
                    && !outbox(collection, key).containsKey("unsent"));
            assertThat(events.drainFor(key)).extracting(EnquiryEvents.Event::headers)
                    .extracting(headers -> headers.get("ce_id")).containsExactly(event.getString("eventId"));
        }
    }

    @Test
    void eventsAddedWhileASendIsInFlightKeepTheMarkerAndAreSentNext() {
        // Not registered: no sweep interferes; the relay's own completion must find the event added meanwhile.
        String collection = "outbox_added_in_flight_" + UUID.randomUUID().toString().replace("-", "");
        String key = UUID.randomUUID().toString();
        Document first = event(key, "inserted");
        Document added = event(key, "added while the first was in flight");
        OutboxLease lease = relay.leaseForNewDocument();
        // As stored after a writer pushed a second event (and so replaced the token) once the insert was relayed.
        mongo.insert(new Document("_id", key).append(OutboxRelay.PENDING_EVENTS, List.of(first, added))
                .append(OutboxLease.FIELD, new Document("until", Date.from(lease.until()))
                        .append("owner", lease.owner()).append("attempts", 0)
                        .append("unsent", UUID.randomUUID().toString())),
                collection).block();

        try (EnquiryEvents events = new EnquiryEvents()) {
            relay.relayNow(collection, key, List.of(pendingEvent(first)), lease);

            assertThat(events.awaitFor(key, published -> published.size() >= 2, PUBLISHED))
                    .extracting(published -> published.headers().get("ce_id"))
                    .containsExactly(first.getString("eventId"), added.getString("eventId"));
            await().atMost(PUBLISHED).until(() -> pendingEvents(collection, key).isEmpty()
                    && !outbox(collection, key).containsKey("unsent"));
            assertThat(events.drainFor(key)).hasSize(2);
        }
    }

    /** A collection the running relay sweeps, of this test alone. */
    private String registeredCollection() {
        String collection = "outbox_swept_" + UUID.randomUUID().toString().replace("-", "");
        relay.register(collection);
        return collection;
    }

    private Document stored(String collection, String id) {
        return mongo.findById(id, Document.class, collection).block();
    }

    private Document outbox(String collection, String id) {
        return stored(collection, id).get(OutboxLease.FIELD, Document.class);
    }

    private List<Document> pendingEvents(String collection, String id) {
        return stored(collection, id).getList(OutboxRelay.PENDING_EVENTS, Document.class, List.of());
    }

    private static Document event(String key, String note) {
        return new Document("eventId", UUID.randomUUID().toString()).append("type", "test.outbox-relay")
                .append("key", key).append("time", new Date()).append("payload", "{\"note\":\"" + note + "\"}");
    }

    private static PendingEvent pendingEvent(Document event) {
        return new PendingEvent(event.getString("eventId"), event.getString("type"), event.getString("key"),
                event.getDate("time").toInstant(), event.getString("payload"), event.getString("traceparent"));
    }
}
