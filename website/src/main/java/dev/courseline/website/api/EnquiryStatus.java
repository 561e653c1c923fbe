package dev.courseline.website.api;

import java.time.Instant;

/** An enquiry's progress as anyone holding its id may see it; {@code respondBy} is when sales will have answered. */
public record EnquiryStatus(String enquiryId, String kind, Instant receivedAt, String status, String duplicateOf,
        Instant respondBy) {
}
