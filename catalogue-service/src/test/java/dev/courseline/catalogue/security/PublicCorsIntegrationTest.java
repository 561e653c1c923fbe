package dev.courseline.catalogue.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.catalogue.support.IntegrationTestSupport;

/**
 * Browsers on the website's origin (WEBSITE_PUBLIC_URL, here https://www.courseline.test/) and on the origins of
 * PUBLIC_ALLOWED_ORIGINS (here https://partner.example and http://localhost:3000, see the test configuration) may read
 * the catalogue; every other origin, and every admin endpoint, gets no Access-Control-Allow-Origin.
 */
class PublicCorsIntegrationTest extends IntegrationTestSupport {

    private static final String WEBSITE = "https://www.courseline.test";
    private static final List<String> PUBLIC_READS = List.of("/api/courses", "/api/courses/pspo", "/api/runs",
            "/api/runs/some-id", "/api/guide/role-fit?wholeTeam=true");

    @Test
    void everyConfiguredOriginMayReadTheCatalogueAndItsPreflightNeedsNoToken() {
        for (String origin : List.of(WEBSITE, "https://partner.example", "http://localhost:3000")) {
            for (String path : PUBLIC_READS) {
                preflight(path, origin, "GET")
                        .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "if-none-match")
                        .exchange()
                        .expectStatus().isOk()
                        .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .expectHeader()
                        .value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS,
                                methods -> assertThat(methods).contains("GET", "HEAD").doesNotContain("POST"))
                        .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
            }
        }
        http.get().uri("/api/courses/pspo").header(HttpHeaders.ORIGIN, "https://partner.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://partner.example")
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                        exposed -> assertThat(exposed).contains(HttpHeaders.ETAG));
    }

    @Test
    void anyOtherOriginIsRefused() {
        for (String origin : List.of("https://evil.example", "http://www.courseline.test",
                "https://www.courseline.test:8443", "null")) {
            preflight("/api/courses", origin, "GET").exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
            http.get().uri("/api/courses").header(HttpHeaders.ORIGIN, origin).exchange()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
    }

    @Test
    void adminEndpointsStayTokenOnlyWithoutCorsEvenForTheWebsite() {
        for (String path : List.of("/api/admin/courses", "/api/admin/runs/some-id/cancel", "/api/admin/republish")) {
            preflight(path, WEBSITE, "POST").exchange()
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        }
        http.get().uri("/api/admin/courses/pspo").header(HttpHeaders.ORIGIN, WEBSITE)
                .headers(headers -> headers.setBearerAuth(token("cora"))).exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        http.get().uri("/api/admin/courses/pspo").header(HttpHeaders.ORIGIN, WEBSITE).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void headIsAnsweredWhereverGetIsPublicWithTheSameHeadersAndNoBody() {
        for (String path : PUBLIC_READS.stream().filter(path -> !path.contains("some-id")).toList()) {
            String etag = http.get().uri(path).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseHeaders().getETag();
            http.head().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                    .expectHeader().exists(HttpHeaders.CACHE_CONTROL)
                    .expectBody().isEmpty();
        }
        http.head().uri("/api/runs/no-such-run").exchange().expectStatus().isNotFound();
        http.head().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.head().uri("/v3/api-docs").exchange().expectStatus().isOk();
        http.head().uri("/api/admin/courses/pspo").exchange().expectStatus().isUnauthorized();
    }

    private WebTestClient.RequestHeadersSpec<?> preflight(String path, String origin, String method) {
        return http.method(HttpMethod.OPTIONS).uri(path)
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, method);
    }
}
