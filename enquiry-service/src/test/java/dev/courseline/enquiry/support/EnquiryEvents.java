package dev.courseline.enquiry.support;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.localstack.LocalStack;

/** Reads what the service really published on {@code enquiries}, with a plain consumer of its own group. */
public final class EnquiryEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public EnquiryEvents() {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "enquiry-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("enquiries"));
    }

    /** Every record seen so far with this key, in order; polls until {@code until} holds for them. */
    public synchronized List<Event> awaitFor(String key, Predicate<List<Event>> until, Duration atMost) {
        AtomicReference<List<Event>> result = new AtomicReference<>(List.of());
        await().atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            poll();
            result.set(withKey(key));
            return until.test(result.get());
        });
        return result.get();
    }

    public Event awaitOne(String key, String type) {
        return awaitFor(key, events -> events.stream().anyMatch(e -> e.type().equals(type)), Duration.ofSeconds(20))
                .stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow();
    }

    /** Records seen with this key after reading everything currently on the topic. */
    public synchronized List<Event> drainFor(String key) {
        for (int i = 0; i < 5; i++) {
            poll();
        }
        return withKey(key);
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    private List<Event> withKey(String key) {
        return seen.stream().filter(r -> key.equals(r.key())).map(Event::of).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }

    public record Event(String key, String type, Map<String, String> headers, JsonNode payload) {

        static Event of(ConsumerRecord<String, byte[]> record) {
            Map<String, String> headers = new java.util.HashMap<>();
            record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            return new Event(record.key(), headers.get("ce_type"), headers, JSON.readTree(record.value()));
        }
    }
}
