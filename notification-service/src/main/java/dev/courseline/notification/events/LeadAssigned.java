package dev.courseline.notification.events;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import tools.jackson.databind.JsonNode;

import dev.courseline.notification.events.Parts.Links;

/** {@code courseline.enquiry.lead-assigned.v1}: a lead was (re)assigned to a sales team. */
public record LeadAssigned(
        @NotBlank String leadId,
        String enquiryId,
        String kind,
        JsonNode organisation,
        String contactName,
        @NotBlank String team,
        String previousTeam,
        String routingReason,
        Instant respondBy,
        String assignedBy,
        Links links) {

    /** Only a move from one team to another needs telling; the first routing came with the lead notification. */
    public boolean isReassignment() {
        return previousTeam != null && !previousTeam.isBlank() && !previousTeam.equals(team);
    }
}
