package dev.courseline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The faults tests inject, in whichever mode the stack runs (SIGSTOP or a paused container; a wire server that stops
 * listening or a paused container): while injected, clients get nothing; afterwards they carry on, with the data.
 */
@WithLocalStack
class FaultInjectionIntegrationTest {

    private final LocalStack stack = LocalStack.current();

    @Test
    void aPausedBrokerAnswersNothingUntilItIsUnpaused() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1500,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            String topic = "paused-" + UUID.randomUUID();
            producer.send(new ProducerRecord<>(topic, "before", "x")).get(30, TimeUnit.SECONDS);

            stack.pauseKafka();
            try {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "during", "x"))
                        .get(10, TimeUnit.SECONDS)).isNotNull();
            } finally {
                stack.unpauseKafka();
            }

            assertThat(producer.send(new ProducerRecord<>(topic, "after", "x")).get(30, TimeUnit.SECONDS).hasOffset())
                    .isTrue();
        }
    }

    @Test
    void aSuspendedStoreRefusesItsClientsAndComesBackWithItsData() {
        String uri = stack.mongoUri("courseline-test") + "?serverSelectionTimeoutMS=1500&socketTimeoutMS=3000";
        String id = UUID.randomUUID().toString();
        try (MongoClient client = MongoClients.create(uri)) {
            var probes = client.getDatabase("courseline-test").getCollection("fault-probe");
            probes.insertOne(new Document("_id", id));

            stack.suspendMongo();
            try {
                assertThatThrownBy(() -> probes.countDocuments(new Document("_id", id))).isNotNull();
            } finally {
                stack.resumeMongo();
            }

            assertThat(probes.countDocuments(new Document("_id", id))).isEqualTo(1);
        }
    }
}
