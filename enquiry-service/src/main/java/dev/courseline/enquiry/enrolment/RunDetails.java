package dev.courseline.enquiry.enrolment;

import java.time.Instant;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.courseline.enquiry.catalogue.RunPayload;

/**
 * The run as the catalogue last described it, and as enrolment events carry it: consumers can write a confirmation
 * with dates and time zone without calling the catalogue.
 */
public record RunDetails(String id, String courseSlug, String courseTitle,
        @JsonFormat(pattern = LOCAL_DATE_TIME) LocalDateTime start,
        @JsonFormat(pattern = LOCAL_DATE_TIME) LocalDateTime end,
        String timeZone, Instant startUtc, Instant endUtc, String deliveryMode, RunPayload.Venue venue,
        long version) {

    /** Local date-times are written to the minute, as the conventions show them: {@code 2026-12-08T09:00}. */
    static final String LOCAL_DATE_TIME = "yyyy-MM-dd'T'HH:mm";

    static RunDetails of(RunPayload run) {
        return new RunDetails(run.id(), run.courseSlug(), run.courseTitle(), run.start(), run.end(), run.timeZone(),
                run.startUtc(), run.endUtc(), run.deliveryMode(), run.venue(), run.version());
    }

    /** Whether a learner's calendar changes: another time, place or way of delivery. */
    boolean isRescheduledFrom(RunDetails before) {
        return !java.util.Objects.equals(start, before.start) || !java.util.Objects.equals(end, before.end)
                || !java.util.Objects.equals(timeZone, before.timeZone)
                || !java.util.Objects.equals(deliveryMode, before.deliveryMode)
                || !java.util.Objects.equals(venue, before.venue);
    }
}
