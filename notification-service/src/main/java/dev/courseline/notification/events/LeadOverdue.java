package dev.courseline.notification.events;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import dev.courseline.notification.events.Parts.Links;

/** {@code courseline.enquiry.lead-overdue.v1}: a lead passed its response deadline while still new. */
public record LeadOverdue(
        @NotBlank String leadId,
        String enquiryId,
        String kind,
        JsonNode organisation,
        String contactName,
        String team,
        @NotNull Instant respondBy,
        Links links) {
}
