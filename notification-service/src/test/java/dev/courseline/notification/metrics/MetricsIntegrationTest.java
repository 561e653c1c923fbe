package dev.courseline.notification.metrics;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;

/** What {@code /actuator/prometheus} shows, read anonymously as Prometheus would, after a quote request's emails. */
class MetricsIntegrationTest extends IntegrationTest {

    private static final String QUOTE = "courseline.enquiry.quote-requested.v1";
    private static final String SENT = "courseline_notifications_sent_total";
    private static final String DELAY_COUNT = "courseline_email_delay_seconds_count";

    @LocalServerPort
    int port;

    @Test
    void aQuoteRequestsTwoEmailsCountAsSentByKindWithTheirDelayFromTheEventAndTheDeliveryLogCountsThemSent() {
        PrometheusScrape before = scrape();
        String email = "priya." + UUID.randomUUID() + "@northwind.example";

        EnquiryTopic.publish(QUOTE, UUID.randomUUID().toString(), quote(email));
        Inbox.awaitOne(to(email));
        Inbox.awaitOne(to("sales-emea@courseline.dev").and(Inbox.textContains(email)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(increase(before, after, SENT, "kind", "lead_notification")).isEqualTo(1);
            assertThat(increase(before, after, SENT, "kind", "acknowledgement")).isEqualTo(1);
            assertThat(increase(before, after, DELAY_COUNT)).isEqualTo(2);
            assertThat(increase(before, after, "courseline_email_delay_seconds_sum")).isPositive();
            assertThat(increase(before, after, "courseline_email_delay_seconds_bucket", "le", "+Inf")).isEqualTo(2);
            assertThat(increase(before, after, "courseline_notifications", "state", "sent")).isGreaterThanOrEqualTo(2);
            assertThat(after.value("courseline_notifications", "state", "failed")).isNotNull();
        });
    }

    @Test
    void exportsTheCommittedNamesAfterAQuoteRequestsEmailsWithHttpJvmKafkaAndMongoMetricsAmongThem() {
        String email = "names." + UUID.randomUUID() + "@northwind.example";
        EnquiryTopic.publish(QUOTE, UUID.randomUUID().toString(), quote(email));
        Inbox.awaitOne(to(email));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape scrape = scrape();
            assertThat(scrape.names()).contains("http_server_requests_seconds_count", "jvm_memory_used_bytes",
                    "kafka_consumer_fetch_manager_records_lag_max", "mongodb_driver_commands_seconds_count",
                    "mongodb_driver_pool_size", SENT, DELAY_COUNT, "courseline_email_delay_seconds_bucket",
                    "courseline_notifications");
            ExportedNames.check("notification-service", scrape.names());
        });
    }

    private PrometheusScrape scrape() {
        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)).build();
        return PrometheusScrape.parse(client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static double increase(PrometheusScrape before, PrometheusScrape after, String name, String... labels) {
        Double earlier = before.value(name, labels);
        Double later = after.value(name, labels);
        assertThat(later).as(name + " " + String.join(",", labels)).isNotNull();
        return later - (earlier == null ? 0 : earlier);
    }

    /** The contract's quote, about a fresh enquiry and lead, from {@code email}; the lead goes to team emea. */
    private static ObjectNode quote(String email) {
        ObjectNode quote = ContractEvents.example(QUOTE);
        String enquiryId = UUID.randomUUID().toString();
        String leadId = UUID.randomUUID().toString();
        quote.put("enquiryId", enquiryId);
        ((ObjectNode) quote.path("contact")).put("email", email);
        ((ObjectNode) quote.path("lead")).put("leadId", leadId);
        ((ObjectNode) quote.path("links")).put("lead", "http://localhost:8080/staff/leads/" + leadId)
                .put("status", "http://localhost:8080/enquiries/" + enquiryId);
        return quote;
    }
}
