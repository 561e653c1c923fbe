package dev.courseline.enquiry.outbox;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.observability.Traceparent;
import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The trace of a request goes with the events it writes: stored in the outbox with the event, and sent with it by
 * the relay, later and from another thread, as {@code ce_traceparent} and in the producer span's {@code traceparent}.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class OutboxTraceIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OutboxRelay relay;

    @Autowired
    Clock clock;

    @Test
    void theEventOfAQuoteRequestCarriesTheTraceOfTheRequest() {
        EntityExchangeResult<JsonNode> answer = web.post().uri("/api/enquiries/in-house-quotes")
                .bodyValue(quote(uniqueEmail("traced"), "Traced " + UUID.randomUUID()))
                .exchange().expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult();
        Traceparent request = Traceparent.parse(answer.getResponseHeaders().getFirst(Traceparent.HEADER)).orElseThrow();
        String enquiryId = answer.getResponseBody().get("enquiryId").asString();

        try (EnquiryEvents events = new EnquiryEvents()) {
            EnquiryEvents.Event event = events.awaitOne(enquiryId, QuoteRequested.TYPE);

            Traceparent created = Traceparent.parse(event.headers().get("ce_traceparent")).orElseThrow();
            Traceparent sent = Traceparent.parse(event.headers().get("traceparent")).orElseThrow();
            assertThat(created.traceId()).isEqualTo(request.traceId());
            assertThat(sent.traceId()).isEqualTo(request.traceId());
            assertThat(sent.spanId()).as("the producer's own span").isNotEqualTo(created.spanId());
        }
    }

    /** What an instance that died left behind is sent by another's sweep, still in the trace it was written in. */
    @Test
    void theSweepSendsALeftOverEventInTheTraceStoredWithIt() {
        String collection = "traceTest" + UUID.randomUUID().toString().replace("-", "");
        String key = UUID.randomUUID().toString();
        String stored = new Traceparent(randomHex(16), randomHex(8), true).value();
        Document event = new Document("eventId", UUID.randomUUID().toString()).append("type", "test.outbox-trace")
                .append("key", key).append("time", new Date()).append("payload", "{}")
                .append("traceparent", stored);
        mongo.insert(new Document("_id", key).append(OutboxRelay.PENDING_EVENTS, List.of(event))
                .append(OutboxLease.FIELD, new Document("until", Date.from(Instant.EPOCH)).append("attempts", 0)
                        .append("unsent", UUID.randomUUID().toString())),
                collection).block();

        try (EnquiryEvents events = new EnquiryEvents()) {
            relay.register(collection);
            relay.sweep().block();
            EnquiryEvents.Event sent = events.awaitOne(key, "test.outbox-trace");

            assertThat(sent.headers()).containsEntry("ce_traceparent", stored);
            assertThat(Traceparent.parse(sent.headers().get("traceparent")).orElseThrow().traceId())
                    .isEqualTo(Traceparent.parse(stored).orElseThrow().traceId());
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
