package dev.courseline.notification.events;

import static dev.courseline.notification.support.Inbox.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.notification.support.EnquiryTopic;
import dev.courseline.notification.support.Inbox;
import dev.courseline.notification.support.IntegrationTest;

class DeadLetterIntegrationTest extends IntegrationTest {

    private static final String QUOTE = "courseline.enquiry.quote-requested.v1";

    @Test
    void aMalformedRecordLandsOnTheDeadLetterTopicAndTheRecordsAfterItAreStillDelivered() {
        String key = UUID.randomUUID().toString();
        String badEventId = UUID.randomUUID().toString();
        EnquiryTopic.publish(badEventId, QUOTE, key, "{\"enquiryId\": ".getBytes(StandardCharsets.UTF_8));
        String organisation = "After the bad one " + UUID.randomUUID();
        ObjectNode good = LeadNotificationIntegrationTest.freshQuote(organisation,
                "good." + UUID.randomUUID() + "@example.com");
        EnquiryTopic.publish(QUOTE, key, good);

        Inbox.awaitOne(to("sales-emea@courseline.dev").and(Inbox.textContains(organisation)));
        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"enquiryId\": ");
        assertThat(new String(dead.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(badEventId);
        assertThat(dead.headers().lastHeader("x-exception-message")).isNotNull();
    }

    @Test
    void aRecordMissingFieldsAnEmailNeedsIsDeadLetteredInsteadOfRetriedForEver() {
        String key = UUID.randomUUID().toString();
        ObjectNode incomplete = LeadNotificationIntegrationTest.freshQuote("Incomplete " + UUID.randomUUID(),
                "incomplete@example.com");
        incomplete.remove("contact");
        EnquiryTopic.publish(QUOTE, key, incomplete);

        ConsumerRecord<String, byte[]> dead = awaitDeadLetter(key);
        assertThat(new String(dead.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .contains("contact");
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of("enquiries.notification-service.dlq"));
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
