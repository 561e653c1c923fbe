package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * One trace from a visitor's quote form to the emails it leads to: the trace id the website answers in
 * {@code traceparent} is the one in the record's headers on {@code enquiries}, in the delivery log and in each email.
 * The form is posted as a browser without JavaScript would, so the response's headers can be read.
 */
@WithLocalStack
@ExtendWith(SharedSystem.class)
class TraceJourneyIT {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]");
    private static final Pattern HIDDEN_INPUT = Pattern.compile("<input[^>]*type=\"hidden\"[^>]*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("(name|value)=\"([^\"]*)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theWebsitesAnswerTheEventTheDeliveryLogAndTheEmailsShareOneTraceId(CourselineSystem system) {
        String email = "trace." + UUID.randomUUID().toString().substring(0, 8) + "@northwind.example";
        try (KafkaConsumer<String, byte[]> enquiries = enquiriesConsumer()) {
            HttpResponse<String> answer = postQuoteForm(system, email);

            assertThat(answer.statusCode()).as(answer.body()).isBetween(300, 399);
            String traceId = traceIdOf(answer.headers().firstValue("traceparent").orElse(null));
            String location = answer.headers().firstValue("Location").orElseThrow();
            String enquiryId = location.substring(location.lastIndexOf('/') + 1);

            Map<String, String> headers = recordHeaders(enquiries, enquiryId);
            assertThat(traceIdOf(headers.get("traceparent"))).as("the record's traceparent").isEqualTo(traceId);
            assertThat(traceIdOf(headers.get("ce_traceparent"))).as("the event's ce_traceparent").isEqualTo(traceId);

            List<MimeMessage> emails = emailsAbout(email, 1);
            for (MimeMessage sent : emails) {
                assertThat(header(sent, "X-Courseline-Trace-Id")).isEqualTo(traceId);
                assertThat(traceIdOf(header(sent, "traceparent"))).isEqualTo(traceId);
            }

            JsonNode log = await().atMost(Duration.ofSeconds(20)).until(() -> deliveryLog(system, enquiryId),
                    items -> !items.isEmpty());
            assertThat(StreamSupport.stream(log.spliterator(), false).map(item -> item.path("traceId").asString()))
                    .as("the delivery log's entries of the enquiry's emails").allMatch(traceId::equals);
        }
    }

    /** Opens the quote form (for its CSRF cookie and hidden fields) and posts it filled in. */
    private HttpResponse<String> postQuoteForm(CourselineSystem system, String email) {
        String page = send(HttpRequest.newBuilder(URI.create(system.url("website", "/in-house"))).GET()).body();
        Map<String, String> form = new LinkedHashMap<>(hiddenFields(page));
        form.put("organisationName", "Traced Logistics " + UUID.randomUUID().toString().substring(0, 8));
        form.put("country", "GB");
        form.put("contactName", "Priya Shah");
        form.put("jobTitle", "Head of Delivery");
        form.put("phone", "+44 161 555 0100");
        form.put("email", email);
        form.put("programme", "in-house");
        form.put("teamSize", "12");
        form.put("deliveryMode", "ONSITE");
        form.put("location", "Manchester");
        form.put("preferredDates", "Late January");
        form.put("budgetCurrency", "GBP");
        form.put("message", "Tracing this one.");
        form.put("consent", "yes");
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        // The catalogue reaches the enquiry side a moment after start-up; the form shows the same page until then.
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> send(HttpRequest.newBuilder(URI.create(system.url("website", "/in-house")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))),
                        response -> response.statusCode() / 100 == 3);
    }

    private static Map<String, String> hiddenFields(String page) {
        Map<String, String> fields = new HashMap<>();
        Matcher input = HIDDEN_INPUT.matcher(page);
        while (input.find()) {
            Map<String, String> attributes = new HashMap<>();
            Matcher attribute = ATTRIBUTE.matcher(input.group());
            while (attribute.find()) {
                attributes.put(attribute.group(1), attribute.group(2).replace("&#45;", "-").replace("&amp;", "&"));
            }
            if (attributes.containsKey("name")) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        return fields;
    }

    private static KafkaConsumer<String, byte[]> enquiriesConsumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.current().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-journey-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of("enquiries"));
        return consumer;
    }

    private static Map<String, String> recordHeaders(KafkaConsumer<String, byte[]> consumer, String key) {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return seen.stream().anyMatch(record -> key.equals(record.key()));
        });
        ConsumerRecord<String, byte[]> record = seen.stream().filter(r -> key.equals(r.key())).findFirst()
                .orElseThrow();
        Map<String, String> headers = new HashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        return headers;
    }

    /** The emails to {@code recipient} as the mail server received them, once at least {@code count} arrived. */
    private static List<MimeMessage> emailsAbout(String recipient, int count) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
                LocalStack.current().greenMail().getReceivedMessages())
                .filter(message -> sentTo(message, recipient)).toList(), found -> found.size() >= count);
    }

    private static boolean sentTo(MimeMessage message, String recipient) {
        try {
            return message.getRecipients(Message.RecipientType.TO) != null && Arrays.stream(
                    message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode deliveryLog(CourselineSystem system, String enquiryId) {
        HttpResponse<String> page = send(HttpRequest.newBuilder(
                URI.create(system.url("notification", "/api/notifications?aboutId=" + enquiryId)))
                .header("Authorization", "Bearer " + LocalStack.current().tokenFor("sam")).GET());
        return Http.json(page.body()).path("items");
    }

    private static String traceIdOf(String traceparent) {
        assertThat(traceparent).as("a W3C traceparent").isNotNull().matches(TRACEPARENT);
        Matcher matcher = TRACEPARENT.matcher(traceparent);
        assertThat(matcher.matches()).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
