package dev.courseline.benchmarks;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;

/**
 * The most the store and the broker allow for one intake: a plain-Java insert of an enquiry-sized document into the
 * same MongoDB endpoint, then an acknowledged send of an event-sized record to the same broker. No HTTP, no
 * framework: what intake would cost if it cost nothing itself.
 */
final class BareCeiling implements AutoCloseable {

    private final MongoClient mongo;
    private final MongoCollection<Document> enquiries;
    private final KafkaProducer<String, byte[]> producer;

    BareCeiling(String mongoUri, String bootstrapServers) {
        this.mongo = MongoClients.create(mongoUri);
        this.enquiries = mongo.getDatabase("courseline-benchmark").getCollection("ceiling");
        Properties producerSettings = new Properties();
        producerSettings.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "1"));
        this.producer = new KafkaProducer<>(producerSettings, new StringSerializer(), new ByteArraySerializer());
    }

    boolean intake(long sequence) throws Exception {
        String id = UUID.randomUUID().toString();
        String request = QuoteRequests.body("Ceiling Org " + sequence, "ceiling-" + sequence);
        Document payload = Document.parse(request);
        Document enquiry = Document.parse(request)
                .append("_id", id)
                .append("receivedAt", Instant.now().toString())
                .append("lead", new Document("leadId", UUID.randomUUID().toString()).append("team", "emea")
                        .append("status", "NEW").append("routingReason", "organisation country is in region emea"))
                .append("pendingEvents", List.of(new Document("eventId", UUID.randomUUID().toString())
                        .append("type", "courseline.enquiry.quote-requested.v1").append("payload", payload)));
        enquiries.insertOne(enquiry);
        producer.send(new ProducerRecord<>("benchmark.ceiling", id, payload.toJson().getBytes())).get();
        return true;
    }

    @Override
    public void close() {
        producer.close();
        mongo.close();
    }
}
