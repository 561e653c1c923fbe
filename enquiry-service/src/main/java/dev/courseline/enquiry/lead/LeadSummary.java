package dev.courseline.enquiry.lead;

import java.time.Instant;
import java.util.List;

/** The lead as carried by {@code quote-requested} and {@code membership-requested}. */
public record LeadSummary(String leadId, String team, String routingReason, Instant respondBy,
        List<RelatedEnquiry> relatedEnquiries) {

    public static LeadSummary of(Lead lead) {
        return new LeadSummary(lead.leadId(), lead.team(), lead.routingReason(), lead.respondBy(),
                lead.relatedEnquiries());
    }
}
