package dev.courseline.notification.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import tools.jackson.databind.JsonNode;

import dev.courseline.notification.events.Parts.Learner;
import dev.courseline.notification.events.Parts.Links;
import dev.courseline.notification.events.Parts.Run;

/** The payload shared by the enrolment events: confirmed, waitlisted, promoted, cancelled, rescheduled. */
public record EnrolmentChanged(
        @NotBlank String enrolmentId,
        @NotNull @Valid Learner learner,
        JsonNode organisation,
        @NotNull @Valid Run run,
        String status,
        Integer waitlistPosition,
        String reason,
        Links links) {
}
