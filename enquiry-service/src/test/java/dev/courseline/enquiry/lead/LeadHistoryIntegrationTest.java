package dev.courseline.enquiry.lead;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

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

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LeadHistoryIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void theLeadShowsWhoChangedWhatAndWhenWithTheirNotes() {
        String leadId = newLead();
        JsonNode received = lead(leadId).get("history");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("what").asString()).isEqualTo("received");
        assertThat(received.get(0).get("by").isNull()).isTrue();
        assertThat(received.get(0).get("to").asString()).isEqualTo("emea");
        assertThat(received.get(0).get("note").asString()).isEqualTo("organisation country is in region emea");

        Instant before = Instant.now();
        JsonNode contacted = web.post().uri("/api/leads/{id}/status", leadId)
                .headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "CONTACTED", "note", "Called Priya, quote to follow")).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(contacted.get("history")).hasSize(2);
        web.post().uri("/api/leads/{id}/assignment", leadId).headers(h -> h.setBearerAuth(token("ada")))
                .bodyValue(Map.of("team", "enterprise", "reason", "group-wide rollout")).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/leads/{id}/status", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "QUOTED")).exchange()
                .expectStatus().isOk();
        Instant after = Instant.now();

        JsonNode history = lead(leadId).get("history");
        assertThat(history).hasSize(4);
        assertChange(history.get(1), "sam", "status", "NEW", "CONTACTED", "Called Priya, quote to follow");
        assertChange(history.get(2), "ada", "team", "emea", "enterprise", "group-wide rollout");
        assertChange(history.get(3), "sam", "status", "CONTACTED", "QUOTED", null);
        for (JsonNode change : history.valueStream().skip(1).toList()) {
            assertThat(Instant.parse(change.get("at").asString())).isBetween(before, after);
        }
    }

    @Test
    void aRefusedChangeLeavesNoTraceInTheHistory() {
        String leadId = newLead();
        web.post().uri("/api/leads/{id}/status", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "WON", "note", "signed")).exchange()
                .expectStatus().isOk();
        web.post().uri("/api/leads/{id}/status", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "LOST", "note", "changed my mind")).exchange()
                .expectStatus().isEqualTo(409);
        web.post().uri("/api/leads/{id}/assignment", leadId).headers(h -> h.setBearerAuth(token("ada")))
                .bodyValue(Map.of("team", "emea", "reason", "same team")).exchange()
                .expectStatus().isEqualTo(409);

        JsonNode history = lead(leadId).get("history");
        assertThat(history).hasSize(2);
        assertChange(history.get(1), "sam", "status", "NEW", "WON", "signed");
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsRefusedAndTheOtherPersonsChangeStands() {
        String leadId = newLead();
        String seenBySam = web.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .exchange().expectStatus().isOk().returnResult(JsonNode.class).getResponseHeaders().getETag();
        assertThat(seenBySam).isNotBlank();

        String afterAda = web.post().uri("/api/leads/{id}/status", leadId)
                .headers(h -> {
                    h.setBearerAuth(token("ada"));
                    h.setIfMatch(seenBySam);
                })
                .bodyValue(Map.of("status", "CONTACTED", "note", "ada called first")).exchange()
                .expectStatus().isOk().returnResult(JsonNode.class).getResponseHeaders().getETag();
        assertThat(afterAda).isNotEqualTo(seenBySam);

        JsonNode refused = web.post().uri("/api/leads/{id}/status", leadId)
                .headers(h -> {
                    h.setBearerAuth(token("sam"));
                    h.setIfMatch(seenBySam);
                })
                .bodyValue(Map.of("status", "QUOTED", "note", "sam had not reloaded")).exchange()
                .expectStatus().isEqualTo(412)
                .expectHeader().contentType("application/problem+json")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(refused.get("detail").asString()).contains("changed by someone else");
        web.post().uri("/api/leads/{id}/assignment", leadId)
                .headers(h -> {
                    h.setBearerAuth(token("sam"));
                    h.setIfMatch(seenBySam);
                })
                .bodyValue(Map.of("team", "enterprise", "reason", "stale")).exchange()
                .expectStatus().isEqualTo(412);

        JsonNode lead = lead(leadId);
        assertThat(lead.get("status").asString()).isEqualTo("CONTACTED");
        assertThat(lead.get("team").asString()).isEqualTo("emea");
        assertThat(lead.get("history")).hasSize(2);
        web.post().uri("/api/leads/{id}/status", leadId)
                .headers(h -> {
                    h.setBearerAuth(token("sam"));
                    h.setIfMatch(afterAda);
                })
                .bodyValue(Map.of("status", "QUOTED")).exchange()
                .expectStatus().isOk();
    }

    private static void assertChange(JsonNode change, String by, String what, String from, String to, String note) {
        assertThat(change.get("by").asString()).isEqualTo(by);
        assertThat(change.get("what").asString()).isEqualTo(what);
        assertThat(change.get("from").asString()).isEqualTo(from);
        assertThat(change.get("to").asString()).isEqualTo(to);
        if (note == null) {
            assertThat(change.get("note").isNull()).isTrue();
        } else {
            assertThat(change.get("note").asString()).isEqualTo(note);
        }
    }

    private JsonNode lead(String leadId) {
        return web.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String newLead() {
        String enquiryId = web.post().uri("/api/enquiries/in-house-quotes")
                .bodyValue(quote(uniqueEmail("history"), "History Co " + UUID.randomUUID())).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
        return mongo.findById(enquiryId, Enquiry.class).block().lead().leadId();
    }

    private static String token(String user) {
        return LocalStack.current().tokenFor(user);
    }
}
