package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
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

/**
 * The erasure is keyed by the person, a quote by its enquiry: on different partitions, the erasure can be read
 * first. A quote made before the erasure but read after it sends nothing, to the person or about them; a quote the
 * same person makes after the erasure is answered as usual.
 */
class ErasureRaceIntegrationTest extends IntegrationTest {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anErasureThatOvertakesAnEarlierQuoteLeavesNoEmailToTheErasedAddress() throws Exception {
        String email = "Raced." + UUID.randomUUID() + "@Example.com";
        Instant quoted = Instant.now().minusSeconds(60);
        ObjectNode erased = ContractEvents.example("courseline.enquiry.person-erased.v1");
        erased.put("emailSha256", sha256(email.toLowerCase()));
        erased.put("erasedAt", Instant.now().toString());
        EnquiryTopic.publish("courseline.enquiry.person-erased.v1", sha256(email.toLowerCase()), erased);
        // The race under test is the erasure read first; on two partitions Kafka does not promise that order, so
        // the quote is published only once the erasure is on record.
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.exists(
                new Query(where("_id").is(sha256(email.toLowerCase()))), "erased_people").block());

        ObjectNode quote = LeadNotificationIntegrationTest.freshQuote("Raced Org " + UUID.randomUUID(), email);
        String enquiryId = quote.path("enquiryId").asString();
        String leadId = quote.path("lead").path("leadId").asString();
        EnquiryTopic.publishAt("courseline.enquiry.quote-requested.v1", enquiryId, quote, quoted);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<Notification> stored = mongo.find(new Query(where("aboutId").in(leadId, enquiryId)),
                    Notification.class).collectList().block();
            assertThat(stored).isNotEmpty().allSatisfy(notification -> {
                assertThat(notification.status()).isEqualTo(NotificationStatus.ERASED);
                assertThat(notification.recipient()).doesNotContainIgnoringCase(email);
            });
        });

        // A later quote of the same address, made after the erasure, is answered: the pipeline did run meanwhile.
        ObjectNode again = LeadNotificationIntegrationTest.freshQuote("Raced Again " + UUID.randomUUID(), email);
        EnquiryTopic.publish("courseline.enquiry.quote-requested.v1", again.path("enquiryId").asString(), again);
        Inbox.awaitOne(to(email));

        assertThat(Inbox.matching(to(email))).hasSize(1);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
