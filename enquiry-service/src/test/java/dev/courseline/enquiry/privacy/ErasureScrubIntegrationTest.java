package dev.courseline.enquiry.privacy;

import static dev.courseline.enquiry.support.Forms.membership;
import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.enrolment.RunSeats;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * An erasure leaves nothing of the person in the enquiry service's store: the events not sent yet (here held back by
 * a broker outage) are dropped from their documents and never published, and the organisation's index entry loses
 * the person's enquiries (and so their email hash) while keeping its other people's.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class ErasureScrubIntegrationTest {

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private boolean brokerStopped;

    @AfterEach
    void restartBroker() {
        if (brokerStopped) {
            LocalStack.current().startKafka();
        }
    }

    @Test
    void anErasureDropsThePersonsUnsentEventsAndTheirHashFromTheOrganisationsEntry() {
        String email = uniqueEmail("scrub");
        String colleague = uniqueEmail("colleague");
        String organisation = "Scrub Ltd " + UUID.randomUUID();
        String hash = Fingerprints.emailSha256(email);
        String runId = UUID.randomUUID().toString();
        try (EnquiryEvents events = new EnquiryEvents(); CatalogueFeed catalogue = new CatalogueFeed()) {
            String first = accepted(quote(email, organisation));
            accepted(quote(colleague, organisation));
            events.awaitOne(first, QuoteRequested.TYPE);
            catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, 5, 1, "SCHEDULED"));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);

            LocalStack.current().stopKafka();
            brokerStopped = true;
            String unsent = web.post().uri("/api/enquiries/memberships").bodyValue(membership(email)).exchange()
                    .expectStatus().isAccepted()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
            String enrolmentId = web.post().uri("/api/enrolments").bodyValue(Map.of("runId", runId,
                    "learner", Map.of("name", "Scrub Me", "email", email),
                    "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false)))
                    .exchange().expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody().get("enrolmentId").asString();
            assertThat(mongo.findById(unsent, Enquiry.class).block().pendingEvents()).isNotEmpty();

            web.post().uri("/api/admin/erasures").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada")))
                    .bodyValue(Map.of("email", email)).exchange().expectStatus().isOk();

            assertThat(mongo.findById(unsent, Enquiry.class).block().pendingEvents()).isEmpty();
            assertThat(mongo.findById(runId, RunSeats.class).block().pendingEvents())
                    .noneMatch(event -> event.key().equals(enrolmentId));
            List<Document> entriesNamingThePerson = mongo
                    .find(Query.query(Criteria.where("recent.emailSha256").is(hash)),
                            Document.class, "enquiry_parties")
                    .collectList().block();
            assertThat(entriesNamingThePerson).isEmpty();
            Document organisationEntry = mongo.findById("organisation:" + Fingerprints.organisationKey(organisation),
                    Document.class, "enquiry_parties").block();
            assertThat(organisationEntry.getList("recent", Document.class))
                    .extracting(entry -> entry.getString("emailSha256"))
                    .containsExactly(Fingerprints.emailSha256(colleague));

            LocalStack.current().startKafka();
            brokerStopped = false;
            events.awaitFor(hash, seen -> seen.stream().anyMatch(e -> e.type().equals(PersonErased.TYPE)),
                    Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(unsent, Document.class, "enquiries")
                    .block().get("outbox", Document.class).get("unsent") == null);
            // The store holds nothing of the person to send any more. A record the relay had already handed to the
            // producer before the erasure may still reach the topic when the broker returns; the notification
            // service erases such an event's emails unsent (its ErasureRaceIntegrationTest).
            assertThat(mongo.findById(unsent, Enquiry.class).block().pendingEvents()).isEmpty();
        }
    }

    private String accepted(Object body) {
        return web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
    }
}
