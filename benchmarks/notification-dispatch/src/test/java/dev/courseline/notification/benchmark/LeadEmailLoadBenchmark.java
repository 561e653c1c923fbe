package dev.courseline.notification.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;
import dev.courseline.notification.notification.Notification;
import dev.courseline.notification.notification.NotificationKind;
import dev.courseline.notification.notification.NotificationStatus;

/**
 * Not a test (Surefire does not pick up {@code *Benchmark}): a load run of the notification service's consumer and
 * dispatcher in this JVM, on the local stack (Kafka broker process, MongoDB-wire store, GreenMail). It publishes
 * quote-requested events at a fixed rate, the service records and dispatches them, and the figures (latency from
 * publication to the mail server's acceptance, losses, duplicates) are written to
 * {@code benchmarks/notification-dispatch/target/benchmarks/lead-email-load.txt}. {@code bench.seconds} is the whole
 * run, warm-up included. How to run it: benchmarks/README.md.
 *
 * <p>Latency is the notification's {@code sentAt} (written just after the mail server accepted the message, so an
 * upper bound) minus the moment the event was handed to the producer; the enquiry service's own request-to-Kafka time
 * is not in it.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeadEmailLoadBenchmark {

    private static final String QUOTE = "courseline.enquiry.quote-requested.v1";
    /** The enquiry service's contract examples, from this module's directory (where Maven runs the benchmark). */
    private static final Path CONTRACTS = Path.of("..", "..", "enquiry-service", "contracts", "events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void leadEmailsUnderSustainedLoad() throws Exception {
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 600);
        int warmupSeconds = Integer.getInteger("bench.warmupSeconds", 120);
        // Events of the ramped warm-up, then the measured window at the full rate.
        int total = (int) eventsDueAfter(seconds, rate, warmupSeconds);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Instant> publishedAt = new ConcurrentHashMap<>();
        Map<String, Integer> sequenceOf = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ObjectNode template = (ObjectNode) JSON.readTree(Files.readString(CONTRACTS.resolve(QUOTE + ".json")));

        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = producer()) {
            ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
            ticker.scheduleAtFixedRate(() -> {
                double elapsed = (System.nanoTime() - startNanos) / 1e9;
                long due = Math.min(total, eventsDueAfter(elapsed, rate, warmupSeconds));
                while (sent.get() < due) {
                    int i = sent.getAndIncrement();
                    ObjectNode quote = template.deepCopy();
                    String enquiryId = UUID.randomUUID().toString();
                    quote.put("enquiryId", enquiryId);
                    ((ObjectNode) quote.path("organisation")).put("name", "Bench " + run + " #" + i);
                    ((ObjectNode) quote.path("contact")).put("email", "bench-" + run + "-" + i + "@example.com");
                    ((ObjectNode) quote.path("lead")).put("leadId", UUID.randomUUID().toString());
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>("enquiries", enquiryId,
                            JSON.writeValueAsBytes(quote));
                    header(record, "ce_specversion", "1.0");
                    header(record, "ce_id", UUID.randomUUID().toString());
                    header(record, "ce_type", QUOTE);
                    header(record, "ce_source", "/courseline/enquiry-service");
                    header(record, "ce_time", Instant.now().toString());
                    header(record, "ce_subject", enquiryId);
                    header(record, "content-type", "application/json");
                    sequenceOf.put(enquiryId, i);
                    publishedAt.put(enquiryId, Instant.now());
                    producer.send(record);
                }
            }, 0, 10, TimeUnit.MILLISECONDS);
            await().atMost(Duration.ofSeconds(seconds + 60L)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> sent.get() >= total);
            ticker.shutdown();
            producer.flush();
        }
        Instant published = Instant.now();

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(5))
                .until(() -> countLeads(run, NotificationStatus.SENT) >= total);

        List<Long> measured = new ArrayList<>();
        List<Long> recorded = new ArrayList<>();
        List<Long> dispatched = new ArrayList<>();
        List<Notification> leads = mongo.find(new Query(where("kind").is(NotificationKind.LEAD_NOTIFICATION)
                .and("aboutId").exists(true).and("eventType").is(QUOTE)), Notification.class)
                .filter(n -> n.content().subject().contains("Bench " + run + " #"))
                .collectList().block();
        Map<String, String> enquiryOfLead = new HashMap<>();
        for (Notification lead : leads) {
            enquiryOfLead.put(lead.id(), enquiryIdIn(lead));
        }
        for (Notification lead : leads) {
            String enquiryId = enquiryOfLead.get(lead.id());
            if (sequenceOf.get(enquiryId) >= eventsDueAfter(warmupSeconds, rate, warmupSeconds)) {
                measured.add(Duration.between(publishedAt.get(enquiryId), lead.sentAt()).toMillis());
                recorded.add(Duration.between(publishedAt.get(enquiryId), lead.createdAt()).toMillis());
                dispatched.add(Duration.between(lead.createdAt(), lead.sentAt()).toMillis());
            }
        }
        measured.sort(Long::compare);
        recorded.sort(Long::compare);
        dispatched.sort(Long::compare);

        MimeMessage[] received = LocalStack.current().greenMail().getReceivedMessages();
        Map<String, Integer> leadCopies = new HashMap<>();
        for (MimeMessage message : received) {
            String subject = message.getSubject();
            if (subject != null && subject.contains("Bench " + run + " #")) {
                leadCopies.merge(message.getMessageID(), 1, Integer::sum);
            }
        }
        long duplicates = leadCopies.values().stream().filter(copies -> copies > 1).count();

        String report = String.join("\n",
                "Lead email load run " + run + " (" + Instant.now() + ")",
                "mail server: GreenMail (local stack), SMTP with EHLO, one connection per dispatcher worker",
                "offered: " + total + " quote requests: a warm-up ramping from " + rate / 10 + " to " + rate
                        + "/s over " + warmupSeconds + " s (excluded from latency), then " + rate + "/s",
                "publishing took " + Duration.between(started, published).toSeconds() + " s",
                "lead emails received by the mail server: " + leadCopies.size() + " distinct Message-IDs, "
                        + leadCopies.values().stream().mapToInt(Integer::intValue).sum() + " messages, "
                        + duplicates + " duplicated, " + (total - leadCopies.size()) + " missing",
                "latency publish -> accepted by mail server (ms), " + measured.size() + " samples: p50 "
                        + percentile(measured, 50) + ", p90 " + percentile(measured, 90) + ", p99 "
                        + percentile(measured, 99) + ", p99.9 " + percentile(measured, 99.9) + ", max "
                        + (measured.isEmpty() ? 0 : measured.get(measured.size() - 1)),
                "of which publish -> recorded by the consumer (ms): p50 " + percentile(recorded, 50) + ", p99 "
                        + percentile(recorded, 99),
                "of which recorded -> accepted by mail server (ms): p50 " + percentile(dispatched, 50) + ", p99 "
                        + percentile(dispatched, 99),
                "");
        Path output = Path.of("target", "benchmarks", "lead-email-load.txt");
        Files.createDirectories(output.getParent());
        Files.writeString(output, report, StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(leadCopies).hasSize(total);
        assertThat(duplicates).isZero();
    }

    /**
     * How many events should have been published {@code elapsed} seconds in: during the warm-up the rate ramps up
     * linearly from a tenth of the target (a cold JIT would otherwise build a backlog the run never works off), then
     * stays at the target rate.
     */
    private static long eventsDueAfter(double elapsed, int rate, int warmupSeconds) {
        if (warmupSeconds <= 0) {
            return (long) (rate * elapsed);
        }
        double ramp = Math.min(elapsed, warmupSeconds);
        double duringWarmup = rate * (0.1 * ramp + 0.9 * ramp * ramp / (2.0 * warmupSeconds));
        return (long) (duringWarmup + rate * Math.max(0, elapsed - warmupSeconds));
    }

    private long countLeads(String run, NotificationStatus status) {
        return mongo.count(new Query(where("kind").is(NotificationKind.LEAD_NOTIFICATION).and("status").is(status)
                .and("content.subject").regex("^New lead: Bench " + run + " #")), Notification.class)
                .block();
    }

    // The lead notification's text ends with "enquiry <id>".
    private static String enquiryIdIn(Notification lead) {
        String text = lead.content().text().trim();
        return text.substring(text.lastIndexOf(' ') + 1);
    }

    private static long percentile(List<Long> sorted, double percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }
}
