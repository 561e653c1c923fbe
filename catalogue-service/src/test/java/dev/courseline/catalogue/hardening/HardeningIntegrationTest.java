package dev.courseline.catalogue.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.localstack.LocalStack;

/** Tokens must be meant for Courseline; public health tells what is up and nothing about the infrastructure. */
class HardeningIntegrationTest extends IntegrationTestSupport {

    @Test
    void aTokenForAnotherAudienceGets401AndOneForCourselineIsTaken() {
        http.get().uri("/api/admin/courses/{slug}", uniqueSlug())
                .headers(headers -> headers
                        .setBearerAuth(LocalStack.current().tokenForAudience("cora", "another-application")))
                .exchange()
                .expectStatus().isUnauthorized();

        http.get().uri("/api/admin/courses/{slug}", uniqueSlug())
                .headers(headers -> headers.setBearerAuth(token("cora")))
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void anonymousHealthShowsStatusesOnlyAndAnAdminTheDetails() {
        JsonNode anonymous = parse(http.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(anonymous.get("components").propertyNames()).contains("mongo", "kafka");
        assertThat(anonymous.toString()).doesNotContain("details", "clusterId", "database", "courseline-");

        JsonNode admin = parse(
                http.get().uri("/actuator/health").headers(headers -> headers.setBearerAuth(token("ada")))
                        .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(admin.at("/components/kafka/details/clusterId").asString()).isNotBlank();
    }
}
