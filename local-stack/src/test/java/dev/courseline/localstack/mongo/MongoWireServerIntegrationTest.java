package dev.courseline.localstack.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;
import dev.courseline.localstack.support.Ports;
import java.nio.file.Path;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithLocalStack
class MongoWireServerIntegrationTest {

    @Test
    void aDocumentInsertedThroughTheStackUriIsFound() {
        String id = UUID.randomUUID().toString();
        try (MongoClient client = MongoClients.create(System.getProperty("MONGODB_URI"))) {
            MongoCollection<Document> courses = client.getDatabase("courseline-test").getCollection("courses");
            courses.insertOne(new Document("_id", id).append("title", "Professional Scrum Product Owner"));

            assertThat(courses.find(Filters.eq("_id", id)).first())
                    .containsEntry("title", "Professional Scrum Product Owner");
        }
        assertThat(System.getProperty("MONGODB_URI")).isEqualTo(LocalStack.current().mongoUri("courseline-test"));
    }

    @Test
    void theHelloCommandOfSpringBootsHealthIndicatorIsAnswered() {
        try (MongoClient client = MongoClients.create(System.getProperty("MONGODB_URI"))) {
            Document reply = client.getDatabase("courseline-test").runCommand(new Document("hello", 1));

            assertThat(reply.get("ok")).isEqualTo(1.0);
            assertThat(reply.get("isWritablePrimary")).isEqualTo(true);
            assertThat(reply.get("maxWireVersion")).isNotNull();
        }
    }

    @Test
    void theFileBackedServerKeepsItsDataAcrossARestart(@TempDir Path directory) {
        int port = Ports.freePort();
        Path file = directory.resolve("data/mongo/courseline.mv");
        String id = UUID.randomUUID().toString();
        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-catalogue"))) {
            client.getDatabase("courseline-catalogue").getCollection("courses")
                    .insertOne(new Document("_id", id).append("slug", "pspo"));
        }

        try (MongoWireServer server = MongoWireServer.inFile(port, file).start();
                MongoClient client = MongoClients.create(server.uri("courseline-catalogue"))) {
            Document found = client.getDatabase("courseline-catalogue").getCollection("courses")
                    .find(Filters.eq("_id", id)).first();

            assertThat(found).containsEntry("slug", "pspo");
        }
    }
}
