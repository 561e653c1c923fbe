package dev.courseline.enquiry.lead;

import java.time.Instant;
import java.util.List;

/**
 * The sales side of an enquiry, kept in the enquiry's own document so the enquiry, its lead and their events are
 * written together. {@code overdueNotifiedAt} makes the overdue event happen once; {@code closedAt} starts the
 * retention clock.
 */
public record Lead(String leadId, LeadStatus status, String team, String routingReason, Instant respondBy,
        List<RelatedEnquiry> relatedEnquiries, Instant updatedAt, Instant closedAt, Instant overdueNotifiedAt) {

    public static final String FIELD = "lead";
}
