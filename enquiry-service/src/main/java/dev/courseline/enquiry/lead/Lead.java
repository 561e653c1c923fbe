package dev.courseline.enquiry.lead;

import java.time.Instant;
import java.util.List;

/**
 * The sales side of an enquiry, kept in the enquiry's own document so the enquiry, its lead and their events are
 * written together. {@code overdueNotifiedAt} makes the overdue event happen once; {@code closedAt} starts the
 * retention clock. {@code history} is null for leads stored before it was kept.
 */
public record Lead(String leadId, LeadStatus status, String team, String routingReason, Instant respondBy,
        List<RelatedEnquiry> relatedEnquiries, Instant updatedAt, Instant closedAt, Instant overdueNotifiedAt,
        List<LeadChange> history) {

    public static final String FIELD = "lead";

    /** A lead just received and routed: its history starts with that. */
    public static Lead received(String leadId, String team, String routingReason, Instant respondBy,
            List<RelatedEnquiry> relatedEnquiries, Instant now) {
        return new Lead(leadId, LeadStatus.NEW, team, routingReason, respondBy, relatedEnquiries, now, null, null,
                List.of(LeadChange.received(now, team, routingReason)));
    }
}
