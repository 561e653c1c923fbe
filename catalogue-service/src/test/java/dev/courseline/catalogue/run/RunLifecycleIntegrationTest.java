package dev.courseline.catalogue.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.CatalogueEventProbe.ReceivedEvent;
import dev.courseline.catalogue.support.ContractExamples;
import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.catalogue.support.Requests;

class RunLifecycleIntegrationTest extends IntegrationTestSupport {

    private static final LocalDate START = LocalDate.now(ZoneOffset.UTC).plusMonths(3);

    @Test
    void aRunGoesFromDraftToCompletedPublishingOneEventPerPublicStep() {
        JsonNode draft = createRun(Requests.onsiteRun("psm", START));
        String id = draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        http.get().uri("/api/runs/{id}", id).exchange().expectStatus().isNotFound();

        JsonNode scheduled = act(id, "schedule", 1);
        JsonNode publicRun = parse(http.get().uri("/api/runs/{id}", id).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(publicRun).isEqualTo(scheduled);
        assertThat(publicRun.get("start").asString()).isEqualTo(START + "T09:00");
        assertThat(publicRun.get("timeZone").asString()).isEqualTo("Europe/Amsterdam");
        assertThat(publicRun.get("startUtc").asString()).isEqualTo(
                LocalDateTime.of(START, LocalTime.of(9, 0)).atZone(ZoneId.of("Europe/Amsterdam"))
                        .toInstant().toString());

        LocalDate later = START.plusWeeks(1);
        JsonNode rescheduled = parse(staff(http.put().uri("/api/admin/runs/{id}/dates", id))
                .bodyValue(Map.of("start", later + "T10:00", "end", later.plusDays(1) + "T16:00",
                        "timeZone", "America/New_York", "version", 2))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(rescheduled.get("end").asString()).isEqualTo(later.plusDays(1) + "T16:00");
        assertThat(rescheduled.get("endUtc").asString()).isEqualTo(later.plusDays(1).atTime(16, 0)
                .atZone(ZoneId.of("America/New_York")).toInstant().toString());

        JsonNode resized = parse(staff(http.put().uri("/api/admin/runs/{id}/capacity", id))
                .bodyValue(Map.of("minCapacity", 6, "maxCapacity", 12, "version", 3))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(resized.get("maxCapacity").asInt()).isEqualTo(12);

        JsonNode confirmed = act(id, "confirm", 4);
        JsonNode completed = act(id, "complete", 5);
        assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(completed.get("version").asLong()).isEqualTo(6);

        List<ReceivedEvent> received = awaitEvents(id, "courseline.catalogue.run-scheduled.v1",
                "courseline.catalogue.run-rescheduled.v1", "courseline.catalogue.run-capacity-changed.v1",
                "courseline.catalogue.run-confirmed.v1", "courseline.catalogue.run-completed.v1");
        List<JsonNode> states = List.of(scheduled, rescheduled, resized, confirmed, completed);
        for (int i = 0; i < states.size(); i++) {
            ReceivedEvent event = received.get(i);
            assertThat(parse(event.payload())).isEqualTo(states.get(i));
            assertThat(event.headers()).containsEntry("ce_subject", id).containsEntry("ce_specversion", "1.0");
            assertThat(ContractExamples.fieldPaths(parse(event.payload())))
                    .isEqualTo(ContractExamples.fieldPaths(ContractExamples.example(json, event.type())));
        }
    }

    @Test
    void aRunCanBeCancelledFromAnOpenStateButNothingHappensToACancelledRun() {
        String id = createRun(Requests.onsiteRun("pspo", START.plusDays(3))).get("id").asString();
        act(id, "schedule", 1);
        JsonNode cancelled = act(id, "cancel", 2);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");

        JsonNode problem = problem(staff(http.post().uri("/api/admin/runs/{id}/confirm", id))
                .bodyValue(Requests.version(3)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(problem.get("detail").asString()).contains("confirm").contains("CANCELLED");
        problem(staff(http.post().uri("/api/admin/runs/{id}/cancel", id))
                .bodyValue(Requests.version(3)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));
        problem(staff(http.put().uri("/api/admin/runs/{id}/capacity", id))
                .bodyValue(Map.of("minCapacity", 2, "maxCapacity", 8, "version", 3))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));

        awaitEvents(id, "courseline.catalogue.run-scheduled.v1", "courseline.catalogue.run-cancelled.v1");
    }

    @Test
    void anActionOnAStaleVersionAnswers409AndKeepsTheNewerState() {
        String id = createRun(Requests.onsiteRun("psm", START.plusDays(5))).get("id").asString();
        act(id, "schedule", 1);
        JsonNode problem = problem(staff(http.put().uri("/api/admin/runs/{id}/capacity", id))
                .bodyValue(Map.of("minCapacity", 2, "maxCapacity", 8, "version", 1))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(problem.get("title").asString()).isEqualTo("Stale version");
        JsonNode current = parse(staff(http.get().uri("/api/admin/runs/{id}", id)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        assertThat(current.get("maxCapacity").asInt()).isEqualTo(16);
        assertThat(current.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void badRunInputAnswers400NamingEachBadField() {
        Map<String, Object> missing = Map.of("courseSlug", "psm");
        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs")).bodyValue(missing).exchange()
                .expectStatus().isBadRequest()))).containsExactlyInAnyOrder(
                        "start", "end", "timeZone", "deliveryMode", "minCapacity", "maxCapacity", "price");

        Map<String, Object> inconsistent = Requests.onsiteRun("psm", START);
        inconsistent.put("timeZone", "Mars/Olympus_Mons");
        inconsistent.put("minCapacity", 20);
        inconsistent.put("venue", null);
        inconsistent.put("earlyBird", Map.of("price", Map.of("amount", "1500.00", "currency", "EUR"),
                "deadline", START.plusDays(3).toString()));
        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs")).bodyValue(inconsistent).exchange()
                .expectStatus().isBadRequest()))).containsExactlyInAnyOrder(
                        "timeZone", "minCapacity", "venue", "earlyBird.price");

        Map<String, Object> backwards = Requests.onsiteRun("psm", START);
        backwards.put("end", START.minusDays(1) + "T17:00");
        backwards.put("price", Map.of("amount", "-5", "currency", "EUR"));
        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs")).bodyValue(backwards).exchange()
                .expectStatus().isBadRequest()))).containsExactlyInAnyOrder("price.amount");

        Map<String, Object> endBeforeStart = Requests.onsiteRun("psm", START);
        endBeforeStart.put("end", START.minusDays(1) + "T17:00");
        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs")).bodyValue(endBeforeStart).exchange()
                .expectStatus().isBadRequest()))).containsExactly("end");

        Map<String, Object> notADate = Requests.onsiteRun("psm", START);
        notADate.put("start", "next tuesday");
        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs")).bodyValue(notADate).exchange()
                .expectStatus().isBadRequest()))).containsExactly("start");

        Map<String, Object> notAPublicCourse = Requests.onsiteRun("in-house", START);
        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs")).bodyValue(notAPublicCourse).exchange()
                .expectStatus().isBadRequest()))).containsExactly("courseSlug");

        assertThat(fields(problem(staff(http.post().uri("/api/admin/runs/{id}/confirm", "any"))
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest()))).containsExactly("version");
    }

    @Test
    void runActionsNeedTheCatalogueManagerRole() {
        problem(http.post().uri("/api/admin/runs").bodyValue(Requests.onsiteRun("psm", START)).exchange()
                .expectStatus().isUnauthorized());
        problem(http.post().uri("/api/admin/runs").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("sofia"))
                .bodyValue(Requests.onsiteRun("psm", START)).exchange().expectStatus().isForbidden());
        problem(http.post().uri("/api/admin/republish").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("sam"))
                .exchange().expectStatus().isForbidden());
    }

    private JsonNode createRun(Map<String, Object> request) {
        return parse(staff(http.post().uri("/api/admin/runs")).bodyValue(request).exchange()
                .expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode act(String id, String action, long version) {
        return parse(staff(http.post().uri("/api/admin/runs/{id}/{action}", id, action))
                .bodyValue(Requests.version(version)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static <S extends WebTestClient.RequestHeadersSpec<?>> S staff(S request) {
        request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"));
        return request;
    }

    private JsonNode problem(WebTestClient.ResponseSpec response) {
        return parse(response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
