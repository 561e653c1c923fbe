package dev.courseline.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The containers path (apache/kafka and mongo images); skipped on machines without a Docker engine. */
@Testcontainers(disabledWithoutDocker = true)
class ContainersModeIntegrationTest {

    @Test
    void theStackRunsOnContainersWithARealReplicaSet() throws Exception {
        try (LocalStack stack = LocalStack.start(LocalStackSettings.forTests(InfraMode.CONTAINERS))) {
            try (Admin admin = Admin
                    .create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
                assertThat(admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isNotEmpty();
            }
            String id = UUID.randomUUID().toString();
            try (MongoClient client = MongoClients.create(stack.mongoUri("courseline-test"))) {
                var collection = client.getDatabase("courseline-test").getCollection("probe");
                collection.insertOne(new Document("_id", id));
                assertThat(collection.countDocuments(new Document("_id", id))).isEqualTo(1);
            }
            assertThat(stack.supportsBrokerRestart()).isFalse();
            assertThatThrownBy(stack::stopKafka).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
