package dev.courseline.notification.template;

import java.time.Instant;

/**
 * One course run as a calendar entry. {@code uid} stays the same for an enrolment for ever and {@code sequence} grows
 * with each change, so a calendar updates (or removes) the entry it already has instead of adding another.
 */
public record CalendarEvent(
        String uid,
        long sequence,
        Instant start,
        Instant end,
        String summary,
        String location,
        String description,
        String organizerEmail,
        String attendeeName,
        String attendeeEmail) {
}
