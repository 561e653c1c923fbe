package dev.courseline.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.IntegrationTestSupport;

class HealthIntegrationTest extends IntegrationTestSupport {

    @Test
    void readinessIncludesMongoAndKafkaWhileLivenessIsTheProcessOnly() {
        JsonNode readiness = parse(http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(readiness.get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("kafka").get("status").asString()).isEqualTo("UP");
        assertThat(readiness.get("components").get("mongo").get("status").asString()).isEqualTo("UP");

        JsonNode liveness = parse(http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
    }
}
