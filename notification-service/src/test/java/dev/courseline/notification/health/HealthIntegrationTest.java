package dev.courseline.notification.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.notification.support.IntegrationTest;

class HealthIntegrationTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("mongoHealthIndicator")
    ReactiveHealthIndicator mongoHealth;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void readinessCoversTheStoreAndTheBrokerAndNeedsNoToken() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.mongo.status").isEqualTo("UP")
                .jsonPath("$.components.kafka.status").isEqualTo("UP");
    }

    @Test
    void theStoresReadinessIsAPingToThisServicesOwnDatabase() {
        Health health = mongoHealth.health(true).block(Duration.ofSeconds(10));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsOnly(entry("database", mongo.getMongoDatabase().block().getName()));
    }

    @Test
    void livenessIsTheProcessOnly() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.kafka").doesNotExist();
    }
}
