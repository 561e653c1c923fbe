package dev.courseline.notification.compose;

import java.util.List;

/** Everything a salesperson needs to call a lead back, as the lead notification and escalation templates show it. */
public record LeadView(
        String kindLabel,
        boolean quote,
        String leadId,
        String enquiryId,
        String receivedAt,
        String organisation,
        String country,
        String contactName,
        String contactEmail,
        String contactPhone,
        String jobTitle,
        String programme,
        String teamSize,
        String deliveryMode,
        String location,
        String preferredDates,
        String budget,
        String plan,
        String message,
        String team,
        String routingReason,
        String respondBy,
        List<RelatedView> related,
        String leadUrl) {

    /** An earlier enquiry from the same organisation. */
    public record RelatedView(String enquiryId, String kind, String receivedAt, String organisation, String summary) {
    }
}
