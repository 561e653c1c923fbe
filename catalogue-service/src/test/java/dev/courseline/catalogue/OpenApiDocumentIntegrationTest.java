package dev.courseline.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import dev.courseline.catalogue.support.IntegrationTestSupport;

/**
 * The committed {@code docs/openapi/catalogue-service.json} is what the service serves, so API changes show in
 * review. After an intended change, regenerate it with {@code -Dopenapi.write=true}.
 */
class OpenApiDocumentIntegrationTest extends IntegrationTestSupport {

    private static final Path COMMITTED = Path.of("..", "docs", "openapi", "catalogue-service.json");

    @Test
    void theServedOpenApiDocumentIsTheCommittedOne() throws IOException {
        String served = http.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode live = parse(served);
        if (Boolean.getBoolean("openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, json.writer().with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(live) + "\n");
        }
        assertThat(Files.exists(COMMITTED)).as("%s exists (generate it with -Dopenapi.write=true)", COMMITTED).isTrue();
        assertThat(live).isEqualTo(parse(Files.readString(COMMITTED)));
        assertThat(live.get("paths").propertyNames()).contains("/api/courses", "/api/courses/{slug}", "/api/runs",
                "/api/runs/{id}", "/api/guide/role-fit", "/api/admin/courses", "/api/admin/runs/{id}/cancel",
                "/api/admin/republish");
    }
}
