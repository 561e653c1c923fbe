package dev.courseline.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
class KafkaBrokerProcessIntegrationTest {

    private final LocalStack stack = LocalStack.current();

    @Test
    void aRecordProducedToTheBrokerProcessIsConsumed() throws Exception {
        String topic = "local-stack-" + UUID.randomUUID();
        String value = "hello " + UUID.randomUUID();

        send(topic, "key-1", value);

        assertThat(readAll(topic, 1)).containsExactly(value);
    }

    @Test
    void theBrokerRestartsOnTheSamePortWithItsData() throws Exception {
        Assumptions.assumeTrue(stack.supportsBrokerRestart(),
                "a broker container cannot restart on the same port (embedded mode only)");
        String topic = "local-stack-restart-" + UUID.randomUUID();
        send(topic, "before", "written before the restart");

        stack.stopKafka();
        assertThat(isListening()).as("broker port after stopKafka").isFalse();
        stack.startKafka();
        send(topic, "after", "written after the restart");

        assertThat(readAll(topic, 2)).containsExactly("written before the restart", "written after the restart");
    }

    @Test
    void aKilledBrokerRestartsOnTheSamePortWithWhatItAcknowledged() throws Exception {
        Assumptions.assumeTrue(stack.supportsBrokerRestart(),
                "a broker container cannot restart on the same port (embedded mode only)");
        String topic = "local-stack-kill-" + UUID.randomUUID();
        send(topic, "before", "acknowledged before the kill");

        stack.killKafka();
        assertThat(isListening()).as("broker port after killKafka").isFalse();
        stack.startKafka();
        send(topic, "after", "written after the restart");

        assertThat(readAll(topic, 2)).containsExactly("acknowledged before the kill", "written after the restart");
    }

    @Test
    void theBootstrapServersAreTheSystemPropertyServicesRead() {
        assertThat(System.getProperty("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(stack.kafkaBootstrapServers());
    }

    private boolean isListening() {
        int port = Integer
                .parseInt(stack.kafkaBootstrapServers().substring(stack.kafkaBootstrapServers().lastIndexOf(':') + 1));
        return dev.courseline.localstack.support.Ports.isListening(port);
    }

    private void send(String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            RecordMetadata metadata = producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
            assertThat(metadata.hasOffset()).isTrue();
        }
    }

    private List<String> readAll(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
