package dev.courseline.notification.erasure;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;

/** Sent emails keep their personal data for the retention period, and not a moment longer. */
class DeliveryLogRetentionIntegrationTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    DeliveryLogRetention retention;

    @Value("${courseline.notification.retention}")
    Duration period;

    @Test
    void aSentEmailLosesItsPersonalDataOnceTheRetentionPeriodIsOver() {
        String email = "kept." + UUID.randomUUID() + "@example.com";
        String enquiryId = UUID.randomUUID().toString();
        String leadId = UUID.randomUUID().toString();
        ObjectNode membership = ContractEvents.example("courseline.enquiry.membership-requested.v1");
        membership.put("enquiryId", enquiryId);
        ((ObjectNode) membership.path("contact")).put("email", email);
        ((ObjectNode) membership.path("lead")).put("leadId", leadId);
        EnquiryTopic.publish("courseline.enquiry.membership-requested.v1", enquiryId, membership);
        Inbox.awaitOne(to(email));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !stored(enquiryId, leadId).isEmpty() && stored(enquiryId, leadId)
                        .stream().allMatch(notification -> notification.status() == NotificationStatus.SENT));
        Instant recorded = stored(enquiryId, leadId).stream().map(Notification::createdAt).max(Instant::compareTo)
                .orElseThrow();

        retention.apply(recorded.plus(period).minusSeconds(60)).block();
        assertThat(stored(enquiryId, leadId))
                .anySatisfy(notification -> assertThat(notification.recipient()).isEqualTo(email));

        retention.apply(recorded.plus(period).plusSeconds(60)).block();
        assertThat(stored(enquiryId, leadId)).allSatisfy(notification -> {
            assertThat(notification.erasedAt()).isNotNull();
            assertThat(notification.recipient() + notification.content()).doesNotContain(email);
        });
    }

    private List<Notification> stored(String enquiryId, String leadId) {
        return mongo.find(new Query(where("aboutId").in(enquiryId, leadId)), Notification.class).collectList().block();
    }
}
