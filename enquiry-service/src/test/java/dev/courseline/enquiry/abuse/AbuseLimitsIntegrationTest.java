package dev.courseline.enquiry.abuse;

import static dev.courseline.enquiry.support.Forms.membership;
import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.bson.Document;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.enrolment.RunSeats;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.membership.MembershipRequested;
import dev.courseline.enquiry.metrics.PrometheusScrape;
import dev.courseline.enquiry.quote.QuoteRequested;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The limits, quarantine, enrolment bounds and idempotency of issue 20, with small limits of its own. Requests come
 * from the loopback, a trusted proxy by default, so each test names its own client in {@code X-Forwarded-For}.
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT, properties = {
        "enquiry.abuse.limits.address.requests=6",
        "enquiry.abuse.limits.address.window=4s",
        "enquiry.abuse.limits.email.requests=5",
        "enquiry.abuse.limits.email.window=1h",
        "enquiry.abuse.limits.organisation.requests=0",
        "enquiry.abuse.suspicion.burst-threshold=3",
        "enquiry.abuse.suspicion.min-form-age=2s",
        "enquiry.abuse.suspicion.form-stamp-secret=" + AbuseLimitsIntegrationTest.SECRET,
        "enquiry.abuse.enrolments.max-active-per-email=2",
        "enquiry.abuse.enrolments.waitlist-cap=3"})
@AutoConfigureWebTestClient(timeout = "60s")
class AbuseLimitsIntegrationTest {

    static final String SECRET = "test-form-stamp-secret";
    private static final long WINDOW_MILLIS = 4000;

    @AutoClose
    private static EnquiryEvents events;
    @AutoClose
    private static CatalogueFeed catalogue;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    static void connect() {
        events = new EnquiryEvents();
        catalogue = new CatalogueFeed();
    }

    // --- limits -----------------------------------------------------------------------------------------------

    @Test
    void aBurstOverTheAddressLimitGets429WithRetryAfterAndARequestAfterTheWindowIsTaken() {
        String client = newClient();
        awaitFreshWindow();
        PrometheusScrape before = scrape();
        for (int i = 0; i < 6; i++) {
            membershipFrom(client, membership(uniqueEmail("burst" + i))).expectStatus().isAccepted();
        }
        membershipFrom(client, membership(uniqueEmail("over"))).expectStatus().isEqualTo(429)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value("Retry-After", retryAfter -> assertThat(Integer.parseInt(retryAfter)).isBetween(1, 4))
                .expectBody()
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.title").isEqualTo("Too many requests");
        assertThat(scrape().increaseSince(before, "courseline_rate_limited_total", "limit", "address"))
                .as("the refusal counted by the limit it went over").isEqualTo(1.0);
        // Another client is not held up by this one.
        membershipFrom(newClient(), membership(uniqueEmail("other"))).expectStatus().isAccepted();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(
                () -> membershipFrom(client, membership(uniqueEmail("later"))).expectStatus().isAccepted());
    }

    @Test
    void enrolCancelEnrolFromOneEmailIsThrottled() {
        String runId = scheduledRun(5);
        String email = uniqueEmail("churn");
        int taken = 0;
        for (int i = 0; i < 5; i++) {
            JsonNode enrolled = enrolFrom(newClient(), enrolment(runId, email)).expectStatus().isCreated()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            taken++;
            web.post()
                    .uri(cancellation(enrolled.get("enrolmentId").asString(),
                            "courseline.enquiry.enrolment-confirmed.v1"))
                    .header("X-Forwarded-For", newClient()).exchange().expectStatus().isOk();
        }
        assertThat(taken).isEqualTo(5);
        enrolFrom(newClient(), enrolment(runId, email)).expectStatus().isEqualTo(429)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.title").isEqualTo("Too many requests");
    }

    // --- quarantine -------------------------------------------------------------------------------------------

    @Test
    void aFilledHoneypotIsStoredInQuarantineSendsNothingUntilReleasedAndReleaseSendsTheLead() {
        PrometheusScrape before = scrape();
        JsonNode answer = post("/api/enquiries/memberships", newClient(), membership(uniqueEmail("bot")),
                Map.of(ClientSignals.HONEYPOT_HEADER, "http://spam.example"))
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        String id = answer.get("enquiryId").asString();
        assertThat(answer.get("status").asString()).as("the answer any request gets").isEqualTo("RECEIVED");
        JsonNode plain = post("/api/enquiries/memberships", newClient(), membership(uniqueEmail("person")), Map.of())
                .expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(answer.propertyNames()).containsExactlyInAnyOrderElementsOf(plain.propertyNames());

        Document stored = enquiry(id);
        assertThat(stored.get("quarantine", Document.class).getString("status")).isEqualTo("SUSPECT");
        assertThat(stored.get("quarantine", Document.class).getList("reasons", String.class)).contains("HONEYPOT");
        assertThat(stored.get("lead")).isNull();
        assertThat(stored.get("searchTerms")).as("not in the inbox, so not searchable").isNull();
        assertThat(events.drainFor(id)).as("no event, so no sales email").isEmpty();
        PrometheusScrape after = scrape();
        assertThat(after.increaseSince(before, "courseline_enquiries_received_total", "kind", "membership", "outcome",
                "quarantined")).isEqualTo(1.0);
        assertThat(after.increaseSince(before, "courseline_quarantined_total", "reason", "honeypot")).isEqualTo(1.0);

        web.get().uri("/api/quarantine").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/quarantine").headers(h -> h.setBearerAuth(token("cora"))).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/quarantine").headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.enquiryId == '" + id + "')].reasons[0]").isEqualTo("HONEYPOT");

        web.post().uri("/api/quarantine/{id}/release", id).headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("RELEASED").jsonPath("$.decidedBy").isEqualTo("sam");
        JsonNode released = events.awaitOne(id, MembershipRequested.TYPE).payload();
        assertThat(released.get("lead").get("team").asString()).isEqualTo("membership");
        assertThat(enquiry(id).get("lead", Document.class).getString("status")).isEqualTo("NEW");
        Document contact = enquiry(id).get("contact", Document.class);
        assertThat(enquiry(id).getList("searchTerms", String.class)).as("searchable once released")
                .contains(contact.getString("email").toLowerCase());
        web.post().uri("/api/quarantine/{id}/discard", id).headers(h -> h.setBearerAuth(token("sam"))).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aDiscardedSuspectNeverSendsAnything() {
        String id = acceptedId(post("/api/enquiries/memberships", newClient(), membership(uniqueEmail("junk")),
                Map.of(ClientSignals.HONEYPOT_HEADER, "x")));
        web.post().uri("/api/quarantine/{id}/discard", id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("DISCARDED");
        web.post().uri("/api/quarantine/{id}/release", id).headers(h -> h.setBearerAuth(token("ada"))).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(events.drainFor(id)).isEmpty();
    }

    @Test
    void aFormSentFasterThanAHumanCouldIsQuarantinedAndOneFilledInAtHumanSpeedIsNot() {
        String email = uniqueEmail("fast");
        String fast = acceptedId(
                post("/api/enquiries/in-house-quotes", newClient(), quote(email, "Fast " + UUID.randomUUID()),
                        Map.of(ClientSignals.FORM_STAMP_HEADER, FormStamps.stamp(Instant.now(), SECRET))));
        assertThat(reasons(fast)).containsExactly("TOO_FAST");
        assertThat(events.drainFor(fast)).isEmpty();

        String forged = acceptedId(post("/api/enquiries/in-house-quotes", newClient(),
                quote(uniqueEmail("forged"), "Forged " + UUID.randomUUID()),
                Map.of(ClientSignals.FORM_STAMP_HEADER, FormStamps.stamp(Instant.now().minusSeconds(60), "guess"))));
        assertThat(reasons(forged)).containsExactly("FORM_STAMP_INVALID");

        String human = acceptedId(post("/api/enquiries/in-house-quotes", newClient(),
                quote(uniqueEmail("human"), "Human " + UUID.randomUUID()),
                Map.of(ClientSignals.FORM_STAMP_HEADER, FormStamps.stamp(Instant.now().minusSeconds(40), SECRET))));
        assertThat(enquiry(human).get("quarantine")).isNull();
        events.awaitOne(human, QuoteRequested.TYPE);
    }

    @Test
    void aDisposableEmailDomainIsQuarantined() {
        String id = acceptedId(post("/api/enquiries/in-house-quotes", newClient(),
                quote("someone-" + UUID.randomUUID() + "@Mailinator.com", "Throwaway " + UUID.randomUUID()), Map.of()));
        assertThat(reasons(id)).containsExactly("DISPOSABLE_EMAIL");
        assertThat(events.drainFor(id)).isEmpty();
    }

    @Test
    void aBurstFromOneAddressBelowTheHardLimitIsQuarantined() {
        String client = newClient();
        awaitFreshWindow();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(acceptedId(post("/api/enquiries/memberships", client, membership(uniqueEmail("b" + i)), Map.of())));
        }
        assertThat(enquiry(ids.get(2)).get("quarantine")).isNull();
        assertThat(reasons(ids.get(3))).containsExactly("BURST");
    }

    // --- idempotency ------------------------------------------------------------------------------------------

    @Test
    void aReusedKeyWithADifferentBodyGets422AndStoresNothingWhileAnotherClientMayUseTheSameKey() {
        String client = newClient();
        String key = UUID.randomUUID().toString();
        String email = uniqueEmail("keyed");
        String first = acceptedId(post("/api/enquiries/memberships", client, membership(email),
                Map.of("Idempotency-Key", key)));
        assertThat(acceptedId(post("/api/enquiries/memberships", client, membership(email),
                Map.of("Idempotency-Key", key)))).isEqualTo(first);

        Map<String, Object> changed = membership(email);
        changed.put("plan", "monthly");
        post("/api/enquiries/memberships", client, changed, Map.of("Idempotency-Key", key))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(422).jsonPath("$.title")
                .isEqualTo("Idempotency-Key reused");

        String elsewhere = acceptedId(post("/api/enquiries/memberships", newClient(), changed,
                Map.of("Idempotency-Key", key)));
        assertThat(elsewhere).as("keys are scoped to their client").isNotEqualTo(first);
        Document stored = mongo.getCollection("idempotency_keys").flatMap(c -> reactor.core.publisher.Mono.from(
                c.find().limit(1))).block();
        assertThat(stored.getString("requestSha256")).hasSize(64);
        assertThat(stored.get("expiresAt")).isNotNull();
    }

    // --- enrolments -------------------------------------------------------------------------------------------

    @Test
    void anEnrolmentAnswerHoldsNoCancelLink() {
        String runId = scheduledRun(2);
        String body = enrolFrom(newClient(), enrolment(runId, uniqueEmail("learner"))).expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("cancelLink").doesNotContain("token");
    }

    @Test
    void aFullWaitlistSaysSoAndTheRunsDocumentStaysFarBelowTheDocumentLimit() {
        String runId = scheduledRun(1);
        for (int i = 0; i < 4; i++) {
            enrolFrom(newClient(), longest(runId, i)).expectStatus().isCreated();
        }
        enrolFrom(newClient(), longest(runId, 9)).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Waitlist full");
        RunSeats run = mongo.findById(runId, RunSeats.class).block();
        assertThat(run.enrolments()).hasSize(4);

        // Every place in the run's document at its longest; a run of 1000 seats with the default waitlist cap (50).
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.findById(runId, RunSeats.class).block().pendingEvents().isEmpty());
        Document raw = mongo.getCollection(RunSeats.COLLECTION).flatMap(c -> reactor.core.publisher.Mono.from(
                c.find(new Document("_id", runId)).first())).block();
        int bytes = raw.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        long perPlace = bytes / 4;
        // A figure for the report, not an assertion.
        System.out.printf("run document with 4 places at their longest: %d bytes, %d per place%n", bytes, perPlace);
        assertThat(perPlace * (1000 + 50)).as("bytes at 1050 places").isLessThan(4L * 1024 * 1024);
    }

    @Test
    void oneEmailHoldsABoundedNumberOfActivePlacesAcrossRuns() {
        String email = uniqueEmail("collector");
        enrolFrom(newClient(), enrolment(scheduledRun(3), email)).expectStatus().isCreated();
        enrolFrom(newClient(), enrolment(scheduledRun(3), email)).expectStatus().isCreated();
        enrolFrom(newClient(), enrolment(scheduledRun(3), email)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.title").isEqualTo("Too many active enrolments");
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private WebTestClient.ResponseSpec membershipFrom(String client, Map<String, Object> body) {
        return post("/api/enquiries/memberships", client, body, Map.of());
    }

    private WebTestClient.ResponseSpec enrolFrom(String client, Map<String, Object> body) {
        return post("/api/enrolments", client, body, Map.of());
    }

    private WebTestClient.ResponseSpec post(String path, String client, Map<String, Object> body,
            Map<String, String> headers) {
        return web.post().uri(path).header("X-Forwarded-For", client)
                .headers(h -> headers.forEach(h::set)).bodyValue(body).exchange();
    }

    private static String acceptedId(WebTestClient.ResponseSpec response) {
        return response.expectStatus().isAccepted().expectBody(JsonNode.class).returnResult().getResponseBody()
                .get("enquiryId").asString();
    }

    private Document enquiry(String id) {
        return mongo.findById(id, Document.class, Enquiry.COLLECTION).block();
    }

    private List<String> reasons(String id) {
        Document quarantine = enquiry(id).get("quarantine", Document.class);
        assertThat(quarantine).as("quarantined").isNotNull();
        return quarantine.getList("reasons", String.class);
    }

    /** A client address of the documentation range, new for each call. */
    private static String newClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** Waits for the start of a fixed window, so that a burst falls into one. */
    private PrometheusScrape scrape() {
        return PrometheusScrape.of(web);
    }

    private static void awaitFreshWindow() {
        await().atMost(Duration.ofSeconds(6)).pollInterval(Duration.ofMillis(20))
                .until(() -> System.currentTimeMillis() % WINDOW_MILLIS < 300);
    }

    private String cancellation(String enrolmentId, String eventType) {
        String link = events.awaitOne(enrolmentId, eventType).payload().get("links").get("cancel").asString();
        return "/api/enrolments/" + enrolmentId + "/cancellation?token="
                + link.substring(link.indexOf("?token=") + "?token=".length());
    }

    private String scheduledRun(int seats) {
        String runId = UUID.randomUUID().toString();
        catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, seats, 1, "SCHEDULED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);
        return runId;
    }

    private static Map<String, Object> enrolment(String runId, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("runId", runId);
        body.put("learner", new HashMap<>(Map.of("name", "Grace Okafor", "email", email)));
        body.put("consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        return body;
    }

    /** An enrolment with every field at its longest. */
    private static Map<String, Object> longest(String runId, int i) {
        String local = (i + "-" + UUID.randomUUID() + "x".repeat(64)).substring(0, 64);
        String email = local + "@" + "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(57) + ".com";
        Map<String, Object> body = enrolment(runId, email);
        ((Map<String, Object>) body.get("learner")).put("name", "N".repeat(200));
        body.put("organisation", "O".repeat(200));
        body.put("purchaseOrder", "P".repeat(100));
        return body;
    }

    private static String token(String user) {
        return LocalStack.current().tokenFor(user);
    }
}
