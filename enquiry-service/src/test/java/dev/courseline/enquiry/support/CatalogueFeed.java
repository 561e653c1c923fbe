package dev.courseline.enquiry.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;

/**
 * Plays the catalogue: produces the catalogue's own example payloads (from {@code catalogue-service/contracts}), with
 * the ids, dates and capacities a test needs, to {@code catalogue.offerings}.
 */
public final class CatalogueFeed implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());

    /** The catalogue's example run, scheduled a month ahead, with this id, capacity and version. */
    public ObjectNode run(String id, int maxCapacity, long version, String status) {
        ObjectNode run = (ObjectNode) JSON.readTree(example("courseline.catalogue.run-scheduled.v1"));
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusDays(30).withHour(9).withMinute(0).withSecond(0)
                .withNano(0);
        run.put("id", id);
        run.put("maxCapacity", maxCapacity);
        run.put("version", version);
        run.put("status", status);
        run.put("start", start.toString());
        run.put("end", start.plusDays(1).withHour(17).toString());
        run.put("timeZone", "UTC");
        run.put("startUtc", start.toInstant(ZoneOffset.UTC).toString());
        run.put("endUtc", start.plusDays(1).withHour(17).toInstant(ZoneOffset.UTC).toString());
        run.put("updatedAt", Instant.now().toString());
        return run;
    }

    public void publishRun(String type, ObjectNode run) {
        publish(type, run.get("id").asString(), run);
    }

    public void publish(String type, String key, ObjectNode payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("catalogue.offerings", key,
                JSON.writeValueAsBytes(payload));
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_type", type);
        header(record, "ce_source", "/courseline/catalogue-service");
        header(record, "ce_time", Instant.now().toString());
        header(record, "ce_subject", key);
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to catalogue.offerings", e);
        }
    }

    public static String example(String type) {
        Path path = Path.of("../catalogue-service/contracts/events", type + ".json");
        if (!Files.exists(path)) {
            path = Path.of("catalogue-service/contracts/events", type + ".json");
        }
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
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
