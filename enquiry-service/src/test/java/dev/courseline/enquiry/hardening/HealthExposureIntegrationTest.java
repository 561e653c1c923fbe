package dev.courseline.enquiry.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.enquiry.health.KafkaHealthIndicator;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Public health says what is up and nothing about the infrastructure; ADMIN sees the details. Readiness is the store
 * only (the outbox rides out a broker outage); the broker's state is its own group. Probes share one broker call.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class HealthExposureIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    JsonMapper json;

    @Test
    void anonymousHealthShowsStatusesButNoDetails() {
        for (String path : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/broker")) {
            JsonNode health = get(path, null);

            assertThat(health.get("status").asString()).as(path).isEqualTo("UP");
            assertThat(fieldNames(health)).as(path + " field names").doesNotContain("details", "database", "brokers",
                    "clusterId");
        }
        assertThat(get("/actuator/health", null).get("components").propertyNames()).contains("mongo", "kafka");
    }

    @Test
    void anAdminSeesTheDetails() {
        JsonNode health = get("/actuator/health", LocalStack.current().tokenFor("ada"));

        assertThat(health.at("/components/mongo/details/database").asString()).isNotBlank();
        assertThat(health.at("/components/kafka/details/brokers").asInt()).isEqualTo(1);
    }

    @Test
    void readinessLeavesKafkaOutAndTheBrokerGroupShowsIt() {
        assertThat(get("/actuator/health/readiness", null).get("components").propertyNames())
                .containsExactlyInAnyOrder("readinessState", "mongo");
        assertThat(get("/actuator/health/broker", null).get("components").propertyNames()).containsExactly("kafka");
    }

    @Test
    void manyHealthHitsCostTheBrokerAtMostACoupleOfRequests(@Autowired KafkaHealthIndicator kafka) {
        get("/actuator/health/broker", null);
        double before = kafka.requestsSent();

        for (int i = 0; i < 30; i++) {
            get("/actuator/health", null);
        }

        // Describe-cluster plus perhaps one metadata refresh within the cache window (5 s), never one per hit.
        assertThat(kafka.requestsSent() - before).isLessThanOrEqualTo(4);
    }

    private JsonNode get(String path, String token) {
        WebTestClient.RequestHeadersSpec<?> request = web.get().uri(path);
        if (token != null) {
            request = request.headers(headers -> headers.setBearerAuth(token));
        }
        return json.readTree(request.exchange().expectStatus().isOk().expectBody(String.class).returnResult()
                .getResponseBody());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(entry -> {
            names.add(entry.getKey());
            names.addAll(fieldNames(entry.getValue()));
        });
        return names;
    }
}
