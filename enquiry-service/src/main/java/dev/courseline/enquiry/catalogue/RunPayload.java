package dev.courseline.enquiry.catalogue;

import java.time.Instant;
import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fields of a catalogue Run event this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RunPayload(String id, String courseSlug, String courseTitle, LocalDateTime start, LocalDateTime end,
        String timeZone, Instant startUtc, Instant endUtc, String deliveryMode, Venue venue, int minCapacity,
        int maxCapacity, String status, long version, Instant updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(String name, String city, String country) {
    }
}
