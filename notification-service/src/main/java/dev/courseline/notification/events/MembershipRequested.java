package dev.courseline.notification.events;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import dev.courseline.notification.events.Parts.Contact;
import dev.courseline.notification.events.Parts.LeadSummary;
import dev.courseline.notification.events.Parts.Links;

/** {@code courseline.enquiry.membership-requested.v1}: someone asked about a membership plan. */
public record MembershipRequested(
        @NotBlank String enquiryId,
        Instant receivedAt,
        @NotNull @Valid Contact contact,
        JsonNode plan,
        String message,
        @NotNull @Valid LeadSummary lead,
        Links links) {
}
