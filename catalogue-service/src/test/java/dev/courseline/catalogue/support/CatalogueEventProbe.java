package dev.courseline.catalogue.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import dev.courseline.catalogue.events.Topics;

/**
 * Reads {@code catalogue.offerings} from the beginning with a plain Kafka consumer, as any consumer of the catalogue
 * would, and keeps what it saw. Not thread-safe: poll it from the test thread (Awaitility's pollInSameThread).
 */
public final class CatalogueEventProbe implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ReceivedEvent> received = new ArrayList<>();

    public CatalogueEventProbe(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(properties);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CATALOGUE_OFFERINGS, Duration.ofSeconds(30))
                .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Polls once more and answers every event seen so far with this key, in the order it was published. */
    public List<ReceivedEvent> eventsFor(String key) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            received.add(ReceivedEvent.of(record));
        }
        return received.stream().filter(event -> key.equals(event.key())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }

    /** One record as a consumer sees it: key, CloudEvents headers and the JSON payload as text. */
    public record ReceivedEvent(String key, Map<String, String> headers, String payload) {

        static ReceivedEvent of(ConsumerRecord<String, String> record) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }
            return new ReceivedEvent(record.key(), headers, record.value());
        }

        public String type() {
            return headers.get("ce_type");
        }
    }
}
