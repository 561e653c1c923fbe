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
import java.util.stream.IntStream;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.enquiry.support.Contracts;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "60s")
class EnrolmentIntegrationTest {

    /** Simultaneous enrolments in the concurrency test; {@code -Denrolment.crowd=500} for the load figure. */
    private static final int CROWD = Integer.getInteger("enrolment.crowd", 200);

    @AutoClose
    private static EnquiryEvents events;
    @AutoClose
    private static CatalogueFeed catalogue;

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        events = new EnquiryEvents();
        catalogue = new CatalogueFeed();
    }

    @Test
    void twoHundredSimultaneousEnrolmentsForTwentySeatsConfirmTwentyAndQueueTheRestInOrder() {
        String runId = scheduledRun(20);

        WebClient client = WebClient.create("http://localhost:" + port);
        long started = System.nanoTime();
        List<JsonNode> answers = Flux.range(0, CROWD)
                .flatMap(i -> client.post().uri("/api/enrolments").bodyValue(body(runId, uniqueEmail("crowd" + i)))
                        .retrieve().bodyToMono(JsonNode.class), CROWD)
                .collectList().block();
        long settledMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(answers).hasSize(CROWD);
        assertThat(answers).filteredOn(a -> a.get("status").asString().equals("CONFIRMED")).hasSize(20);
        List<Integer> positions = answers.stream().filter(a -> a.get("status").asString().equals("WAITLISTED"))
                .map(a -> a.get("waitlistPosition").asInt()).sorted().toList();
        assertThat(positions).isEqualTo(IntStream.rangeClosed(1, CROWD - 20).boxed().toList());
        RunSeats stored = mongo.findById(runId, RunSeats.class).block();
        assertThat(stored.seatsLeft()).isZero();
        assertThat(stored.enrolments()).hasSize(CROWD);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(runId, RunSeats.class).block().pendingEvents().isEmpty());
        long publishedMillis = (System.nanoTime() - started) / 1_000_000;
        // A figure for the report, not an assertion: timing depends on the machine.
        System.out.printf("%d enrolments for 20 seats settled in %d ms, all events published after %d ms%n",
                CROWD, settledMillis, publishedMillis);
    }

    @Test
    void cancellingThroughTheLearnersLinkPromotesTheHeadOfTheWaitlist() {
        String runId = scheduledRun(1);
        JsonNode seated = enrol(runId, uniqueEmail("seated"));
        JsonNode first = enrol(runId, uniqueEmail("first-in-line"));
        JsonNode second = enrol(runId, uniqueEmail("second-in-line"));
        assertThat(seated.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(first.get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(second.get("waitlistPosition").asInt()).isEqualTo(2);

        JsonNode confirmed = events.awaitOne(id(seated), EnrolmentEvent.CONFIRMED).payload();
        Contracts.assertMatchesExample(EnrolmentEvent.CONFIRMED, confirmed);
        assertThat(confirmed.get("run").get("id").asString()).isEqualTo(runId);
        assertThat(confirmed.get("run").get("timeZone").asString()).isEqualTo("UTC");
        JsonNode waitlisted = events.awaitOne(id(first), EnrolmentEvent.WAITLISTED).payload();
        Contracts.assertMatchesExample(EnrolmentEvent.WAITLISTED, waitlisted);
        assertThat(waitlisted.get("waitlistPosition").asInt()).isEqualTo(1);

        assertThat(seated.has("cancelLink")).as("the secret link is only in the email").isFalse();
        web.post().uri(cancellation(id(seated), EnrolmentEvent.CONFIRMED)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        JsonNode cancelled = events.awaitOne(id(seated), EnrolmentEvent.CANCELLED).payload();
        Contracts.assertMatchesExample(EnrolmentEvent.CANCELLED, cancelled);
        assertThat(cancelled.get("reason").asString()).isEqualTo("LEARNER_CANCELLED");
        JsonNode promoted = events.awaitOne(id(first), EnrolmentEvent.PROMOTED).payload();
        Contracts.assertMatchesExample(EnrolmentEvent.PROMOTED, promoted);
        assertThat(promoted.get("status").asString()).isEqualTo("CONFIRMED");
        // The email's link opens the learner's "My enrolment" page on the website, with the token of their link.
        assertThat(promoted.get("links").get("cancel").asString()).isEqualTo("https://www.courseline.test/enrolments/"
                + id(first) + "?token=" + token(waitlisted.get("links").get("cancel").asString()));
        assertThat(confirmed.get("links").get("cancel").asString())
                .startsWith("https://www.courseline.test/enrolments/" + id(seated) + "?token=");

        RunSeats stored = mongo.findById(runId, RunSeats.class).block();
        assertThat(stored.seatsLeft()).isZero();
        assertThat(stored.enrolments()).extracting(Enrolment::status).containsExactly(EnrolmentStatus.CANCELLED,
                EnrolmentStatus.CONFIRMED, EnrolmentStatus.WAITLISTED);
    }

    @Test
    void aWrongTokenCancelsNothing() {
        String runId = scheduledRun(2);
        JsonNode seated = enrol(runId, uniqueEmail("kept"));

        web.post().uri("/api/enrolments/{id}/cancellation?token=guess", id(seated)).exchange()
                .expectStatus().isNotFound();
        web.post().uri("/api/enrolments/{id}/cancellation", id(seated)).exchange()
                .expectStatus().isNotFound();

        assertThat(mongo.findById(runId, RunSeats.class).block().enrolments())
                .extracting(Enrolment::status).containsExactly(EnrolmentStatus.CONFIRMED);
    }

    @Test
    void moreCapacityPromotesTheWaitlistAndACancelledRunCancelsEveryone() {
        String runId = scheduledRun(1);
        JsonNode seated = enrol(runId, uniqueEmail("a"));
        JsonNode waiting = enrol(runId, uniqueEmail("b"));

        catalogue.publishRun("courseline.catalogue.run-capacity-changed.v1", catalogue.run(runId, 2, 2, "SCHEDULED"));
        events.awaitOne(id(waiting), EnrolmentEvent.PROMOTED);

        catalogue.publishRun("courseline.catalogue.run-cancelled.v1", catalogue.run(runId, 2, 3, "CANCELLED"));
        for (JsonNode learner : List.of(seated, waiting)) {
            JsonNode cancelled = events.awaitOne(id(learner), EnrolmentEvent.CANCELLED).payload();
            assertThat(cancelled.get("reason").asString()).isEqualTo("RUN_CANCELLED");
        }
        web.post().uri("/api/enrolments").bodyValue(body(runId, uniqueEmail("late"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("runId");
    }

    @Test
    void aRescheduledRunTellsItsLearnersTheNewDates() {
        String runId = scheduledRun(5);
        JsonNode seated = enrol(runId, uniqueEmail("moved"));
        ObjectNode moved = catalogue.run(runId, 5, 2, "SCHEDULED");
        moved.put("start", "2027-02-01T09:00");
        catalogue.publishRun("courseline.catalogue.run-rescheduled.v1", moved);

        JsonNode rescheduled = events.awaitOne(id(seated), EnrolmentEvent.RESCHEDULED).payload();
        Contracts.assertMatchesExample(EnrolmentEvent.RESCHEDULED, rescheduled);
        assertThat(rescheduled.get("run").get("start").asString()).isEqualTo("2027-02-01T09:00");
    }

    @Test
    void badEnrolmentsAreNamedAndStoreNothing() {
        String runId = scheduledRun(3);
        var body = body(runId, "not-an-email");
        ((Map<String, Object>) body.get("learner")).put("name", "Eve\nBcc: x@example.com");
        web.post().uri("/api/enrolments").bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field")
                .value(fields -> assertThat((List<String>) fields).containsExactly("learner.email", "learner.name"));
        web.post().uri("/api/enrolments").bodyValue(body(UUID.randomUUID().toString(), uniqueEmail("x"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("runId");
        web.post().uri("/api/enrolments").bodyValue(body(runId, "x".repeat(70_000) + "@example.com")).exchange()
                .expectStatus().isEqualTo(413);
        assertThat(mongo.findById(runId, RunSeats.class).block().enrolments()).isEmpty();
    }

    @Test
    void theSameLearnerCannotTakeTwoSeatsOnOneRun() {
        String runId = scheduledRun(3);
        String email = uniqueEmail("greedy");
        enrol(runId, email);
        web.post().uri("/api/enrolments").bodyValue(body(runId, email.toUpperCase())).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(mongo.findById(runId, RunSeats.class).block().seatsLeft()).isEqualTo(2);
    }

    @Test
    void aRetriedEnrolmentWithTheSameIdempotencyKeyGetsTheFirstAnswerAndTakesOnePlace() {
        String runId = scheduledRun(1);
        enrol(runId, uniqueEmail("first"));
        String key = UUID.randomUUID().toString();
        var body = body(runId, uniqueEmail("retry"));
        WebClient client = WebClient.create("http://localhost:" + port);

        List<JsonNode> answers = Flux.range(0, 3)
                .flatMap(i -> client.post().uri("/api/enrolments").header("Idempotency-Key", key).bodyValue(body)
                        .retrieve().bodyToMono(JsonNode.class))
                .collectList().block();

        assertThat(answers).extracting(a -> a.get("enrolmentId").asString()).containsOnly(id(answers.get(0)));
        assertThat(answers).allSatisfy(a -> assertThat(a.has("cancelLink")).isFalse());
        assertThat(mongo.findById(runId, RunSeats.class).block().enrolments()).hasSize(2);
        events.awaitOne(id(answers.get(0)), EnrolmentEvent.WAITLISTED);
        assertThat(events.drainFor(id(answers.get(0)))).hasSize(1);

        web.get().uri("/api/enrolments/{id}", id(answers.get(0))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("WAITLISTED")
                .jsonPath("$.waitlistPosition").isEqualTo(1)
                .jsonPath("$.cancelLink").doesNotExist()
                .jsonPath("$.learner").doesNotExist();
        web.get().uri("/api/enrolments/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theWebsiteReadsHowManySeatsARunHasLeftAndHowLongItsWaitlistIs() {
        String runId = scheduledRun(2);
        expectSeats(runId, 2, 2, 0, true);
        enrol(runId, uniqueEmail("one"));
        enrol(runId, uniqueEmail("two"));
        JsonNode waiting = enrol(runId, uniqueEmail("three"));
        enrol(runId, uniqueEmail("four"));

        JsonNode seats = expectSeats(runId, 2, 0, 2, true);
        assertThat(seats.propertyNames()).as("counts only, nothing about the learners")
                .containsExactlyInAnyOrder("runId", "maxCapacity", "seatsLeft", "waitlisted", "open");
        web.head().uri("/api/runs/{id}/seats", runId).exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(SeatAvailabilityController.CACHE)
                .expectBody().isEmpty();

        web.post().uri(cancellation(id(waiting), EnrolmentEvent.WAITLISTED)).exchange().expectStatus().isOk();
        expectSeats(runId, 2, 0, 1, true);

        catalogue.publishRun("courseline.catalogue.run-cancelled.v1", catalogue.run(runId, 2, 2, "CANCELLED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> !seats(runId).get("open").asBoolean());
        expectSeats(runId, 2, 0, 0, false);
    }

    @Test
    void aRunThatHasStartedTakesNoEnrolmentsAndAnUnknownRunHasNoSeats() {
        String runId = UUID.randomUUID().toString();
        ObjectNode started = catalogue.run(runId, 3, 1, "CONFIRMED");
        started.put("startUtc", java.time.Instant.now().minus(Duration.ofHours(1)).toString());
        catalogue.publishRun("courseline.catalogue.run-confirmed.v1", started);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);

        expectSeats(runId, 3, 3, 0, false);
        web.get().uri("/api/runs/{id}/seats", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    private JsonNode expectSeats(String runId, int maxCapacity, int seatsLeft, int waitlisted, boolean open) {
        JsonNode seats = seats(runId);
        assertThat(seats.get("runId").asString()).isEqualTo(runId);
        assertThat(seats.get("maxCapacity").asInt()).isEqualTo(maxCapacity);
        assertThat(seats.get("seatsLeft").asInt()).isEqualTo(seatsLeft);
        assertThat(seats.get("waitlisted").asInt()).isEqualTo(waitlisted);
        assertThat(seats.get("open").asBoolean()).isEqualTo(open);
        return seats;
    }

    private JsonNode seats(String runId) {
        return web.get().uri("/api/runs/{id}/seats", runId).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "max-age=5, public")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private String scheduledRun(int seats) {
        String runId = UUID.randomUUID().toString();
        catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, seats, 1, "SCHEDULED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);
        return runId;
    }

    private JsonNode enrol(String runId, String email) {
        return web.post().uri("/api/enrolments").bodyValue(body(runId, email)).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", ".*/api/enrolments/[^/]+")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> body(String runId, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("runId", runId);
        body.put("learner", new HashMap<>(Map.of("name", "Grace Okafor", "email", email)));
        body.put("organisation", "Northwind Logistics");
        body.put("consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        return body;
    }

    private static String id(JsonNode answer) {
        return answer.get("enrolmentId").asString();
    }

    private static String token(String link) {
        return link.substring(link.indexOf("?token=") + "?token=".length());
    }

    /** The API's cancellation with the learner's token, as read from the link in their email's event. */
    private String cancellation(String enrolmentId, String eventType) {
        String link = events.awaitOne(enrolmentId, eventType).payload().get("links").get("cancel").asString();
        return "/api/enrolments/" + enrolmentId + "/cancellation?token=" + token(link);
    }
}
