package dev.courseline.enquiry.privacy;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.enrolment.RunSeats;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Duplicates, enquiries whose lead stays open, and enrolments of runs long over are anonymised after their own
 * configured periods, and not a moment before. The job is run at chosen instants instead of waiting years.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class WindowedRetentionIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    WindowedRetentionJob retention;

    @Autowired
    RetentionWindows windows;

    @Test
    void aDuplicateGoesAfterItsWindowAndTheOpenOriginalAfterItsOwn() {
        Instant received = Instant.now();
        Map<String, Object> form = quote(uniqueEmail("twice"), "Twice Ltd " + UUID.randomUUID());
        String original = accepted(form);
        String duplicate = accepted(form);
        assertThat(mongo.findById(duplicate, Enquiry.class).block().duplicateOf()).isEqualTo(original);

        retention.apply(received.plus(windows.duplicates()).minusSeconds(60)).block();
        assertThat(anonymised(duplicate)).isFalse();

        retention.apply(received.plus(windows.duplicates()).plusSeconds(60)).block();
        assertThat(anonymised(duplicate)).isTrue();
        assertThat(anonymised(original)).isFalse();

        retention.apply(received.plus(windows.open()).plusSeconds(60)).block();
        assertThat(anonymised(original)).isTrue();
        assertThat(mongo.findById(original, Enquiry.class).block().emailSha256()).isNull();
    }

    @Test
    void anEnrolmentGoesItsWindowAfterTheEndOfItsRun() {
        String runId = UUID.randomUUID().toString();
        try (CatalogueFeed catalogue = new CatalogueFeed()) {
            catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, 5, 1, "SCHEDULED"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);
        String email = uniqueEmail("learner");
        web.post().uri("/api/enrolments").bodyValue(Map.of("runId", runId,
                "learner", Map.of("name", "Kept Awhile", "email", email),
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false)))
                .exchange().expectStatus().isCreated();
        Instant runEnded = mongo.findById(runId, RunSeats.class).block().run().endUtc();

        retention.apply(runEnded.plus(windows.enrolments()).minusSeconds(60)).block();
        assertThat(mongo.findById(runId, RunSeats.class).block().enrolments().get(0).learner().email())
                .isEqualTo(email);

        retention.apply(runEnded.plus(windows.enrolments()).plusSeconds(60)).block();
        RunSeats run = mongo.findById(runId, RunSeats.class).block();
        assertThat(run.enrolments().get(0).learner().email()).isNotEqualTo(email);
        assertThat(run.enrolments().get(0).emailSha256()).isNull();
    }

    private boolean anonymised(String id) {
        return mongo.findById(id, Enquiry.class).block().anonymised();
    }

    private String accepted(Object body) {
        return web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
    }
}
