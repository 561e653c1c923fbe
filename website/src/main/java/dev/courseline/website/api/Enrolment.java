package dev.courseline.website.api;

import java.time.Instant;
import java.time.LocalDateTime;

/** Where an enrolment stands ({@code CONFIRMED}, {@code WAITLISTED} or {@code CANCELLED}) and the run it is for. */
public record Enrolment(String enrolmentId, String status, Integer waitlistPosition, EnrolledRun run) {

    public record EnrolledRun(String id, String courseSlug, String courseTitle, LocalDateTime start,
            LocalDateTime end, String timeZone, Instant startUtc, Instant endUtc, String deliveryMode,
            Run.Venue venue) {
    }

    public boolean isConfirmed() {
        return "CONFIRMED".equals(status);
    }

    public boolean isWaitlisted() {
        return "WAITLISTED".equals(status);
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }
}
