package dev.courseline.notification.deadletter;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.notification.events.LeadNotificationTestData;
import dev.courseline.notification.events.Topics;
import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;

/**
 * Dead letters end to end on the local stack: a record that can never be processed goes to the dead-letter topic
 * after its one attempt and is listed for admins; a valid event that an earlier version dead-lettered is replayed
 * once (its email then sent once) and not twice; and a store outage dead-letters nothing: the partition waits, and the
 * event's email goes out once the store is back.
 */
class DeadLettersIntegrationTest extends IntegrationTest {

    private static final String QUOTE = "courseline.enquiry.quote-requested.v1";

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void aRecordThatCanNeverBeProcessedIsDeadLetteredAfterOneAttemptCountedAndListed() {
        double attemptsBefore = failedAttempts("never_processable");
        double deadBefore = deadLetters();
        String eventId = UUID.randomUUID().toString();
        EnquiryTopic.publish(eventId, QUOTE, UUID.randomUUID().toString(),
                "{\"enquiryId\": ".getBytes(StandardCharsets.UTF_8));

        DeadLetter listed = awaitListed(eventId);

        assertThat(listed.originalTopic()).isEqualTo(Topics.ENQUIRIES);
        assertThat(listed.topic()).isEqualTo(Topics.ENQUIRIES_DLQ);
        assertThat(listed.ceType()).isEqualTo(QUOTE);
        assertThat(listed.exception()).endsWith("MalformedEventException");
        assertThat(listed.reason()).contains(eventId).contains("not valid JSON");
        assertThat(listed.replayedAt()).isNull();
        assertThat(listed.id()).isEqualTo(listed.partition() + "-" + listed.offset());
        assertThat(failedAttempts("never_processable") - attemptsBefore).isEqualTo(1.0);
        assertThat(deadLetters() - deadBefore).isEqualTo(1.0);
        admin(client.get().uri("/api/dead-letters/{id}", listed.id())).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.ceId").isEqualTo(eventId);
    }

    @Test
    void aDeadLetteredEventIsReplayedToItsTopicOnceAndItsEmailIsSentOnce() {
        String organisation = "Replayed " + UUID.randomUUID();
        ObjectNode quote = LeadNotificationTestData.freshQuote(organisation, "replayed." + UUID.randomUUID()
                + "@example.com");
        String eventId = UUID.randomUUID().toString();
        // As the binder dead-lettered valid events when the store timed out, before this service told the kinds apart.
        publishDeadLetter(eventId, quote);
        DeadLetter listed = awaitListed(eventId);

        DeadLetter replayed = admin(client.post().uri("/api/dead-letters/{id}/replay", listed.id())).exchange()
                .expectStatus().isOk().expectBody(DeadLetter.class).returnResult().getResponseBody();

        assertThat(replayed.replayedAt()).isNotNull();
        assertThat(replayed.replayedBy()).isEqualTo("ada");
        Inbox.awaitOne(to("sales-emea@courseline.dev").and(Inbox.textContains(organisation)));
        admin(client.post().uri("/api/dead-letters/{id}/replay", listed.id())).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(awaitListed(eventId).replayedAt()).isEqualTo(replayed.replayedAt());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> Inbox
                .matching(to("sales-emea@courseline.dev").and(Inbox.textContains(organisation))).size() == 1);
    }

    @Test
    void onlyAdminsSeeDeadLettersAndABadIdIsA400NamingIt() {
        client.get().uri("/api/dead-letters").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("sam")))
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/dead-letters").exchange().expectStatus().isUnauthorized();
        admin(client.post().uri("/api/dead-letters/{id}/replay", "not-an-id")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        admin(client.get().uri("/api/dead-letters?limit=0")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
        admin(client.post().uri("/api/dead-letters/{id}/replay", "0-999999999")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aStoreOutageDeadLettersNothingAndTheEventIsDeliveredOnceTheStoreIsBack() {
        String organisation = "Through the outage " + UUID.randomUUID();
        ObjectNode quote = LeadNotificationTestData.freshQuote(organisation, "outage." + UUID.randomUUID()
                + "@example.com");
        double retriesBefore = failedAttempts("infrastructure");
        double deadBefore = deadLetters();
        LocalStack.current().suspendMongo();
        String eventId;
        try {
            eventId = EnquiryTopic.publish(QUOTE, UUID.randomUUID().toString(), quote);
            // More failed attempts than the binder's three would ever have allowed before dead-lettering.
            await().atMost(Duration.ofSeconds(90)).until(() -> failedAttempts("infrastructure") - retriesBefore >= 4);
        } finally {
            LocalStack.current().resumeMongo();
        }

        Inbox.awaitOne(to("sales-emea@courseline.dev").and(Inbox.textContains(organisation)));
        assertThat(deadLetters()).isEqualTo(deadBefore);
        assertThat(listed()).noneMatch(deadLetter -> eventId.equals(deadLetter.ceId()));
    }

    private DeadLetter awaitListed(String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> listed().stream().filter(deadLetter -> eventId.equals(deadLetter.ceId())).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private List<DeadLetter> listed() {
        return admin(client.get().uri("/api/dead-letters?limit=500")).exchange().expectStatus().isOk()
                .expectBodyList(DeadLetter.class).returnResult().getResponseBody();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S admin(S request) {
        request.headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada")));
        return request;
    }

    private double failedAttempts(String kind) {
        return meters.find(ConsumerErrorHandling.FAILED_ATTEMPTS_METRIC).tag("topic", Topics.ENQUIRIES)
                .tag("kind", kind).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private double deadLetters() {
        return meters.find(ConsumerErrorHandling.DEAD_LETTERS_METRIC).tag("topic", Topics.ENQUIRIES)
                .counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static void publishDeadLetter(String eventId, ObjectNode payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ENQUIRIES_DLQ,
                UUID.randomUUID().toString(), ContractEvents.bytes(payload));
        Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", QUOTE,
                "ce_source", "/courseline/enquiry-service", "ce_time", Instant.now().toString(),
                "content-type", "application/json",
                DeadLetterHeaders.ORIGINAL_TOPIC, Topics.ENQUIRIES,
                DeadLetterHeaders.EXCEPTION_MESSAGE, "Timed out while waiting for a server")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the dead letter", e);
        }
    }
}
