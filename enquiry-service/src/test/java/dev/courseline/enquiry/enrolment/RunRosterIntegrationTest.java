package dev.courseline.enquiry.enrolment;

import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class RunRosterIntegrationTest {

    @AutoClose
    private static CatalogueFeed catalogue;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        catalogue = new CatalogueFeed();
    }

    @Test
    void theCatalogueManagerSeesTheConfirmedLearnersAndTheWaitlistInItsOrder() {
        String runId = UUID.randomUUID().toString();
        catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, 1, 1, "SCHEDULED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);
        String seated = uniqueEmail("roster-seated");
        String first = uniqueEmail("roster-first");
        String second = uniqueEmail("roster-second");
        for (String email : List.of(seated, first, second)) {
            web.post().uri("/api/enrolments").bodyValue(body(runId, email)).exchange().expectStatus().isCreated();
        }

        JsonNode roster = web.get().uri("/api/enrolments?runId={id}", runId)
                .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("cora"))).exchange()
                .expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(roster.get("seatsLeft").asInt()).isZero();
        assertThat(roster.get("confirmed")).hasSize(1);
        assertThat(roster.get("confirmed").get(0).get("email").asString()).isEqualTo(seated);
        assertThat(roster.get("waitlist").valueStream().map(p -> p.get("email").asString()).toList())
                .containsExactly(first, second);
        assertThat(roster.get("waitlist").get(1).get("position").asInt()).isEqualTo(2);
        assertThat(roster.toString()).doesNotContain("cancelToken").doesNotContain("consent")
                .doesNotContain("pendingEvents");
    }

    @Test
    void onlyCatalogueManagersAndAdminsMayReadARoster() {
        web.get().uri("/api/enrolments?runId=any").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/enrolments?runId=any").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("sam")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/enrolments?runId=" + UUID.randomUUID())
                .headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada"))).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/enrolments").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("cora")))
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType("application/problem+json");
    }

    private static Map<String, Object> body(String runId, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("runId", runId);
        body.put("learner", new HashMap<>(Map.of("name", "Grace Okafor", "email", email)));
        body.put("consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        return body;
    }
}
