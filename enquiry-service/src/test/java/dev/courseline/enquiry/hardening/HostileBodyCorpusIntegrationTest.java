package dev.courseline.enquiry.hardening;

import static dev.courseline.enquiry.support.Forms.membership;
import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import dev.courseline.enquiry.enrolment.RunSeats;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.localstack.junit.WithLocalStack;

/**
 * Hundreds of hostile bodies against the public POST endpoints: each gets a 4xx problem body, and the store holds
 * exactly what it held before the whole corpus (no enquiry, party entry, enrolment or idempotency record more).
 */
@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileBodyCorpusIntegrationTest {

    private static final String RUN_ID = UUID.randomUUID().toString();

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    private Map<String, Long> before;

    @BeforeAll
    void scheduleARunAndCountTheStore() {
        try (CatalogueFeed catalogue = new CatalogueFeed()) {
            catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(RUN_ID, 50, 1, "SCHEDULED"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(RUN_ID, RunSeats.class).block() != null);
        before = storeCounts();
    }

    static Stream<HostileBodies.Case> corpus() {
        Map<String, Map<String, Object>> valid = new LinkedHashMap<>();
        valid.put("/api/enquiries/in-house-quotes", quote(uniqueEmail("hostile"), "Hostile Ltd"));
        valid.put("/api/enquiries/memberships", membership(uniqueEmail("hostile")));
        valid.put("/api/enrolments", Map.of("runId", RUN_ID,
                "learner", Map.of("name", "Hostile Learner", "email", uniqueEmail("hostile")),
                "organisation", "Hostile Ltd",
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false)));
        return HostileBodies.all(valid).stream();
    }

    @Test
    @Order(1)
    void theCorpusHasAtLeastTwoHundredBodies() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @Order(2)
    void aHostileBodyGetsA4xxProblem(HostileBodies.Case hostile) {
        EntityExchangeResult<byte[]> answer = web.post().uri(hostile.path())
                .contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .bodyValue(hostile.body())
                .exchange()
                .expectBody().returnResult();

        assertThat(answer.getStatus().is4xxClientError()).as(hostile + " answered " + answer.getStatus()).isTrue();
        assertThat(answer.getResponseHeaders().getContentType()).isNotNull()
                .matches(type -> type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON), "application/problem+json");
    }

    @AfterAll
    void nothingWasStored() {
        assertThat(storeCounts()).isEqualTo(before);
    }

    /** Documents per collection of the service's database, and enrolments held by the corpus's run. */
    private Map<String, Long> storeCounts() {
        Map<String, Long> counts = new TreeMap<>();
        List<String> collections = mongo.getCollectionNames().collectList().block();
        for (String collection : collections) {
            counts.put(collection, mongo.getCollection(collection)
                    .flatMap(c -> reactor.core.publisher.Mono.from(c.countDocuments())).block());
        }
        Document run = mongo.findById(RUN_ID, Document.class, RunSeats.COLLECTION).block();
        counts.put("enrolments in the corpus's run",
                run == null ? -1L : (long) run.getList("enrolments", Object.class, List.of()).size());
        return counts;
    }
}
