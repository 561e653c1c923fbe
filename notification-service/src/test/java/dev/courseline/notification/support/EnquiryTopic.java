package dev.courseline.notification.support;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;

/** Publishes to {@code enquiries} the way the enquiry service does: CloudEvents binary mode, string keys. */
public final class EnquiryTopic {

    private static KafkaProducer<String, byte[]> producer;

    private EnquiryTopic() {
    }

    /** Sends an event with a fresh event id and returns that id. */
    public static String publish(String type, String key, ObjectNode payload) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, type, key, ContractEvents.bytes(payload));
        return eventId;
    }

    public static void publish(String eventId, String type, String key, byte[] value) {
        publish(eventId, type, key, value, Instant.now(), Map.of());
    }

    /** An event that happened at {@code time} (its ce_time), as one delivered late would be. */
    public static String publishAt(String type, String key, ObjectNode payload, Instant time) {
        String eventId = UUID.randomUUID().toString();
        publish(eventId, type, key, ContractEvents.bytes(payload), time, Map.of());
        return eventId;
    }

    /** The same with further headers, such as the {@code traceparent} of the trace it belongs to. */
    public static void publish(String eventId, String type, String key, byte[] value, Map<String, String> more) {
        publish(eventId, type, key, value, Instant.now(), more);
    }

    private static void publish(String eventId, String type, String key, byte[] value, Instant time,
            Map<String, String> more) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("enquiries", key, value);
        more.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> headers = Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_type", type,
                "ce_source", "/courseline/enquiry-service",
                "ce_time", time.toString(),
                "ce_subject", key,
                "content-type", "application/json");
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            producer().send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + type, e);
        }
    }

    private static synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        return producer;
    }
}
