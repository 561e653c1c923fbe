package dev.courseline.notification.events;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

/**
 * This service's own copy of the fragments the enquiry events share: only the fields it reads. Unknown fields are
 * ignored, so the producer can add fields without breaking this consumer.
 */
public final class Parts {

    private Parts() {
    }

    /** Money as the events carry it: a decimal string, never a binary floating point number. */
    public record Money(String amount, String currency) {

        public String display() {
            return amount + " " + currency;
        }
    }

    public record Organisation(String name, String country) {
    }

    public record Contact(@NotBlank String name, @NotBlank @Email String email, String phone, String jobTitle) {
    }

    public record Programme(String slug, String title) {
    }

    public record LeadSummary(
            @NotBlank String leadId,
            String team,
            String routingReason,
            @NotNull Instant respondBy,
            List<RelatedEnquiry> relatedEnquiries) {

        public List<RelatedEnquiry> relatedEnquiriesOrEmpty() {
            return relatedEnquiries == null ? List.of() : relatedEnquiries;
        }
    }

    /** An earlier enquiry from the same organisation; its organisation may be a name or an object with one. */
    public record RelatedEnquiry(String enquiryId, String kind, Instant receivedAt, JsonNode organisation,
            String summary) {
    }

    public record Links(String status, String lead, String cancel) {
    }

    public record Learner(@NotBlank String name, @NotBlank @Email String email) {
    }

    public record Venue(String name, String city, String country) {
    }

    public record Run(
            @NotBlank String id,
            String courseSlug,
            @NotBlank String courseTitle,
            @NotNull LocalDateTime start,
            @NotNull LocalDateTime end,
            @NotBlank String timeZone,
            @NotNull Instant startUtc,
            @NotNull Instant endUtc,
            String deliveryMode,
            @Valid Venue venue,
            long version) {
    }
}
