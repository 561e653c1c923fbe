package dev.courseline.notification.deliverylog;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.notification.notification.Attempt;
import dev.courseline.notification.notification.EmailContent;
import dev.courseline.notification.notification.NewNotification;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;
import dev.courseline.notification.support.ReceivedEmail;

@SuppressWarnings("unchecked")
class DeliveryLogIntegrationTest extends IntegrationTest {

    private static final String PREFIX = "courseline.enquiry.";

    @LocalServerPort
    int port;

    @Autowired
    ReactiveMongoTemplate mongo;

    WebTestClient client;

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void withoutATokenTheDeliveryLogAnswers401WithAProblemBody() {
        client.get().uri("/api/notifications").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        client.post().uri("/api/notifications/{id}/retry", UUID.randomUUID()).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aForgedOrForeignTokenIsRefused() {
        client.get().uri("/api/notifications").header("Authorization", "Bearer not-a-jwt").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aCatalogueManagerIsRefusedWith403() {
        client.get().uri("/api/notifications").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("cora")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        client.post().uri("/api/notifications/{id}/retry", UUID.randomUUID())
                .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("cora")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void salesStaffSeeFailedNotificationsWithTheirAttemptsAndCanRetryOne() {
        String recipient = "retry." + UUID.randomUUID() + "@example.com";
        Notification failed = storeFailed(recipient);
        String token = LocalStack.current().tokenFor("sam");

        client.get().uri("/api/notifications?status=FAILED&size=100").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[?(@.id == '" + failed.id() + "')].recipient").isEqualTo(recipient)
                .jsonPath("$.items[*].status")
                .value(statuses -> assertThat((List<Object>) statuses).containsOnly("FAILED"));
        client.get().uri("/api/notifications/{id}", failed.id()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("FAILED")
                .jsonPath("$.lastError").isEqualTo("550 mailbox unavailable")
                .jsonPath("$.attempts.length()").isEqualTo(1)
                .jsonPath("$.attempts[0].outcome").isEqualTo("PERMANENT_FAILURE");

        client.post().uri("/api/notifications/{id}/retry", failed.id())
                .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada"))).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("PENDING");

        ReceivedEmail email = Inbox.awaitOne(to(recipient));
        assertThat(email.messageId()).isEqualTo(failed.messageId());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> client.get().uri("/api/notifications/{id}", failed.id())
                        .headers(h -> h.setBearerAuth(token))
                        .exchange().expectBody()
                        .jsonPath("$.status").isEqualTo("SENT")
                        .jsonPath("$.attempts.length()").isEqualTo(2)
                        .jsonPath("$.attempts[1].outcome").isEqualTo("DELIVERED"));
        client.post().uri("/api/notifications/{id}/retry", failed.id()).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void onlyAFailedNotificationCanBeRetried() {
        String token = LocalStack.current().tokenFor("sam");
        client.post().uri("/api/notifications/{id}/retry", UUID.randomUUID()).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.get().uri("/api/notifications/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(token))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void badListParametersAreNamedInTheProblemBody() {
        client.get().uri("/api/notifications?status=LOST&size=1000&page=-1")
                .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("sam"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<Object>) fields).containsExactlyInAnyOrder("status", "page", "size"));
    }

    @Test
    void theEmailsAboutALeadAreFoundByItsLeadIdOrItsEnquiryIdWithTheirLastError() {
        String leadId = UUID.randomUUID().toString();
        String enquiryId = UUID.randomUUID().toString();
        String requester = "about." + UUID.randomUUID() + "@example.com";
        ObjectNode quote = ContractEvents.example(PREFIX + "quote-requested.v1");
        quote.put("enquiryId", enquiryId);
        ((ObjectNode) quote.path("organisation")).put("name", "About Co " + UUID.randomUUID());
        ((ObjectNode) quote.path("contact")).put("email", requester);
        ((ObjectNode) quote.path("lead")).put("leadId", leadId);
        ObjectNode overdue = ContractEvents.example(PREFIX + "lead-overdue.v1").put("leadId", leadId)
                .put("enquiryId", enquiryId);
        ObjectNode reassigned = ContractEvents.example(PREFIX + "lead-assigned.v1").put("leadId", leadId)
                .put("enquiryId", enquiryId);
        EnquiryTopic.publish(PREFIX + "quote-requested.v1", enquiryId, quote);
        EnquiryTopic.publish(PREFIX + "lead-overdue.v1", leadId, overdue);
        EnquiryTopic.publish(PREFIX + "lead-assigned.v1", leadId, reassigned);
        Notification unrelated = storeFailed("unrelated." + UUID.randomUUID() + "@example.com");
        String token = LocalStack.current().tokenFor("sam");

        List<String> kinds = List.of("ACKNOWLEDGEMENT", "ESCALATION", "LEAD_NOTIFICATION", "LEAD_REASSIGNED");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (String id : List.of(leadId, enquiryId)) {
                client.get().uri("/api/notifications?aboutId={id}", id).headers(h -> h.setBearerAuth(token))
                        .exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.totalItems").isEqualTo(4)
                        .jsonPath("$.items[*].kind")
                        .value(found -> assertThat((List<Object>) found).containsExactlyInAnyOrderElementsOf(kinds))
                        .jsonPath("$.items[?(@.kind == 'ACKNOWLEDGEMENT')].aboutId").isEqualTo(enquiryId)
                        .jsonPath("$.items[?(@.kind == 'ACKNOWLEDGEMENT')].recipient").isEqualTo(requester)
                        .jsonPath("$.items[?(@.kind == 'LEAD_NOTIFICATION')].aboutId").isEqualTo(leadId)
                        .jsonPath("$.items[?(@.kind == 'ESCALATION')].aboutId").isEqualTo(leadId)
                        .jsonPath("$.items[*].lastError")
                        .value(errors -> assertThat((List<Object>) errors).containsOnlyNulls());
            }
        });

        client.get().uri("/api/notifications?aboutId={lead}&aboutId={other}&status=FAILED", leadId, unrelated.aboutId())
                .headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.totalItems").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(unrelated.id())
                .jsonPath("$.items[0].aboutId").isEqualTo(unrelated.aboutId())
                .jsonPath("$.items[0].lastError").isEqualTo("550 mailbox unavailable");
        client.get().uri("/api/notifications?aboutId={id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(token))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.totalItems").isEqualTo(0);
    }

    @Test
    void tooManyOrTooLongAboutIdsAreNamed() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            query.append("&aboutId=").append(UUID.randomUUID());
        }
        for (String bad : List.of(query.substring(1), "aboutId=" + "x".repeat(101))) {
            client.get().uri("/api/notifications?" + bad)
                    .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("sam"))).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("aboutId");
        }
    }

    private Notification storeFailed(String recipient) {
        Instant now = Instant.now();
        NewNotification email = new NewNotification(NotificationKind.ACKNOWLEDGEMENT, recipient,
                UUID.randomUUID().toString(), new EmailContent("We have received your request", "Thank you.",
                        "<p>Thank you.</p>", null),
                List.of());
        Notification pending = Notification.pending(UUID.randomUUID().toString(), "test", email, now);
        Notification failed = new Notification(pending.id(), pending.eventId(), pending.eventType(), pending.kind(),
                pending.aboutId(), pending.recipient(), pending.content(), pending.personEmailHashes(),
                NotificationStatus.FAILED, 1,
                List.of(new Attempt(now, Attempt.Outcome.PERMANENT_FAILURE, "550 mailbox unavailable")), now,
                null, null, "550 mailbox unavailable", now, null, null, pending.relatedIds());
        mongo.insert(failed).block();
        return failed;
    }
}
