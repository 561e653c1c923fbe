package dev.courseline.notification.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.notification.support.IntegrationTest;

/**
 * Keeps the committed API description honest: fails when the live document differs from
 * {@code docs/openapi/notification-service.json}. Run with {@code -Dopenapi.write=true} to rewrite the file after an
 * intended API change, and commit it with that change.
 */
class OpenApiDocumentIntegrationTest extends IntegrationTest {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi", "notification-service.json");
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @LocalServerPort
    int port;

    @Test
    void theLiveApiDocumentIsTheCommittedOne() throws Exception {
        byte[] body = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(java.time.Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        JsonNode live = JSON.readTree(body);

        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, JSON.writeValueAsString(live) + "\n");
        }

        assertThat(Files.exists(COMMITTED)).as("%s exists (create it with -Dopenapi.write=true)", COMMITTED).isTrue();
        assertThat(live).isEqualTo(JSON.readTree(Files.readString(COMMITTED)));
        assertThat(live.path("paths").has("/api/notifications/{id}/retry")).isTrue();
    }
}
