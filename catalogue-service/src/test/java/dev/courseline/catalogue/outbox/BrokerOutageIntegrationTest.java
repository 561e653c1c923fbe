package dev.courseline.catalogue.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.CatalogueEventProbe.ReceivedEvent;
import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.catalogue.support.Requests;
import dev.courseline.localstack.LocalStack;

/** Nothing published is lost between the database and Kafka, and nothing arrives twice, across a broker outage. */
class BrokerOutageIntegrationTest extends IntegrationTestSupport {

    @Test
    void changesMadeWhileTheBrokerIsStoppedArriveExactlyOnceAfterItReturns() {
        LocalStack stack = LocalStack.current();
        Assumptions.assumeTrue(stack.supportsBrokerRestart(), "this infrastructure mode cannot restart its broker");
        String slug = uniqueSlug();
        String runId;

        stack.stopKafka();
        try {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> http.get().uri("/actuator/health/readiness")
                    .exchange().expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
            http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();

            // Staff keep working while the broker is away: every change is stored with its event at once.
            staffPost("/api/admin/courses", Requests.course(slug), HttpStatus.CREATED);
            staffPost("/api/admin/courses/" + slug + "/publish", Requests.version(1), HttpStatus.OK);
            Map<String, Object> edit = Requests.course(slug);
            edit.remove("slug");
            edit.put("version", 2);
            edit.put("summary", "Changed while the broker was down");
            http.put().uri("/api/admin/courses/{slug}", slug)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"))
                    .bodyValue(edit).exchange().expectStatus().isOk();
            runId = staffPost("/api/admin/runs",
                    Requests.onsiteRun("pspo", LocalDate.now(ZoneOffset.UTC).plusMonths(4)), HttpStatus.CREATED)
                    .get("id").asString();
            staffPost("/api/admin/runs/" + runId + "/schedule", Requests.version(1), HttpStatus.OK);
            staffPost("/api/admin/runs/" + runId + "/confirm", Requests.version(2), HttpStatus.OK);
        } finally {
            stack.startKafka();
        }

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());

        // A change after the outage is the sentinel: per-key order means any duplicate of an earlier event would
        // have to arrive before it, so seeing exactly the expected sequence up to it proves nothing came twice.
        staffPost("/api/admin/courses/" + slug + "/withdraw", Requests.version(3), HttpStatus.OK);
        staffPost("/api/admin/runs/" + runId + "/complete", Requests.version(3), HttpStatus.OK);

        List<ReceivedEvent> courseEvents = awaitEvents(slug, "courseline.catalogue.course-published.v1",
                "courseline.catalogue.course-updated.v1", "courseline.catalogue.course-withdrawn.v1");
        assertThat(parse(courseEvents.get(1).payload()).get("summary").asString())
                .isEqualTo("Changed while the broker was down");
        List<ReceivedEvent> runEvents = awaitEvents(runId, "courseline.catalogue.run-scheduled.v1",
                "courseline.catalogue.run-confirmed.v1", "courseline.catalogue.run-completed.v1");
        assertThat(runEvents).extracting(event -> parse(event.payload()).get("version").asLong())
                .containsExactly(2L, 3L, 4L);
    }

    private JsonNode staffPost(String uri, Object body, HttpStatus expected) {
        return parse(http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"))
                .bodyValue(body).exchange().expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
