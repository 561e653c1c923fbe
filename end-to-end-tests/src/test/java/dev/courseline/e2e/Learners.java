package dev.courseline.e2e;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

/** Learners enrolling through the public enrolment API, as a partner's booking page would. */
final class Learners {

    private Learners() {
    }

    /** Enrols {@code email}, retried until the enquiry side has heard of the run (it learns of runs through Kafka). */
    static void enrol(CourselineSystem system, String runId, String name, String email) {
        Map<String, Object> enrolment = Map.of(
                "runId", runId,
                "learner", Map.of("name", name, "email", email),
                "consent", Map.of("privacyNoticeVersion", "2026-09", "marketing", false));
        await().alias("the enquiry service knowing run " + runId).atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> Http.post(system.url("enquiry", "/api/enrolments"), enrolment, null),
                        response -> response.status() == 201);
    }
}
