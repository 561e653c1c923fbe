package dev.courseline.faults;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A plain Kafka producer writing CloudEvents records (binary mode: {@code ce_*} headers, JSON value) straight onto a
 * topic a service consumes, as the service that owns the topic would, so a scenario can put any record it likes there,
 * valid or not.
 */
final class TopicFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String source;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();

    TopicFeed(String bootstrapServers, String source) {
        this.source = source;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** Sends one record without waiting; {@link #flush()} waits for all of them. */
    void send(String topic, String key, String type, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value.getBytes(StandardCharsets.UTF_8));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", source);
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        sent.add(producer.send(record));
    }

    /** Waits until the broker acknowledged every record sent so far; throws if one was not. */
    void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("a record was not acknowledged by the broker", e);
        } finally {
            sent.clear();
        }
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
