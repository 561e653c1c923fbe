package dev.courseline.enquiry.metrics;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.enrolment.RunSeats;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/** What {@code /actuator/prometheus} shows, read anonymously as Prometheus would, after quotes and enrolments. */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class MetricsIntegrationTest {

    private static final String SERVICE = "enquiry-service";
    private static final String RECEIVED = "courseline_enquiries_received_total";
    private static final String ENROLMENTS = "courseline_enrolments_total";

    @AutoClose
    private static EnquiryEvents events;

    @AutoClose
    private static CatalogueFeed catalogue;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        events = new EnquiryEvents();
        catalogue = new CatalogueFeed();
    }

    @Test
    void aQuoteCountsAsAcceptedItsRepeatAsDuplicateBadInputAsRefusedAndTheOutboxEmptiesAgain() {
        PrometheusScrape before = scrape();
        var body = quote(uniqueEmail("metrics"), "Northwind " + UUID.randomUUID());

        String id = web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("enquiryId").asString();
        web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted().expectBody().jsonPath("$.status").isEqualTo("DUPLICATE");
        web.post().uri("/api/enquiries/in-house-quotes").bodyValue(Map.of("teamSize", -1)).exchange()
                .expectStatus().isBadRequest();
        events.awaitOne(id, QuoteRequested.TYPE);

        PrometheusScrape after = scrape();
        assertThat(after.increaseSince(before, RECEIVED, "kind", "quote", "outcome", "accepted")).isEqualTo(1);
        assertThat(after.increaseSince(before, RECEIVED, "kind", "quote", "outcome", "duplicate")).isEqualTo(1);
        assertThat(after.increaseSince(before, RECEIVED, "kind", "quote", "outcome", "refused")).isEqualTo(1);
        assertThat(after.value(RECEIVED, "kind", "membership", "outcome", "quarantined")).isNotNull();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape now = scrape();
            assertThat(now.value("courseline_outbox_pending", "service", SERVICE)).isZero();
            assertThat(now.value("courseline_outbox_oldest_pending_seconds", "service", SERVICE)).isZero();
        });
    }

    @Test
    void anEventWaitingUnderAnotherInstancesLeaseShowsAsPendingWithItsAge() {
        String id = "metrics-" + UUID.randomUUID();
        Instant happened = Instant.now().minusSeconds(90);
        mongo.insert(new Document("_id", id)
                .append("pendingEvents", List.of(new Document("eventId", UUID.randomUUID().toString())
                        .append("type", "courseline.test.v1").append("key", id).append("time", Date.from(happened))
                        .append("payload", "{}")))
                .append("outbox", new Document("until", Date.from(Instant.now().plusSeconds(600)))
                        .append("owner", "an-instance-that-hangs").append("attempts", 0)
                        .append("unsent", UUID.randomUUID().toString())),
                RunSeats.COLLECTION).block();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                PrometheusScrape scrape = scrape();
                assertThat(scrape.value("courseline_outbox_pending", "service", SERVICE)).isGreaterThanOrEqualTo(1);
                assertThat(scrape.value("courseline_outbox_oldest_pending_seconds", "service", SERVICE))
                        .isGreaterThanOrEqualTo(90);
            });
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").is(id)), RunSeats.COLLECTION).block();
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(scrape().value("courseline_outbox_pending", "service", SERVICE)).isZero());
    }

    @Test
    void anEnrolmentCountsAsConfirmedTakesASeatOffItsRunAndARepeatIsRefused() {
        String runId = UUID.randomUUID().toString();
        catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, 2, 1, "SCHEDULED"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(scrape().value("courseline_seats_left", "run", runId)).isEqualTo(2));
        PrometheusScrape before = scrape();
        String email = uniqueEmail("learner");

        web.post().uri("/api/enrolments").bodyValue(enrolment(runId, email)).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.status").isEqualTo("CONFIRMED");
        web.post().uri("/api/enrolments").bodyValue(enrolment(runId, email)).exchange()
                .expectStatus().isEqualTo(409);

        PrometheusScrape after = scrape();
        assertThat(after.increaseSince(before, ENROLMENTS, "outcome", "confirmed")).isEqualTo(1);
        assertThat(after.increaseSince(before, ENROLMENTS, "outcome", "refused")).isEqualTo(1);
        assertThat(after.increaseSince(before, ENROLMENTS, "outcome", "waitlisted")).isZero();
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(scrape().value("courseline_seats_left", "run", runId)).isEqualTo(1));
    }

    @Test
    void aLeadPastItsRespondByTimeCountsAsOverdueForItsTeamUntilSomeoneAnswersIt() {
        String id = web.post().uri("/api/enquiries/in-house-quotes")
                .bodyValue(quote(uniqueEmail("overdue"), "Contoso " + UUID.randomUUID())).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("enquiryId").asString();
        Enquiry enquiry = mongo.findById(id, Enquiry.class).block();
        String team = enquiry.lead().team();
        Double before = scrape().value("courseline_leads_overdue", "team", team);

        // The deadline moved into the past, as if the working days had gone by unanswered.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("lead.respondBy", Instant.now().minusSeconds(60)), Enquiry.class).block();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(scrape().value("courseline_leads_overdue", "team", team)).isEqualTo(before + 1));

        web.post().uri("/api/leads/{id}/status", enquiry.lead().leadId())
                .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada")))
                .bodyValue(Map.of("status", "CONTACTED")).exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(scrape().value("courseline_leads_overdue", "team", team)).isEqualTo(before));
    }

    @Test
    void exportsTheCommittedNamesAfterAQuoteAndAnEnrolmentWithHttpJvmKafkaAndMongoMetricsAmongThem() {
        String id = web.post().uri("/api/enquiries/in-house-quotes")
                .bodyValue(quote(uniqueEmail("names"), "Fabrikam " + UUID.randomUUID())).exchange()
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("enquiryId").asString();
        events.awaitOne(id, QuoteRequested.TYPE);
        String runId = UUID.randomUUID().toString();
        catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, 5, 1, "SCHEDULED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);
        web.post().uri("/api/enrolments").bodyValue(enrolment(runId, uniqueEmail("names"))).exchange()
                .expectStatus().isCreated();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.names()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                    "kafka_producer_record_send_total", "kafka_consumer_fetch_manager_records_lag_max",
                    "mongodb_driver_commands_seconds_count", "mongodb_driver_pool_size", RECEIVED, ENROLMENTS,
                    "courseline_seats_left", "courseline_leads_overdue", "courseline_outbox_pending",
                    "courseline_outbox_oldest_pending_seconds");
            ExportedNames.check(SERVICE, scrape.names());
        });
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(web);
    }

    private static Map<String, Object> enrolment(String runId, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("runId", runId);
        body.put("learner", new HashMap<>(Map.of("name", "Grace Okafor", "email", email)));
        body.put("consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        return body;
    }
}
