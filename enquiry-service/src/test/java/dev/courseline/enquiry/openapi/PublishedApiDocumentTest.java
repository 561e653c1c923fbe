package dev.courseline.enquiry.openapi;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The route the running service serves its committed document on (the tests' own context has springdoc instead). */
class PublishedApiDocumentTest {

    private final WebTestClient client = WebTestClient
            .bindToRouterFunction(new PublishedApiDocument().apiDocumentRoute()).build();

    @Test
    void theDocumentIsServedToGetAndItsHeadersToHead() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.openapi").exists();
        client.head().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().isEmpty();
    }
}
