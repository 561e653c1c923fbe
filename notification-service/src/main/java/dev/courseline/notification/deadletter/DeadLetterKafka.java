package dev.courseline.notification.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * This service's own Kafka clients for dead letters: the producer that writes them (and replays them to their
 * original topic, acknowledged by every replica), and short-lived consumers that read a dead-letter topic from its
 * start, outside any consumer group, so listing them moves no offset.
 */
@Component
public class DeadLetterKafka implements DisposableBean {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private final String brokers;
    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> producer;

    public DeadLetterKafka(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        this.brokers = brokers;
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        this.producer = new KafkaTemplate<>(producers);
    }

    KafkaTemplate<String, byte[]> producer() {
        return producer;
    }

    /** Sends and waits until the broker has the record. */
    void publish(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing to " + record.topic(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish to " + record.topic() + ": " + e.getMessage(), e);
        }
    }

    /** Every record of the topic now, oldest first per partition, at most {@code limit} of the newest overall. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic, int limit) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, READ_TIMEOUT);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(assigned, READ_TIMEOUT);
            for (TopicPartition partition : assigned) {
                // Only the newest `limit` of each partition can be among the newest `limit` overall.
                consumer.seek(partition, Math.max(starts.get(partition), ends.get(partition) - limit));
            }
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (assigned.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Timed out reading " + topic);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records.stream()
                    .sorted(Comparator.comparingLong(ConsumerRecord<String, byte[]>::timestamp).reversed())
                    .limit(limit)
                    .toList();
        }
    }

    /** The record at that offset, if the topic still has it. */
    Optional<ConsumerRecord<String, byte[]>> read(TopicPartition partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<PartitionInfo> partitions = consumer.partitionsFor(partition.topic(), READ_TIMEOUT);
            if (partitions == null
                    || partitions.stream().noneMatch(info -> info.partition() == partition.partition())) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            long start = consumer.beginningOffsets(List.of(partition), READ_TIMEOUT).get(partition);
            if (offset < start || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(partition, offset);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            throw new IllegalStateException("Timed out reading " + partition + " at " + offset);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
