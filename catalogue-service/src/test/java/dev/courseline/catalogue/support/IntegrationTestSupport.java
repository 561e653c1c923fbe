package dev.courseline.catalogue.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.catalogue.support.CatalogueEventProbe.ReceivedEvent;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The service on the real local stack (Kafka broker process, MongoDB-wire server, identity provider), driven over
 * HTTP, with a plain Kafka consumer reading what it publishes.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
public abstract class IntegrationTestSupport {

    protected static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    private WebTestClient webTestClient;

    /** The service over HTTP, with a timeout that tolerates a loaded 2-core build machine. */
    protected WebTestClient http;

    @Autowired
    protected JsonMapper json;

    protected CatalogueEventProbe events;

    @BeforeEach
    void openEventProbe() {
        http = webTestClient.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        events = new CatalogueEventProbe(LocalStack.current().kafkaBootstrapServers());
    }

    @AfterEach
    void closeEventProbe() {
        events.close();
    }

    protected static String token(String user) {
        return LocalStack.current().tokenFor(user);
    }

    protected static String uniqueSlug() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Waits until {@code key} has exactly the events of {@code types}, in order, and nothing more. */
    protected List<ReceivedEvent> awaitEvents(String key, String... types) {
        List<String> expected = List.of(types);
        await().atMost(EVENT_TIMEOUT).pollInSameThread().pollInterval(Duration.ofMillis(100))
                .until(() -> events.eventsFor(key).size() >= expected.size());
        List<ReceivedEvent> received = events.eventsFor(key);
        assertThat(received).extracting(ReceivedEvent::type)
                .containsExactlyElementsOf(expected);
        return received;
    }

    protected JsonNode parse(String text) {
        return json.readTree(text);
    }
}
