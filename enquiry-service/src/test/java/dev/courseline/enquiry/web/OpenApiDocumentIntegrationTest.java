package dev.courseline.enquiry.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The committed OpenAPI document ({@code docs/openapi/enquiry-service.json}) must be what the service serves, so API
 * changes show in review. Run with {@code -Dopenapi.write=true} to rewrite it.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class OpenApiDocumentIntegrationTest {

    private static final Path COMMITTED = Path.of("../docs/openapi/enquiry-service.json");
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .build();

    @Autowired
    WebTestClient web;

    @Test
    void theCommittedDocumentIsTheServedOne() throws IOException {
        byte[] served = web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        String live = normalised(JSON.readTree(served));

        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, live, StandardCharsets.UTF_8);
        }
        assertThat(COMMITTED).as("run with -Dopenapi.write=true to create it").exists();
        assertThat(live).isEqualTo(normalised(JSON.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8))));
    }

    /** Without the servers block (it names the random test port), keys sorted, pretty printed. */
    private static String normalised(JsonNode document) {
        ObjectNode copy = (ObjectNode) document.deepCopy();
        copy.remove("servers");
        return JSON.writeValueAsString(copy) + "\n";
    }
}
