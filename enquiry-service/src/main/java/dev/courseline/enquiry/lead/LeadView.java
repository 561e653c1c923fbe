package dev.courseline.enquiry.lead;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.courseline.enquiry.intake.Consent;
import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.EnquiryKind;
import dev.courseline.enquiry.intake.Money;
import dev.courseline.enquiry.intake.Organisation;
import dev.courseline.enquiry.intake.Programme;

/**
 * A lead as sales staff see it: the enquiry behind it, who asked, and where it stands. {@code history} (oldest
 * first) comes with one lead, not with the inbox's pages.
 */
public record LeadView(String leadId, String enquiryId, EnquiryKind kind, LeadStatus status, String team,
        String routingReason, Instant receivedAt, Instant respondBy, boolean overdue, Organisation organisation,
        Contact contact, Programme programme, Integer teamSize, String deliveryMode, String location,
        String preferredDates, Money budget, String plan, String message, Consent consent,
        List<RelatedEnquiry> relatedEnquiries, Instant updatedAt,
        @Schema(description = "Every change of the lead, oldest first; only on one lead, not in the inbox's pages") @JsonInclude(JsonInclude.Include.NON_NULL) List<LeadChange> history) {

    /** A line of the inbox. */
    static LeadView of(Enquiry enquiry, Instant now) {
        return of(enquiry, now, null);
    }

    /** One lead with its history. */
    static LeadView withHistory(Enquiry enquiry, Instant now) {
        List<LeadChange> history = enquiry.lead().history();
        return of(enquiry, now, history == null ? List.of() : history);
    }

    private static LeadView of(Enquiry enquiry, Instant now, List<LeadChange> history) {
        Lead lead = enquiry.lead();
        return new LeadView(lead.leadId(), enquiry.id(), enquiry.kind(), lead.status(), lead.team(),
                lead.routingReason(), enquiry.receivedAt(), lead.respondBy(),
                lead.status() == LeadStatus.NEW && lead.respondBy().isBefore(now), enquiry.organisation(),
                enquiry.contact(), enquiry.programme(), enquiry.teamSize(), enquiry.deliveryMode(),
                enquiry.location(), enquiry.preferredDates(), enquiry.budget(), enquiry.plan(), enquiry.message(),
                enquiry.consent(), lead.relatedEnquiries(), lead.updatedAt(), history);
    }
}
