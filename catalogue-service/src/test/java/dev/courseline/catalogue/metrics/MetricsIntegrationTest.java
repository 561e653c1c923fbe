package dev.courseline.catalogue.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.catalogue.support.Requests;

/** What {@code /actuator/prometheus} shows, read anonymously as Prometheus would, after the service did some work. */
class MetricsIntegrationTest extends IntegrationTestSupport {

    private static final String SERVICE = "catalogue-service";

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theOutboxGaugesCountAnEventNotYetSentAndItsAgeAndFallBackToZeroOnceItIsGone() {
        // An event leased to another instance that is not sending it: the relay here leaves it alone.
        String id = "metrics-" + UUID.randomUUID();
        Instant happened = Instant.now().minusSeconds(90);
        mongo.insert(new Document("_id", id)
                .append("pendingEvents", List.of(new Document("eventId", UUID.randomUUID().toString())
                        .append("type", "courseline.catalogue.run-scheduled.v1").append("key", id)
                        .append("occurredAt", Date.from(happened)).append("payload", "{}")))
                .append("outbox", new Document("until", Date.from(Instant.now().plus(Duration.ofMinutes(10))))
                        .append("owner", "an-instance-that-hangs").append("attempts", 0)
                        .append("unsent", UUID.randomUUID().toString())),
                "runs").block();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.value("courseline_outbox_pending", "service", SERVICE)).isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("courseline_outbox_oldest_pending_seconds", "service", SERVICE))
                        .isGreaterThanOrEqualTo(90);
            });
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), "runs").block();
        }

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.value("courseline_outbox_pending", "service", SERVICE)).isZero();
            assertThat(scrape.value("courseline_outbox_oldest_pending_seconds", "service", SERVICE)).isZero();
        });
    }

    @Test
    void exportsTheCommittedNamesAfterPublishingACourseWithHttpJvmKafkaAndMongoMetricsAmongThem() {
        String slug = uniqueSlug();
        staff("/api/admin/courses", Requests.course(slug), HttpStatus.CREATED);
        staff("/api/admin/courses/" + slug + "/publish", Requests.version(1), HttpStatus.OK);
        awaitEvents(slug, "courseline.catalogue.course-published.v1");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.names()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                    "kafka_producer_record_send_total", "mongodb_driver_commands_seconds_count",
                    "mongodb_driver_pool_size", "courseline_outbox_pending",
                    "courseline_outbox_oldest_pending_seconds");
            ExportedNames.check(SERVICE, scrape.names());
        });
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.parse(http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private void staff(String uri, Map<String, Object> body, HttpStatus expected) {
        http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(body).exchange()
                .expectStatus().isEqualTo(expected);
    }
}
