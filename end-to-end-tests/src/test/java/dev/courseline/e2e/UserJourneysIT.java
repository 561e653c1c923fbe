package dev.courseline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;

import dev.courseline.localstack.junit.WithLocalStack;

/**
 * The whole system as its users meet it: the three services run from their jars against the real broker process,
 * a MongoDB-wire server and an SMTP server, driven through their public APIs only; what the users see is read back
 * from those APIs and from the inbox.
 */
@WithLocalStack
@ExtendWith(SharedSystem.class)
class UserJourneysIT {

    private static CourselineSystem system;
    private static Mailbox mailbox;

    @BeforeAll
    static void useTheSharedSystem(CourselineSystem shared, Mailbox inbox) {
        system = shared;
        mailbox = inbox;
    }

    @Test
    void theSeededCatalogueIsServedPublicly() {
        Http.Response courses = Http.get(system.url("catalogue", "/api/courses"));

        assertThat(courses.status()).isEqualTo(200);
        assertThat(courses.body().toString()).contains("\"pspo\"", "\"psm\"", "PSPO I", "PSM I");
    }

    /** The running jars leave springdoc out and serve the committed documents, which the services' tests check. */
    @Test
    void eachServicePublishesItsCommittedApiDocument() throws IOException {
        for (String service : List.of("catalogue", "enquiry", "notification")) {
            Http.Response served = Http.get(system.url(service, "/v3/api-docs"));
            JsonNode committed = Http
                    .json(Files.readString(Path.of("..", "docs", "openapi", service + "-service.json")));

            assertThat(served.status()).as(service).isEqualTo(200);
            assertThat(served.body()).as(service).isEqualTo(committed);
        }
    }

    @Test
    void aQuoteRequestBecomesExactlyOneLeadEmailToTheRoutedSalesTeam() {
        String organisation = "Northwind Logistics " + UUID.randomUUID().toString().substring(0, 8);
        String contactEmail = "priya." + UUID.randomUUID().toString().substring(0, 8) + "@northwind.example";
        Map<String, Object> quote = Map.of(
                "organisation", Map.of("name", organisation, "country", "GB"),
                "contact", Map.of("name", "Priya Shah", "email", contactEmail, "jobTitle", "Head of Delivery"),
                "programme", "in-house",
                "teamSize", 24,
                "deliveryMode", "ONSITE",
                "location", "Manchester",
                "preferredDates", "Two days in late January",
                "budget", Map.of("amount", "12000.00", "currency", "GBP"),
                "message", "Mixed team of developers and product people, new to Scrum.",
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        String idempotencyKey = UUID.randomUUID().toString();

        // The catalogue reaches the enquiry side through Kafka a moment after start-up; until then the programme is
        // unknown there. Retrying with one Idempotency-Key can never create a second enquiry.
        Http.Response accepted = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(system.url("enquiry", "/api/enquiries/in-house-quotes"), quote, idempotencyKey),
                        response -> response.status() == 202);
        assertThat(accepted.body().path("enquiryId").asString()).isNotBlank();

        List<Mailbox.Mail> leadEmails = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to("sales-emea@", mail -> mail.text().contains(organisation)),
                        mails -> !mails.isEmpty());
        Mailbox.Mail lead = leadEmails.get(0);
        assertThat(lead.subject()).contains(organisation);
        assertThat(lead.text()).contains("Priya Shah", contactEmail, "24", "ONSITE", "Manchester",
                "Mixed team of developers and product people, new to Scrum.", "organisation country is in region emea");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.to("sales-emea@", mail -> mail.text().contains(organisation)),
                        mails -> mails.size() == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(contactEmail, mail -> true), mails -> mails.size() == 1);
    }

    @Test
    void aLearnerEnrolsOnAScheduledRunGetsACalendarInviteAndCancelsWithTheirOwnLink() {
        // A scheduled PSPO run with a seat left, as the enquiry side counts them: other tests on this stack may have
        // filled a run of their own (the waitlist journey makes one with a single seat).
        JsonNode runs = Http.get(system.url("catalogue", "/api/runs?course=pspo")).body();
        JsonNode run = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> StreamSupport.stream(runs.path("items").spliterator(), false)
                        .filter(candidate -> candidate.path("status").asString().equals("SCHEDULED"))
                        .filter(candidate -> {
                            Http.Response seats = Http.get(system.url("enquiry",
                                    "/api/runs/" + candidate.path("id").asString() + "/seats"));
                            return seats.status() == 200 && seats.body().path("open").asBoolean()
                                    && seats.body().path("seatsLeft").asInt() > 0;
                        })
                        .findFirst().orElse(null), found -> found != null);
        String learnerEmail = "lena." + UUID.randomUUID().toString().substring(0, 8) + "@learner.example";
        Map<String, Object> enrolment = Map.of(
                "runId", run.path("id").asString(),
                "learner", Map.of("name", "Lena Novak", "email", learnerEmail),
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));

        // The run reaches the enquiry side's catalogue view through Kafka; until then it is unknown there and
        // nothing is stored, so asking again is safe.
        Http.Response enrolled = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(system.url("enquiry", "/api/enrolments"), enrolment, null),
                        response -> response.status() == 201);
        assertThat(enrolled.body().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(enrolled.body().has("cancelLink")).as("the secret link is only in the email").isFalse();

        Mailbox.Mail confirmation = await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(learnerEmail, mail -> mail.subject().startsWith("Enrolment confirmed")),
                        mails -> mails.size() == 1)
                .get(0);
        assertThat(confirmation.subject()).contains(run.path("courseTitle").asString());
        assertThat(confirmation.attachments()).anyMatch(name -> name.endsWith(".ics"));
        // The email links to the learner's "My enrolment" page on the website, with the learner's secret token.
        String enrolmentId = enrolled.body().path("enrolmentId").asString();
        String page = system.url("website", "/enrolments/" + enrolmentId + "?token=");
        assertThat(confirmation.text()).contains("Lena Novak", page);
        String token = confirmation.text().substring(confirmation.text().indexOf(page) + page.length())
                .split("[^A-Za-z0-9_-]", 2)[0];

        Http.Response cancelled = Http.post(system.url("enquiry",
                "/api/enrolments/" + enrolmentId + "/cancellation?token=" + token), Map.of(), null);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mailbox.to(learnerEmail, mail -> mail.subject().startsWith("Enrolment cancelled")),
                        mails -> mails.size() == 1);
    }
}
