package dev.courseline.notification.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.localstack.LocalStack;
import dev.courseline.notification.support.IntegrationTest;

/** Tokens must be meant for Courseline; public health tells what is up and nothing about the infrastructure. */
class HardeningIntegrationTest extends IntegrationTest {

    @LocalServerPort
    int port;

    WebTestClient http;

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    @Test
    void aTokenForAnotherAudienceGets401AndOneForCourselineIsTaken() {
        http.get().uri("/api/notifications")
                .headers(headers -> headers
                        .setBearerAuth(LocalStack.current().tokenForAudience("ada", "another-application")))
                .exchange()
                .expectStatus().isUnauthorized();

        http.get().uri("/api/notifications")
                .headers(headers -> headers.setBearerAuth(LocalStack.current().tokenFor("ada")))
                .exchange()
                .expectStatus().isOk();
    }

    @Test
    void anonymousHealthShowsStatusesOnlyAndAnAdminTheDetails() {
        String anonymous = http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(anonymous).contains("\"mongo\"", "\"kafka\"").doesNotContain("details", "clusterId", "database");

        http.get().uri("/actuator/health")
                .headers(headers -> headers.setBearerAuth(LocalStack.current().tokenFor("ada")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.kafka.details.clusterId").isNotEmpty();
    }
}
