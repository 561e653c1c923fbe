package dev.courseline.enquiry.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.enquiry.catalogue.Course;
import dev.courseline.enquiry.outbox.Topics;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Dead letters of the catalogue consumer on the local stack: a record that can never be processed goes to the
 * dead-letter topic after its one attempt and is listed for admins; a valid course event that an earlier version
 * dead-lettered is replayed once and applied; and a store outage dead-letters nothing: the partition waits, and the
 * event is applied once the store is back.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class DeadLettersIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COURSE_PUBLISHED = "courseline.catalogue.course-published.v1";
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ReactiveMongoTemplate mongo;

    @AfterAll
    static void closeProducer() {
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void aRecordWithoutCeTypeIsDeadLetteredAfterOneAttemptCountedAndListed() {
        double attemptsBefore = failedAttempts("never_processable");
        double deadBefore = deadLetters();
        String key = "no-type-" + UUID.randomUUID();
        Map<String, String> headers = headers(null);
        publish(Topics.CATALOGUE_OFFERINGS, key, course(key), headers);

        DeadLetter listed = awaitListed(key);

        assertThat(listed.originalTopic()).isEqualTo(Topics.CATALOGUE_OFFERINGS);
        assertThat(listed.topic()).isEqualTo(Topics.CATALOGUE_OFFERINGS_DLQ);
        assertThat(listed.exception()).endsWith("MalformedCatalogueRecordException");
        assertThat(listed.reason()).contains("without ce_type");
        assertThat(failedAttempts("never_processable") - attemptsBefore).isEqualTo(1.0);
        assertThat(deadLetters() - deadBefore).isEqualTo(1.0);
    }

    @Test
    void aDeadLetteredCourseIsReplayedOnceAndApplied() {
        String slug = "replayed-" + UUID.randomUUID();
        Map<String, String> headers = headers(COURSE_PUBLISHED);
        headers.put(DeadLetterHeaders.ORIGINAL_TOPIC, Topics.CATALOGUE_OFFERINGS);
        headers.put(DeadLetterHeaders.EXCEPTION_MESSAGE, "Timed out while waiting for a server");
        publish(Topics.CATALOGUE_OFFERINGS_DLQ, slug, course(slug), headers);
        DeadLetter listed = awaitListed(slug);

        DeadLetter replayed = admin(web.post().uri("/api/dead-letters/{id}/replay", listed.id())).exchange()
                .expectStatus().isOk().expectBody(DeadLetter.class).returnResult().getResponseBody();

        assertThat(replayed.replayedBy()).isEqualTo("ada");
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(slug, Course.class).block() != null);
        admin(web.post().uri("/api/dead-letters/{id}/replay", listed.id())).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(awaitListed(slug).replayedAt()).isEqualTo(replayed.replayedAt());
        web.get().uri("/api/dead-letters").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("sam")))
                .exchange().expectStatus().isForbidden();
        admin(web.get().uri("/api/dead-letters/{id}", "x")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void aStoreOutageDeadLettersNothingAndTheCourseIsAppliedOnceTheStoreIsBack() {
        String slug = "outage-" + UUID.randomUUID();
        double retriesBefore = failedAttempts("infrastructure");
        double deadBefore = deadLetters();
        LocalStack.current().suspendMongo();
        try {
            publish(Topics.CATALOGUE_OFFERINGS, slug, course(slug), headers(COURSE_PUBLISHED));
            // More failed attempts than the binder's five would ever have allowed before dead-lettering.
            await().atMost(Duration.ofSeconds(90)).until(() -> failedAttempts("infrastructure") - retriesBefore >= 6);
        } finally {
            LocalStack.current().resumeMongo();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(slug, Course.class).block() != null);
        assertThat(deadLetters()).isEqualTo(deadBefore);
        assertThat(listed()).noneMatch(deadLetter -> slug.equals(deadLetter.key()));
    }

    private DeadLetter awaitListed(String key) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> listed().stream().filter(deadLetter -> key.equals(deadLetter.key())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private List<DeadLetter> listed() {
        return admin(web.get().uri("/api/dead-letters?limit=500")).exchange().expectStatus().isOk()
                .expectBodyList(DeadLetter.class).returnResult().getResponseBody();
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S admin(S request) {
        request.headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada")));
        return request;
    }

    private double failedAttempts(String kind) {
        return meters.find(ConsumerErrorHandling.FAILED_ATTEMPTS_METRIC).tag("topic", Topics.CATALOGUE_OFFERINGS)
                .tag("kind", kind).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private double deadLetters() {
        return meters.find(ConsumerErrorHandling.DEAD_LETTERS_METRIC).tag("topic", Topics.CATALOGUE_OFFERINGS)
                .counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static ObjectNode course(String slug) {
        ObjectNode course = (ObjectNode) JSON.readTree(CatalogueFeed.example(COURSE_PUBLISHED));
        course.put("slug", slug);
        course.put("status", "PUBLISHED");
        course.put("version", 1);
        return course;
    }

    private static Map<String, String> headers(String type) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", UUID.randomUUID().toString());
        if (type != null) {
            headers.put("ce_type", type);
        }
        headers.put("ce_source", "/courseline/catalogue-service");
        headers.put("ce_time", Instant.now().toString());
        headers.put("content-type", "application/json");
        return headers;
    }

    private static synchronized void publish(String topic, String key, ObjectNode payload,
            Map<String, String> headers) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, JSON.writeValueAsBytes(payload));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }
}
