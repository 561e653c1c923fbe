package dev.courseline.notification.events;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import dev.courseline.notification.events.Parts.Contact;
import dev.courseline.notification.events.Parts.LeadSummary;
import dev.courseline.notification.events.Parts.Links;
import dev.courseline.notification.events.Parts.Money;
import dev.courseline.notification.events.Parts.Organisation;
import dev.courseline.notification.events.Parts.Programme;

/** {@code courseline.enquiry.quote-requested.v1}: an organisation asked for an in-house quote. */
public record QuoteRequested(
        @NotBlank String enquiryId,
        Instant receivedAt,
        @NotNull @Valid Organisation organisation,
        @NotNull @Valid Contact contact,
        Programme programme,
        Integer teamSize,
        String deliveryMode,
        String location,
        JsonNode preferredDates,
        Money budget,
        String message,
        @NotNull @Valid LeadSummary lead,
        Links links) {
}
