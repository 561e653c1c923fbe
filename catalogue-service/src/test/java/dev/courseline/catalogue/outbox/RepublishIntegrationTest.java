package dev.courseline.catalogue.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.CatalogueEventProbe.ReceivedEvent;
import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.catalogue.support.Requests;

/** A catalogue manager can publish the current state of everything again, for a consumer that starts afresh. */
class RepublishIntegrationTest extends IntegrationTestSupport {

    @Test
    void republishSendsTheCurrentStateOfEveryPublicCourseAndRunAgainButNoDrafts() {
        String published = uniqueSlug();
        String draft = uniqueSlug();
        staff(HttpStatus.CREATED, "/api/admin/courses", Requests.course(published));
        JsonNode current = staff(HttpStatus.OK, "/api/admin/courses/" + published + "/publish", Requests.version(1));
        staff(HttpStatus.CREATED, "/api/admin/courses", Requests.course(draft));
        awaitEvents(published, "courseline.catalogue.course-published.v1");

        JsonNode counts = parse(http.post().uri("/api/admin/republish")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("ada")).exchange()
                .expectStatus().isAccepted().expectBody(String.class).returnResult().getResponseBody());
        assertThat(counts.get("courses").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(counts.get("runs").asLong()).isGreaterThanOrEqualTo(8);

        List<ReceivedEvent> events = awaitEvents(published, "courseline.catalogue.course-published.v1",
                "courseline.catalogue.course-published.v1");
        assertThat(parse(events.get(1).payload())).isEqualTo(current);
        assertThat(events.get(1).headers().get("ce_id")).isNotEqualTo(events.get(0).headers().get("ce_id"));
        assertThat(this.events.eventsFor(draft)).isEmpty();
    }

    private JsonNode staff(HttpStatus expected, String uri, Object body) {
        return parse(http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"))
                .bodyValue(body).exchange().expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
