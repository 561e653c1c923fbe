package dev.courseline.catalogue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

import dev.courseline.catalogue.observability.Traceparent;
import dev.courseline.catalogue.support.CatalogueEventProbe.ReceivedEvent;
import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.catalogue.support.Requests;

/**
 * A change's event carries the trace of the staff request that made it: stored in the outbox with the event and sent
 * with it by the relay's own thread, as {@code ce_traceparent} and in the producer span's {@code traceparent}.
 */
class OutboxTraceIntegrationTest extends IntegrationTestSupport {

    @Test
    void theEventOfAPublishedCourseCarriesTheTraceOfTheRequestThatPublishedIt() {
        String slug = uniqueSlug();
        http.post().uri("/api/admin/courses").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"))
                .bodyValue(Requests.course(slug)).exchange().expectStatus().isCreated();
        String answered = http.post().uri("/api/admin/courses/{slug}/publish", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(Requests.version(1))
                .exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(Traceparent.HEADER);
        Traceparent request = Traceparent.parse(answered).orElseThrow();

        ReceivedEvent published = awaitEvents(slug, "courseline.catalogue.course-published.v1").get(0);

        Traceparent created = Traceparent.parse(published.headers().get("ce_traceparent")).orElseThrow();
        Traceparent sent = Traceparent.parse(published.headers().get(Traceparent.HEADER)).orElseThrow();
        assertThat(created.traceId()).isEqualTo(request.traceId());
        assertThat(sent.traceId()).isEqualTo(request.traceId());
        assertThat(sent.spanId()).as("the producer's own span").isNotEqualTo(created.spanId());
    }
}
