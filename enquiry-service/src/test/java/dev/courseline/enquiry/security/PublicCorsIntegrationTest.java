package dev.courseline.enquiry.security;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Browsers on the website's origin (WEBSITE_PUBLIC_URL, here https://www.courseline.test/) and on the origins of
 * PUBLIC_ALLOWED_ORIGINS (here https://partner.example and http://localhost:3000, see the test configuration) may call
 * the public endpoints; every other origin, and every staff endpoint, gets no Access-Control-Allow-Origin.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class PublicCorsIntegrationTest {

    private static final String WEBSITE = "https://www.courseline.test";

    @Autowired
    WebTestClient web;

    @Test
    void theWebsitesPreflightForAQuoteIsAnsweredWithoutATokenAndTheQuoteExposesItsLocation() {
        web.options().uri("/api/enquiries/in-house-quotes")
                .header(HttpHeaders.ORIGIN, WEBSITE)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEBSITE)
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods -> assertThat(methods).contains("POST"))
                .expectHeader()
                .value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers.toLowerCase()).contains("content-type", "idempotency-key"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);

        web.post().uri("/api/enquiries/in-house-quotes")
                .header(HttpHeaders.ORIGIN, WEBSITE)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(quote(uniqueEmail("cors"), "Cors " + UUID.randomUUID()))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, WEBSITE)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
    }

    @Test
    void everyConfiguredOriginMayCallThePublicEndpoints() {
        for (String origin : List.of(WEBSITE, "https://partner.example", "http://localhost:3000")) {
            for (String path : List.of("/api/enrolments", "/api/enquiries/memberships",
                    "/api/enrolments/some-id/cancellation")) {
                preflight(path, origin, "POST")
                        .expectStatus().isOk()
                        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            }
            for (String path : List.of("/api/enquiries/some-id", "/api/enrolments/some-id",
                    "/api/runs/some-id/seats")) {
                preflight(path, origin, "GET")
                        .expectStatus().isOk()
                        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            }
        }
        web.get().uri("/api/runs/{id}/seats", UUID.randomUUID())
                .header(HttpHeaders.ORIGIN, "https://partner.example")
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example");
    }

    @Test
    void anyOtherOriginIsRefused() {
        for (String origin : List.of("https://evil.example", "http://www.courseline.test",
                "https://www.courseline.test:8443", "null")) {
            preflight("/api/enquiries/in-house-quotes", origin, "POST")
                    .expectStatus().isForbidden()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            web.get().uri("/api/enquiries/{id}", UUID.randomUUID())
                    .header(HttpHeaders.ORIGIN, origin)
                    .exchange()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
    }

    @Test
    void staffEndpointsStayTokenOnlyWithoutCorsEvenForTheWebsite() {
        for (String path : List.of("/api/leads", "/api/leads/some-id", "/api/admin/erasures")) {
            preflight(path, WEBSITE, "GET")
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
        web.get().uri("/api/leads")
                .header(HttpHeaders.ORIGIN, WEBSITE)
                .headers(headers -> headers.setBearerAuth(LocalStack.current().tokenFor("sam")))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        web.get().uri("/api/leads")
                .header(HttpHeaders.ORIGIN, WEBSITE)
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void headIsAnsweredWhereverGetIsPublic() {
        web.head().uri("/api/enquiries/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
        web.head().uri("/api/enrolments/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
        web.head().uri("/api/runs/{id}/seats", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
        web.head().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk();
        web.head().uri("/api/leads").exchange()
                .expectStatus().isUnauthorized();
    }

    private WebTestClient.ResponseSpec preflight(String path, String origin, String method) {
        return web.method(HttpMethod.OPTIONS).uri(path)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method)
                .exchange();
    }
}
