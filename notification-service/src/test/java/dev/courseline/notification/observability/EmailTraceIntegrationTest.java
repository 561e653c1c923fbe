package dev.courseline.notification.observability;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.notification.dispatch.EmailTraces;
import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;

/**
 * An event's trace goes on into its emails: the consumer continues the record's {@code traceparent}, the dispatcher
 * sends within it from its own thread, and the email and the delivery log name the trace.
 */
class EmailTraceIntegrationTest extends IntegrationTest {

    private static final String QUOTE = "courseline.enquiry.quote-requested.v1";

    @LocalServerPort
    int port;

    @Test
    void theEmailsOfAnEventAndTheirDeliveryLogEntriesNameTheEventsTrace() {
        Traceparent producer = new Traceparent(randomHex(16), randomHex(8), true);
        String email = "traced." + UUID.randomUUID() + "@example.com";
        ObjectNode quote = ContractEvents.example(QUOTE);
        String enquiryId = UUID.randomUUID().toString();
        quote.put("enquiryId", enquiryId);
        ((ObjectNode) quote.path("contact")).put("email", email);
        ((ObjectNode) quote.path("lead")).put("leadId", UUID.randomUUID().toString());

        EnquiryTopic.publish(UUID.randomUUID().toString(), QUOTE, enquiryId, ContractEvents.bytes(quote),
                Map.of(Traceparent.HEADER, producer.value()));

        ReceivedEmail acknowledgement = Inbox.awaitOne(to(email));
        assertThat(acknowledgement.header(EmailTraces.TRACE_ID_HEADER)).isEqualTo(producer.traceId());
        Traceparent sent = Traceparent.parse(acknowledgement.header(Traceparent.HEADER)).orElseThrow();
        assertThat(sent.traceId()).isEqualTo(producer.traceId());
        assertThat(sent.spanId()).as("the send's own span").isNotEqualTo(producer.spanId());

        WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        String token = LocalStack.current().tokenFor("sam");
        JsonNode entry = await().atMost(Duration.ofSeconds(10)).until(() -> client.get()
                .uri("/api/notifications?aboutId={id}", enquiryId).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("items").path(0),
                item -> !item.isMissingNode());
        assertThat(entry.path("traceId").asString()).isEqualTo(producer.traceId());
        client.get().uri("/api/notifications/{id}", entry.path("id").asString()).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isOk()
                .expectHeader().value(Traceparent.HEADER, value -> assertThat(Traceparent.parse(value)).isPresent())
                .expectBody().jsonPath("$.traceId").isEqualTo(producer.traceId());
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
