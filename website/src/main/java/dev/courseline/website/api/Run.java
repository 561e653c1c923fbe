package dev.courseline.website.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A scheduled run of a course, its times in its own zone and in UTC, as the catalogue publishes it. */
public record Run(String id, String courseSlug, String courseTitle, LocalDateTime start, LocalDateTime end,
        String timeZone, Instant startUtc, Instant endUtc, String deliveryMode, Venue venue, int minCapacity,
        int maxCapacity, Money price, EarlyBird earlyBird, String status, long version) {

    public record Venue(String name, String city, String country) {
    }

    public record EarlyBird(Money price, LocalDate deadline) {
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }
}
