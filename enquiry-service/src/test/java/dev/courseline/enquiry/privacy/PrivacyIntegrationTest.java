package dev.courseline.enquiry.privacy;

import static dev.courseline.enquiry.support.Forms.membership;
import static dev.courseline.enquiry.support.Forms.quote;
import static dev.courseline.enquiry.support.Forms.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;

import dev.courseline.enquiry.enrolment.RunSeats;
import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Fingerprints;
import dev.courseline.enquiry.lead.SearchTerms;
import dev.courseline.enquiry.support.CatalogueFeed;
import dev.courseline.enquiry.support.Contracts;
import dev.courseline.enquiry.support.EnquiryEvents;
import dev.courseline.enquiry.support.TestClock;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
@SpringBootTest(webEnvironment = RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class PrivacyIntegrationTest {

    @AutoClose
    private static EnquiryEvents events;
    @AutoClose
    private static CatalogueFeed catalogue;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    RetentionJob retention;

    @Autowired
    Anonymiser anonymiser;

    @Autowired
    PrivacyProperties privacyProperties;

    @BeforeAll
    static void connect() {
        events = new EnquiryEvents();
        catalogue = new CatalogueFeed();
    }

    @Test
    void anAdminErasureAnonymisesThePersonEverywhereAndTellsOtherServices() {
        String email = uniqueEmail("forget-me");
        String organisation = "Erase Ltd " + UUID.randomUUID();
        String quoteId = accepted("/api/enquiries/in-house-quotes", quote(email, organisation));
        assertThat(mongo.findById(quoteId, Enquiry.class).block().searchTerms()).as("the lead's search terms")
                .contains(email.toLowerCase(), "erase", "ltd");
        String membershipId = accepted("/api/enquiries/memberships", membership(email));
        String runId = UUID.randomUUID().toString();
        catalogue.publishRun("courseline.catalogue.run-scheduled.v1", catalogue.run(runId, 5, 1, "SCHEDULED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findById(runId, RunSeats.class).block() != null);
        web.post().uri("/api/enrolments").bodyValue(Map.of("runId", runId,
                "learner", Map.of("name", "Forget Me", "email", email),
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false)))
                .exchange().expectStatus().isCreated();

        String sha = Fingerprints.emailSha256(email);
        web.post().uri("/api/admin/erasures").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada")))
                .bodyValue(Map.of("email", email.toUpperCase())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.emailSha256").isEqualTo(sha)
                .jsonPath("$.enquiries").isEqualTo(2)
                .jsonPath("$.enrolments").isEqualTo(1);

        for (String id : new String[]{quoteId, membershipId}) {
            Enquiry erased = mongo.findById(id, Enquiry.class).block();
            assertThat(erased.anonymised()).isTrue();
            assertThat(erased.contact().email()).isNotEqualTo(email);
            assertThat(erased.contact().name()).isEqualTo("(erased)");
            assertThat(erased.emailSha256()).isNull();
            assertThat(erased.consent().privacyNoticeVersion()).isEqualTo("2026-09");
            if (erased.lead() != null) {
                // The inbox still finds the lead by its organisation, and by nothing of the person.
                assertThat(erased.searchTerms()).as("search terms of " + id)
                        .isEqualTo(SearchTerms.ofOrganisation(erased.organisation()))
                        .noneMatch(term -> term.contains("forget") || term.contains("@"));
            }
        }
        assertThat(mongo.findById(quoteId, Enquiry.class).block().searchTerms())
                .isEqualTo(SearchTerms.words(organisation));
        RunSeats run = mongo.findById(runId, RunSeats.class).block();
        assertThat(run.enrolments().get(0).learner().email()).isNotEqualTo(email);

        JsonNode erasedEvent = events.awaitOne(sha, PersonErased.TYPE).payload();
        Contracts.assertMatchesExample(PersonErased.TYPE, erasedEvent);
        assertThat(erasedEvent.get("emailSha256").asString()).isEqualTo(sha);
    }

    @Test
    void erasureNeedsAValidEmail() {
        web.post().uri("/api/admin/erasures").headers(h -> h.setBearerAuth(LocalStack.current().tokenFor("ada")))
                .bodyValue(Map.of("email", "nobody")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
    }

    @Test
    void closedLeadsPastTheRetentionPeriodAreAnonymisedAndOpenOnesAreNot() {
        String closedId = accepted("/api/enquiries/in-house-quotes",
                quote(uniqueEmail("closed"), "Old Ltd " + UUID.randomUUID()));
        String openId = accepted("/api/enquiries/in-house-quotes",
                quote(uniqueEmail("open"), "New Ltd " + UUID.randomUUID()));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(closedId)), new Update()
                .set("lead.status", "LOST").set("lead.closedAt", Instant.now().minus(800, ChronoUnit.DAYS)),
                Enquiry.class).block();

        retention.anonymiseExpired().block();

        Enquiry closed = mongo.findById(closedId, Enquiry.class).block();
        assertThat(closed.anonymised()).isTrue();
        assertThat(closed.searchTerms()).isEqualTo(SearchTerms.ofOrganisation(closed.organisation()))
                .noneMatch(term -> term.contains("closed") || term.contains("@"));
        Enquiry open = mongo.findById(openId, Enquiry.class).block();
        assertThat(open.anonymised()).isFalse();
        assertThat(open.searchTerms()).contains(open.contact().email().toLowerCase());
    }

    @Test
    void theScheduledRetentionCheckAnonymisesALeadWhenItsPeriodEndsAndNotBefore() {
        String closedId = accepted("/api/enquiries/in-house-quotes",
                quote(uniqueEmail("closing"), "Closing Ltd " + UUID.randomUUID()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant periodEnds = now.plus(Duration.ofHours(1));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(closedId)), new Update().set("lead.status", "WON")
                .set("lead.closedAt", periodEnds.minus(privacyProperties.retention())), Enquiry.class).block();
        // A schedule of its own, and a clock the test moves: the application's check runs on the real clock.
        TestClock clock = new TestClock(now);
        var check = new RetentionJob(anonymiser, privacyProperties, clock);

        check.applyRetention();
        clock.set(periodEnds.minusSeconds(60));
        check.applyRetention();
        assertThat(mongo.findById(closedId, Enquiry.class).block().anonymised()).isFalse();

        clock.set(periodEnds.plusSeconds(1));
        check.applyRetention();
        Enquiry expired = mongo.findById(closedId, Enquiry.class).block();
        assertThat(expired.anonymised()).isTrue();
        assertThat(expired.contact()).isEqualTo(Contact.erased());
    }

    private String accepted(String uri, Object body) {
        return web.post().uri(uri).bodyValue(body).exchange()
                .expectStatus().isAccepted()
                .expectBody(JsonNode.class).returnResult().getResponseBody().get("enquiryId").asString();
    }
}
