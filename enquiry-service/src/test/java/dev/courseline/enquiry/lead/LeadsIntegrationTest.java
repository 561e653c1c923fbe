package dev.courseline.enquiry.lead;

import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.IntakeService;
import dev.courseline.enquiry.outbox.EventFactory;
import dev.courseline.enquiry.outbox.OutboxRelay;
import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.Contracts;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.enquiry.support.TestClock;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class LeadsIntegrationTest {

    @AutoClose
    private static EnquiryEvents events;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    OverdueLeads overdueLeads;

    @Autowired
    EventFactory eventFactory;

    @Autowired
    OutboxRelay relay;

    @Autowired
    IntakeService intake;

    @BeforeAll
    static void listen() {
        events = new EnquiryEvents();
    }

    @Test
    void staffEndpointsRefuseMissingAndWrongRoleTokens() {
        web.get().uri("/api/leads").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        web.get().uri("/api/leads").headers(h -> h.setBearerAuth("not-a-token")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/leads").headers(h -> h.setBearerAuth(token("cora"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        web.post().uri("/api/admin/erasures").headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("email", "someone@example.com")).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/admin/erasures").bodyValue(Map.of("email", "someone@example.com")).exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/api/leads").headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isOk();
        web.get().uri("/api/leads").headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void salesSeesTheLeadAndMovesItThroughItsLifecycle() {
        JsonNode lead = newLead();
        String leadId = lead.get("leadId").asString();

        web.get().uri("/api/leads?status=NEW&team=emea&kind=QUOTE&size=200").headers(h -> h.setBearerAuth(token("sam")))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.leadId == '" + leadId + "')].team").isEqualTo("emea");
        web.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("NEW")
                .jsonPath("$.routingReason").isEqualTo("organisation country is in region emea")
                .jsonPath("$.consent.privacyNoticeVersion").isEqualTo("2026-09");
        web.get().uri("/api/leads/{id}", UUID.randomUUID()).headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        web.post().uri("/api/leads/{id}/status", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "CONTACTED")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CONTACTED");
        JsonNode changed = events.awaitOne(leadId, LeadEvents.STATUS_CHANGED).payload();
        Contracts.assertMatchesExample(LeadEvents.STATUS_CHANGED, changed);
        assertThat(changed.get("from").asString()).isEqualTo("NEW");
        assertThat(changed.get("to").asString()).isEqualTo("CONTACTED");
        assertThat(changed.get("changedBy").asString()).isEqualTo("sam");

        web.post().uri("/api/leads/{id}/status", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "NEW")).exchange()
                .expectStatus().isEqualTo(409);
        web.post().uri("/api/leads/{id}/status", leadId).headers(h -> h.setBearerAuth(token("sam")))
                .bodyValue(Map.of("status", "MAYBE")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
    }

    @Test
    void everyBadQueryParameterOfTheLeadListIsNamed() {
        String token = token("sam");
        expectOneProblem("status=MAYBE", token, "status", "must be one of NEW, CONTACTED, QUOTED, WON, LOST");
        expectOneProblem("kind=X", token, "kind", "must be one of QUOTE, MEMBERSHIP");
        expectOneProblem("page=abc", token, "page", "must be a whole number, 0 or more");
        expectInvalid("page=-1&size=0", token)
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("page")
                .jsonPath("$.errors[0].message").isEqualTo("must be 0 or more")
                .jsonPath("$.errors[1].field").isEqualTo("size")
                .jsonPath("$.errors[1].message").isEqualTo("must be between 1 and 200");
        expectInvalid("status=MAYBE&kind=X&page=abc&size=201", token)
                .jsonPath("$.errors[*].field").isEqualTo(List.of("kind", "page", "size", "status"));

        web.get().uri("/api/leads?status=&kind=&page=0&size=1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.page").isEqualTo(0)
                .jsonPath("$.size").isEqualTo(1)
                .jsonPath("$.items.length()").value(count -> assertThat((Integer) count).isLessThanOrEqualTo(1));
    }

    private void expectOneProblem(String query, String token, String field, String message) {
        expectInvalid(query, token)
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    private WebTestClient.BodyContentSpec expectInvalid(String query, String token) {
        return web.get().uri("/api/leads?" + query).headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid request");
    }

    @Test
    void anAdminReassignsALeadToAnotherTeam() {
        String leadId = newLead().get("leadId").asString();

        web.post().uri("/api/leads/{id}/assignment", leadId).headers(h -> h.setBearerAuth(token("ada")))
                .bodyValue(Map.of("team", "nowhere", "reason", "x")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("team");
        web.post().uri("/api/leads/{id}/assignment", leadId).headers(h -> h.setBearerAuth(token("ada")))
                .bodyValue(Map.of("team", "enterprise", "reason", "group-wide rollout")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.team").isEqualTo("enterprise");
        web.post().uri("/api/leads/{id}/assignment", leadId).headers(h -> h.setBearerAuth(token("ada")))
                .bodyValue(Map.of("team", "enterprise", "reason", "again")).exchange()
                .expectStatus().isEqualTo(409);

        JsonNode assigned = events.awaitOne(leadId, LeadEvents.ASSIGNED).payload();
        Contracts.assertMatchesExample(LeadEvents.ASSIGNED, assigned);
        assertThat(assigned.get("previousTeam").asString()).isEqualTo("emea");
        assertThat(assigned.get("team").asString()).isEqualTo("enterprise");
        assertThat(assigned.get("assignedBy").asString()).isEqualTo("ada");
        assertThat(assigned.get("routingReason").asString()).contains("group-wide rollout");
    }

    @Test
    void aLeadPastItsDeadlineIsEscalatedExactlyOnce() {
        JsonNode lead = newLead();
        String leadId = lead.get("leadId").asString();
        mongo.updateFirst(Query.query(Criteria.where("lead.leadId").is(leadId)),
                new Update().set("lead.respondBy", Instant.now().minusSeconds(60)), Enquiry.class).block();

        assertThat(overdueLeads.escalate().collectList().block()).contains(leadId);
        assertThat(overdueLeads.escalate().collectList().block()).doesNotContain(leadId);

        JsonNode overdue = events.awaitOne(leadId, LeadEvents.OVERDUE).payload();
        Contracts.assertMatchesExample(LeadEvents.OVERDUE, overdue);
        assertThat(events.drainFor(leadId)).filteredOn(e -> e.type().equals(LeadEvents.OVERDUE)).hasSize(1);
    }

    @Test
    void theScheduledCheckEscalatesALeadWhenTheDeadlineItSawComingHasPassedAndNotBefore() {
        String leadId = newLead().get("leadId").asString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant deadline = now.plus(Duration.ofHours(1));
        mongo.updateFirst(Query.query(Criteria.where("lead.leadId").is(leadId)),
                new Update().set("lead.respondBy", deadline), Enquiry.class).block();
        // A schedule of its own, and a clock the test moves: the application's check runs on the real clock.
        TestClock clock = new TestClock(now);
        var check = new OverdueLeads(mongo, eventFactory, relay, intake, clock);

        check.escalateOverdue();
        clock.set(deadline.minusSeconds(60));
        check.escalateOverdue();
        assertThat(storedLead(leadId).overdueNotifiedAt()).isNull();

        clock.set(deadline.plusSeconds(1));
        check.escalateOverdue();
        assertThat(storedLead(leadId).overdueNotifiedAt()).isEqualTo(deadline.plusSeconds(1));
        check.escalateOverdue();

        events.awaitOne(leadId, LeadEvents.OVERDUE);
        assertThat(events.drainFor(leadId)).filteredOn(e -> e.type().equals(LeadEvents.OVERDUE)).hasSize(1);
    }

    private Lead storedLead(String leadId) {
        return mongo.findOne(Query.query(Criteria.where("lead.leadId").is(leadId)), Enquiry.class).block().lead();
    }

    private JsonNode newLead() {
        String id = web.post().uri("/api/enquiries/in-house-quotes")
                .bodyValue(quote(uniqueEmail("lead"), "Lead Co " + UUID.randomUUID())).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
        return events.awaitOne(id, QuoteRequested.TYPE).payload().get("lead");
    }

    private static String token(String user) {
        return LocalStack.current().tokenFor(user);
    }
}
