package dev.courseline.catalogue.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

import dev.courseline.catalogue.support.CatalogueEventProbe.ReceivedEvent;
import dev.courseline.catalogue.support.ContractExamples;
import dev.courseline.catalogue.support.IntegrationTestSupport;
import dev.courseline.catalogue.support.Requests;

class CourseLifecycleIntegrationTest extends IntegrationTestSupport {

    @Test
    void aDraftIsPrivateUntilPublishedAndEachLaterActionPublishesExactlyOneEventWithTheFullState() {
        String slug = uniqueSlug();
        JsonNode draft = create(slug);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("version").asLong()).isEqualTo(1);
        http.get().uri("/api/courses/{slug}", slug).exchange().expectStatus().isNotFound();

        JsonNode published = action(slug, "publish", 1);
        assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
        JsonNode publicView = parse(http.get().uri("/api/courses/{slug}", slug).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(publicView).isEqualTo(published);

        Map<String, Object> edit = Requests.course(slug);
        edit.remove("slug");
        edit.put("version", 2);
        edit.put("title", "Renamed " + slug);
        JsonNode edited = parse(http.put().uri("/api/admin/courses/{slug}", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(edit).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(edited.get("title").asString()).isEqualTo("Renamed " + slug);
        assertThat(edited.get("version").asLong()).isEqualTo(3);

        JsonNode withdrawn = action(slug, "withdraw", 3);
        assertThat(withdrawn.get("status").asString()).isEqualTo("WITHDRAWN");
        http.get().uri("/api/courses/{slug}", slug).exchange().expectStatus().isNotFound();

        List<ReceivedEvent> received = awaitEvents(slug, "courseline.catalogue.course-published.v1",
                "courseline.catalogue.course-updated.v1", "courseline.catalogue.course-withdrawn.v1");
        assertThat(parse(received.get(0).payload())).isEqualTo(published);
        assertThat(parse(received.get(1).payload())).isEqualTo(edited);
        assertThat(parse(received.get(2).payload())).isEqualTo(withdrawn);
        for (ReceivedEvent event : received) {
            assertThat(event.headers())
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_source", "/courseline/catalogue-service")
                    .containsEntry("ce_subject", slug)
                    .containsEntry("content-type", "application/json")
                    .containsKeys("ce_id", "ce_time");
            assertThat(ContractExamples.fieldPaths(parse(event.payload())))
                    .isEqualTo(ContractExamples.fieldPaths(ContractExamples.example(json, event.type())));
        }
        assertThat(received).extracting(event -> event.headers().get("ce_id")).doesNotHaveDuplicates();
    }

    @Test
    void staffListEveryCourseWhateverItsStateAndTheListIsClosedToOthers() {
        String draft = uniqueSlug();
        create(draft);
        String withdrawn = uniqueSlug();
        create(withdrawn);
        action(withdrawn, "publish", 1);
        action(withdrawn, "withdraw", 2);

        JsonNode all = parse(http.get().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        Map<String, String> statusBySlug = new HashMap<>();
        all.forEach(course -> statusBySlug.put(course.get("slug").asString(), course.get("status").asString()));
        assertThat(statusBySlug).containsEntry(draft, "DRAFT").containsEntry(withdrawn, "WITHDRAWN");

        http.get().uri("/api/admin/courses").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/admin/courses").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("sam")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anActionTheStatusDoesNotAllowAnswers409AndChangesNothing() {
        String slug = uniqueSlug();
        create(slug);
        JsonNode problem = problem(http.post().uri("/api/admin/courses/{slug}/withdraw", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(Requests.version(1))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(problem.get("detail").asString()).contains("withdraw").contains("DRAFT");
        action(slug, "publish", 1);
        problem(http.post().uri("/api/admin/courses/{slug}/publish", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(Requests.version(2))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(adminView(slug).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void anEditBasedOnAStaleVersionAnswers409AndKeepsTheNewerState() {
        String slug = uniqueSlug();
        create(slug);
        action(slug, "publish", 1);
        Map<String, Object> staleEdit = Requests.course(slug);
        staleEdit.remove("slug");
        staleEdit.put("version", 1);
        staleEdit.put("title", "Lost update");
        JsonNode problem = problem(http.put().uri("/api/admin/courses/{slug}", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(staleEdit).exchange()
                .expectStatus().isEqualTo(HttpStatus.CONFLICT));
        assertThat(problem.get("title").asString()).isEqualTo("Stale version");
        assertThat(adminView(slug).get("title").asString()).isNotEqualTo("Lost update");
    }

    @Test
    void ofTwoConcurrentEditsBasedOnTheSameVersionExactlyOneWins() {
        String slug = uniqueSlug();
        create(slug);
        action(slug, "publish", 1);
        List<CompletableFuture<HttpStatusCode>> edits = IntStream.range(0, 2).mapToObj(i -> {
            Map<String, Object> edit = Requests.course(slug);
            edit.remove("slug");
            edit.put("version", 2);
            edit.put("title", "Concurrent edit " + i);
            return CompletableFuture.supplyAsync(() -> http.put().uri("/api/admin/courses/{slug}", slug)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(edit).exchange()
                    .returnResult(String.class).getStatus());
        }).toList();
        List<HttpStatusCode> statuses = edits.stream().map(CompletableFuture::join).toList();
        assertThat(statuses).containsExactlyInAnyOrder(HttpStatus.OK, HttpStatus.CONFLICT);
        assertThat(adminView(slug).get("version").asLong()).isEqualTo(3);
        awaitEvents(slug, "courseline.catalogue.course-published.v1", "courseline.catalogue.course-updated.v1");
    }

    @Test
    void badInputAnswers400NamingEachBadFieldAndStoresNothing() {
        String slug = uniqueSlug();
        Map<String, Object> bad = Requests.course(slug);
        bad.put("title", " ");
        bad.put("kind", null);
        bad.put("durationDays", 0);
        bad.put("deliveryModes", List.of());
        bad.put("listPrice", Map.of("amount", "12.345", "currency", "JPY"));
        bad.put("outcomes", List.of(""));
        JsonNode problem = problem(http.post().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(bad).exchange()
                .expectStatus().isBadRequest());
        assertThat(fields(problem)).containsExactlyInAnyOrder("title", "kind", "durationDays", "deliveryModes",
                "listPrice.amount", "listPrice.currency", "outcomes[0]");
        http.get().uri("/api/admin/courses/{slug}", slug).header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"))
                .exchange().expectStatus().isNotFound();

        Map<String, Object> badSlug = Requests.course("Not A Slug");
        assertThat(fields(problem(http.post().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(badSlug).exchange()
                .expectStatus().isBadRequest()))).containsExactly("slug");

        Map<String, Object> unknownKind = Requests.course(slug);
        unknownKind.put("kind", "WEBINAR");
        assertThat(fields(problem(http.post().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(unknownKind).exchange()
                .expectStatus().isBadRequest()))).containsExactly("kind");

        assertThat(fields(problem(http.post().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"slug\": ").exchange().expectStatus().isBadRequest()))).isNotEmpty();
    }

    @Test
    void staffActionsNeedATokenWithTheCatalogueManagerOrAdminRole() {
        String slug = uniqueSlug();
        JsonNode unauthenticated = problem(http.post().uri("/api/admin/courses").bodyValue(Requests.course(slug))
                .exchange().expectStatus().isUnauthorized());
        assertThat(unauthenticated.get("status").asInt()).isEqualTo(401);
        problem(http.post().uri("/api/admin/courses").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-jwt")
                .bodyValue(Requests.course(slug)).exchange().expectStatus().isUnauthorized());
        JsonNode forbidden = problem(http.post().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("sam")).bodyValue(Requests.course(slug))
                .exchange().expectStatus().isForbidden());
        assertThat(forbidden.get("status").asInt()).isEqualTo(403);
        http.get().uri("/api/admin/courses/{slug}", slug).header(HttpHeaders.AUTHORIZATION, "Bearer " + token("ada"))
                .exchange().expectStatus().isNotFound();

        http.post().uri("/api/admin/courses").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("ada"))
                .bodyValue(Requests.course(slug)).exchange().expectStatus().isCreated();
        problem(http.post().uri("/api/admin/courses").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora"))
                .bodyValue(Requests.course(slug)).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT));
    }

    private JsonNode create(String slug) {
        return parse(http.post().uri("/api/admin/courses")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(Requests.course(slug))
                .exchange().expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/admin/courses/" + slug)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode action(String slug, String action, long version) {
        return parse(http.post().uri("/api/admin/courses/{slug}/{action}", slug, action)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).bodyValue(Requests.version(version))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode adminView(String slug) {
        return parse(http.get().uri("/api/admin/courses/{slug}", slug)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token("cora")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private JsonNode problem(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return parse(response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody());
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").valueStream().map(error -> error.get("field").asString()).toList();
    }
}
