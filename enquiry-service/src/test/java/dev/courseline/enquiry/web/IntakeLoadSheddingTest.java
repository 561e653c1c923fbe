package dev.courseline.enquiry.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.courseline.enquiry.config.EnquiryProperties;
import dev.courseline.enquiry.security.PublicCors;

class IntakeLoadSheddingTest {

    private final IntakeLoadShedding filter = new IntakeLoadShedding(new EnquiryProperties(
            URI.create("http://localhost:8082"), URI.create("http://localhost:8080"),
            new EnquiryProperties.Intake(Duration.ofMinutes(10), 1),
            new EnquiryProperties.KafkaHealth(Duration.ofSeconds(2))),
            new PublicCors("http://localhost:8080", List.of()).source(List.of(HttpMethod.POST),
                    List.of("/api/enquiries/in-house-quotes", "/api/enquiries/memberships")));
    private final Sinks.Empty<Void> firstRequestDone = Sinks.empty();
    private final AtomicInteger handled = new AtomicInteger();
    private final WebFilterChain slowFirstThenFast = exchange -> handled.incrementAndGet() == 1
            ? firstRequestDone.asMono()
            : Mono.empty();

    @Test
    void aQuoteRequestBeyondTheLimitIsRefusedWith503AndRetryAfterWithoutBeingHandled() {
        filter.filter(post("/api/enquiries/in-house-quotes"), slowFirstThenFast).subscribe();

        MockServerWebExchange refused = post("/api/enquiries/memberships");
        filter.filter(refused, slowFirstThenFast).block();

        assertThat(handled).hasValue(1);
        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(refused.getResponse().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getResponse().getBodyAsString().block())
                .contains("\"status\":503").contains("nothing was stored");
    }

    @Test
    void aPageOnTheWebsiteCanReadTheRefusalsRetryAfterAndOtherSitesCannot() {
        filter.filter(post("/api/enquiries/in-house-quotes"), slowFirstThenFast).subscribe();

        MockServerWebExchange fromWebsite = post("/api/enquiries/memberships", "http://localhost:8080");
        filter.filter(fromWebsite, slowFirstThenFast).block();
        MockServerWebExchange fromElsewhere = post("/api/enquiries/memberships", "https://evil.example");
        filter.filter(fromElsewhere, slowFirstThenFast).block();

        HttpHeaders allowed = fromWebsite.getResponse().getHeaders();
        assertThat(fromWebsite.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(allowed.getAccessControlAllowOrigin()).isEqualTo("http://localhost:8080");
        assertThat(allowed.getAccessControlExposeHeaders()).contains(HttpHeaders.RETRY_AFTER);
        assertThat(fromElsewhere.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(fromElsewhere.getResponse().getHeaders().getAccessControlAllowOrigin()).isNull();
        assertThat(handled).hasValue(1);
    }

    @Test
    void aPlaceFreesWhenARequestFinishes() {
        filter.filter(post("/api/enquiries/in-house-quotes"), slowFirstThenFast).subscribe();
        firstRequestDone.tryEmitEmpty();

        MockServerWebExchange next = post("/api/enquiries/in-house-quotes");
        filter.filter(next, slowFirstThenFast).block();

        assertThat(handled).hasValue(2);
        assertThat(next.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void enrolmentsAndReadsAreNeverRefused() {
        filter.filter(post("/api/enquiries/in-house-quotes"), slowFirstThenFast).subscribe();

        filter.filter(post("/api/enrolments"), slowFirstThenFast).block();
        filter.filter(MockServerWebExchange.from(MockServerHttpRequest.get("/api/enquiries/some-id")),
                slowFirstThenFast).block();

        assertThat(handled).hasValue(3);
    }

    private static MockServerWebExchange post(String path) {
        return MockServerWebExchange.from(MockServerHttpRequest.post(path).body("{}"));
    }

    private static MockServerWebExchange post(String path, String origin) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("http://localhost:8082" + path)
                .header(HttpHeaders.ORIGIN, origin).body("{}"));
    }
}
