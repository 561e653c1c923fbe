package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationStatus;
import dev.courseline.notification.support.ContractEvents;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;

class PersonErasureIntegrationTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anErasureRemovesThePersonsDataFromEveryStoredEmailAboutThem() throws Exception {
        String email = "Forget.Me." + UUID.randomUUID() + "@Example.com";
        String organisation = "Erased Org " + UUID.randomUUID();
        ObjectNode quote = LeadNotificationIntegrationTest.freshQuote(organisation, email);
        String leadId = quote.path("lead").path("leadId").asString();
        String contactName = quote.path("contact").path("name").asString();
        String enquiryId = quote.path("enquiryId").asString();
        EnquiryTopic.publish("courseline.enquiry.quote-requested.v1", enquiryId, quote);
        Inbox.awaitOne(to(email));
        Inbox.awaitOne(to("sales-emea@courseline.dev").and(Inbox.textContains(organisation)));

        ObjectNode erased = ContractEvents.example("courseline.enquiry.person-erased.v1");
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(email.toLowerCase().getBytes(StandardCharsets.UTF_8)));
        erased.put("emailSha256", hash);
        EnquiryTopic.publish("courseline.enquiry.person-erased.v1", hash, erased);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Notification> stored = mongo.find(new Query(where("aboutId").in(leadId, enquiryId)),
                    Notification.class).collectList().block();
            assertThat(stored).hasSize(2).allSatisfy(notification -> {
                assertThat(notification.erasedAt()).isNotNull();
                assertThat(notification.status()).isEqualTo(NotificationStatus.SENT);
                String everything = notification.recipient() + notification.content();
                assertThat(everything).doesNotContainIgnoringCase(email).doesNotContain(contactName, organisation);
            });
        });
    }
}
