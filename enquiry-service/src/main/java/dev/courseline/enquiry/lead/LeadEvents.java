package dev.courseline.enquiry.lead;

import java.time.Instant;

import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.intake.Links;

/** Payloads of the lead events on {@code enquiries}. */
public final class LeadEvents {

    public static final String ASSIGNED = "courseline.enquiry.lead-assigned.v1";
    public static final String STATUS_CHANGED = "courseline.enquiry.lead-status-changed.v1";
    public static final String OVERDUE = "courseline.enquiry.lead-overdue.v1";

    private LeadEvents() {
    }

    public record LeadAssigned(String leadId, String enquiryId, EnquiryKind kind, String organisation,
            String contactName, String team, String previousTeam, String routingReason, Instant respondBy,
            String assignedBy, Links links, Instant occurredAt) {
    }

    public record LeadStatusChanged(String leadId, String enquiryId, LeadStatus from, LeadStatus to,
            String changedBy, Instant occurredAt) {
    }

    public record LeadOverdue(String leadId, String enquiryId, EnquiryKind kind, String organisation,
            String contactName, String team, Instant respondBy, Links links, Instant occurredAt) {
    }
}
