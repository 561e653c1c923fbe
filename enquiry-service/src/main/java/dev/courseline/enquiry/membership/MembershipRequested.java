package dev.courseline.enquiry.membership;

import java.time.Instant;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Links;
import dev.courseline.enquiry.lead.LeadSummary;

/** Payload of {@code courseline.enquiry.membership-requested.v1}. */
public record MembershipRequested(String enquiryId, Instant receivedAt, Contact contact, String plan,
        String message, LeadSummary lead, Links links, Instant occurredAt) {

    public static final String TYPE = "courseline.enquiry.membership-requested.v1";

    static MembershipRequested of(Enquiry enquiry, Links links) {
        return new MembershipRequested(enquiry.id(), enquiry.receivedAt(), enquiry.contact(), enquiry.plan(),
                enquiry.message(), LeadSummary.of(enquiry.lead()), links, enquiry.receivedAt());
    }
}
