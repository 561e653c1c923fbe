package dev.courseline.enquiry.outbox;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class BrokerOutageIntegrationTest {

    @Autowired
    WebTestClient web;

    private boolean brokerStopped;
    private boolean brokerPaused;

    @AfterEach
    void restoreBroker() {
        if (brokerStopped) {
            LocalStack.current().startKafka();
        }
        if (brokerPaused) {
            LocalStack.current().unpauseKafka();
        }
    }

    @Test
    void requestsAcceptedWhileTheBrokerIsDownArePublishedOnceItIsBack() {
        Assumptions.assumeTrue(LocalStack.current().supportsBrokerRestart(),
                "a broker container cannot restart on the same port; the paused-broker test covers this mode");
        // Warm the producer first, so the outage is a lost broker, not one never seen.
        String before = post(uniqueEmail("before"));
        try (EnquiryEvents events = new EnquiryEvents()) {
            events.awaitOne(before, QuoteRequested.TYPE);

            LocalStack.current().stopKafka();
            brokerStopped = true;
            List<String> ids = IntStream.range(0, 3).mapToObj(i -> post(uniqueEmail("outage" + i))).toList();

            // The pods stay in service while the outbox holds the events; the broker group shows the outage.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(
                    () -> web.get().uri("/actuator/health/broker").exchange().expectStatus().isEqualTo(503)
                            .expectBody().jsonPath("$.components.kafka.status").isEqualTo("DOWN"));
            web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
            web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
            ids.forEach(id -> web.get().uri("/api/enquiries/{id}", id).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.delivered").isEqualTo(false));

            LocalStack.current().startKafka();
            brokerStopped = false;

            for (String id : ids) {
                var published = events.awaitFor(id, e -> !e.isEmpty(), Duration.ofSeconds(60));
                assertThat(published).extracting(EnquiryEvents.Event::type).containsOnly(QuoteRequested.TYPE);
            }
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> ids.forEach(id -> web.get().uri("/api/enquiries/{id}", id).exchange()
                            .expectBody().jsonPath("$.delivered").isEqualTo(true)));
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                            .expectBody().jsonPath("$.components.mongo.status").isEqualTo("UP"));
        }
    }

    /** A broker that hangs rather than refuses (SIGSTOP, or a paused container): works in every infrastructure mode. */
    @Test
    void requestsAcceptedWhileTheBrokerIsFrozenArePublishedOnceItAnswersAgain() {
        String before = post(uniqueEmail("before-pause"));
        try (EnquiryEvents events = new EnquiryEvents()) {
            events.awaitOne(before, QuoteRequested.TYPE);

            LocalStack.current().pauseKafka();
            brokerPaused = true;
            List<String> ids = IntStream.range(0, 3).mapToObj(i -> post(uniqueEmail("paused" + i))).toList();
            ids.forEach(id -> web.get().uri("/api/enquiries/{id}", id).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.delivered").isEqualTo(false));

            LocalStack.current().unpauseKafka();
            brokerPaused = false;

            for (String id : ids) {
                var published = events.awaitFor(id, e -> !e.isEmpty(), Duration.ofSeconds(60));
                assertThat(published).extracting(EnquiryEvents.Event::type).containsOnly(QuoteRequested.TYPE);
            }
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> ids.forEach(id -> web.get().uri("/api/enquiries/{id}", id).exchange()
                            .expectBody().jsonPath("$.delivered").isEqualTo(true)));
        }
    }

    private String post(String email) {
        return web.post().uri("/api/enquiries/in-house-quotes").bodyValue(quote(email, "Outage " + UUID.randomUUID()))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
    }
}
