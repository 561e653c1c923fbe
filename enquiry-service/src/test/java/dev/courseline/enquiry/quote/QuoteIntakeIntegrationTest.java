package dev.courseline.enquiry.quote;

import static dev.courseline.enquiry.support.Forms.part;
import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.support.Contracts;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.enquiry.support.EnquiryEvents.Event;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class QuoteIntakeIntegrationTest {

    @AutoClose
    private static EnquiryEvents events;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void listen() {
        events = new EnquiryEvents();
    }

    @Test
    void acceptedQuoteIsStoredWithItsLeadAndPublishedAsTheContractSays() {
        String email = uniqueEmail("priya");
        var body = quote(email, "Northwind " + UUID.randomUUID());

        var accepted = web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectHeader().exists("Location")
                .expectBody(JsonNode.class).returnResult();
        String id = accepted.getResponseBody().get("enquiryId").asString();
        assertThat(accepted.getResponseHeaders().getLocation().toString())
                .isEqualTo("http://localhost:8082/api/enquiries/" + id);
        assertThat(accepted.getResponseBody().get("links").get("status").asString())
                .isEqualTo("http://localhost:8082/api/enquiries/" + id);

        Event event = events.awaitOne(id, QuoteRequested.TYPE);
        assertThat(event.headers()).containsEntry("ce_specversion", "1.0").containsEntry("ce_subject", id)
                .containsEntry("ce_source", "/courseline/enquiry-service")
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        Contracts.assertMatchesExample(QuoteRequested.TYPE, event.payload());
        JsonNode payload = event.payload();
        assertThat(payload.get("enquiryId").asString()).isEqualTo(id);
        assertThat(payload.get("contact").get("email").asString()).isEqualTo(email);
        assertThat(payload.get("programme").get("slug").asString()).isEqualTo("in-house");
        assertThat(payload.get("budget").get("amount").asString()).isEqualTo("12000.00");
        assertThat(payload.get("lead").get("team").asString()).isEqualTo("emea");
        assertThat(payload.get("lead").get("routingReason").asString()).contains("emea");
        assertThat(payload.get("lead").get("respondBy").asString()).isNotBlank();
        // Links in events end up in emails: they open the website's pages, never the API.
        assertThat(payload.get("links").get("status").asString())
                .isEqualTo("https://www.courseline.test/enquiries/" + id);
        assertThat(payload.get("links").get("lead").asString())
                .isEqualTo("https://www.courseline.test/staff/leads/" + payload.get("lead").get("leadId").asString());

        JsonNode status = web.get().uri("/api/enquiries/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(status.propertyNames()).containsExactlyInAnyOrder("enquiryId", "kind", "receivedAt", "status",
                "respondBy", "duplicateOf", "delivered");
        assertThat(status.get("status").asString()).isEqualTo("NEW");
        assertThat(status.get("delivered").asBoolean()).isTrue();
        // The store keeps milliseconds; the event carried the instant as it was computed.
        Instant promised = Instant.parse(payload.get("lead").get("respondBy").asString());
        assertThat(Instant.parse(status.get("respondBy").asString()))
                .isEqualTo(promised.truncatedTo(ChronoUnit.MILLIS));
        web.head().uri("/api/enquiries/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody().isEmpty();
        web.get().uri("/api/enquiries/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        Enquiry stored = mongo.findById(id, Enquiry.class).block();
        assertThat(stored.consent().privacyNoticeVersion()).isEqualTo("2026-09");
        assertThat(stored.pendingEvents()).isEmpty();
    }

    @Test
    void everyBadFieldIsNamedAndNothingIsStored() {
        String email = uniqueEmail("bad");
        var body = quote(email, "Bad Fields Ltd");
        part(body, "organisation").put("country", "Britain");
        part(body, "contact").put("name", "Priya\r\nBcc: victim@example.com");
        body.put("teamSize", 0);
        body.put("deliveryMode", "TELEPATHY");
        body.put("preferredDates", "x".repeat(201));
        part(body, "budget").put("currency", "pounds");

        web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactly(
                        "budget.currency", "contact.name", "deliveryMode", "organisation.country",
                        "preferredDates", "teamSize"));

        assertNothingStoredFor(email);
    }

    @Test
    void unknownProgrammeAndLineBreaksInOneLineFieldsAreRefused() {
        String email = uniqueEmail("crlf");
        var body = quote(email, "Line\nBreak Ltd");
        body.put("programme", "astrology-101");
        body.put("location", "Leeds\r");
        part(body, "contact").put("email", "not-an-email");

        web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields).containsExactly(
                        "contact.email", "location", "organisation.name", "programme"));

        assertNothingStoredFor(email);
    }

    @Test
    void malformedJsonAndWrongTypesAreProblemsNotErrors() {
        web.post().uri("/api/enquiries/in-house-quotes").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"organisation\": ").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");

        var body = quote(uniqueEmail("types"), "Types Ltd");
        body.put("teamSize", "twenty");
        web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("teamSize");

        web.post().uri("/api/enquiries/in-house-quotes").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void theSameIdempotencyKeySentFiveTimesAtOnceMakesOneEnquiryAndOneEvent() {
        String email = uniqueEmail("twice");
        var body = quote(email, "Double Click " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();

        List<String> ids = Flux.range(0, 5)
                .flatMap(i -> Mono.fromCallable(() -> web.post().uri("/api/enquiries/in-house-quotes")
                        .header("Idempotency-Key", key).bodyValue(body).exchange()
                        .expectStatus().isAccepted()
                        .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString())
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 5)
                .collectList().block();

        assertThat(ids).hasSize(5).containsOnly(ids.get(0));
        assertThat(mongo.count(byEmail(email), Enquiry.class).block()).isEqualTo(1);
        events.awaitOne(ids.get(0), QuoteRequested.TYPE);
        assertThat(events.drainFor(ids.get(0))).hasSize(1);
    }

    @Test
    void aRepeatWithoutKeyIsStoredAsADuplicateOfTheFirstAndSalesIsToldOnce() {
        String email = uniqueEmail("repeat");
        var body = quote(email, "Repeat " + UUID.randomUUID());
        String first = post(body);
        web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DUPLICATE")
                .jsonPath("$.duplicateOf").isEqualTo(first);
        String duplicate = mongo.find(byEmail(email), Enquiry.class).map(Enquiry::id)
                .filter(id -> !id.equals(first)).blockFirst();
        // The requester hears back by the deadline of the lead that answers the first request.
        String promised = web.get().uri("/api/enquiries/{id}", first).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("respondBy").asString();
        web.get().uri("/api/enquiries/{id}", duplicate).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DUPLICATE")
                .jsonPath("$.duplicateOf").isEqualTo(first)
                .jsonPath("$.respondBy").isEqualTo(promised);

        assertThat(mongo.count(byEmail(email), Enquiry.class).block()).isEqualTo(2);
        events.awaitOne(first, QuoteRequested.TYPE);
        List<Event> published = mongo.find(byEmail(email), Enquiry.class).map(Enquiry::id)
                .flatMapIterable(events::drainFor).collectList().block();
        assertThat(published).hasSize(1);
    }

    @Test
    void aLaterEnquiryOfTheSameOrganisationIsLinkedToTheEarlierOne() {
        String organisation = "Contoso " + UUID.randomUUID();
        String first = post(quote(uniqueEmail("first"), organisation));
        var later = quote(uniqueEmail("second"), organisation.toUpperCase() + " ");
        later.put("teamSize", 80);
        String second = post(later);

        JsonNode lead = events.awaitOne(second, QuoteRequested.TYPE).payload().get("lead");
        assertThat(lead.get("team").asString()).isEqualTo("enterprise");
        assertThat(lead.get("relatedEnquiries")).hasSize(1);
        assertThat(lead.get("relatedEnquiries").get(0).get("enquiryId").asString()).isEqualTo(first);
        assertThat(lead.get("relatedEnquiries").get(0).get("kind").asString()).isEqualTo("QUOTE");
    }

    private String post(Map<String, Object> body) {
        return web.post().uri("/api/enquiries/in-house-quotes").bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
    }

    private void assertNothingStoredFor(String email) {
        assertThat(mongo.count(byEmail(email), Enquiry.class).block()).isZero();
    }

    private static Query byEmail(String email) {
        return Query.query(Criteria.where("emailSha256").is(Fingerprints.emailSha256(email)));
    }
}
