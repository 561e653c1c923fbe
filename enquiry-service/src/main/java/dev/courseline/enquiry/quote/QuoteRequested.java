package dev.courseline.enquiry.quote;

import java.time.Instant;

import dev.courseline.enquiry.intake.Contact;
import dev.courseline.enquiry.intake.Enquiry;
import dev.courseline.enquiry.intake.Links;
import dev.courseline.enquiry.intake.Money;
import dev.courseline.enquiry.intake.Organisation;
import dev.courseline.enquiry.intake.Programme;
import dev.courseline.enquiry.lead.LeadSummary;

/** Payload of {@code courseline.enquiry.quote-requested.v1}. */
public record QuoteRequested(String enquiryId, Instant receivedAt, Organisation organisation, Contact contact,
        Programme programme, Integer teamSize, String deliveryMode, String location, String preferredDates,
        Money budget, String message, LeadSummary lead, Links links, Instant occurredAt) {

    public static final String TYPE = "courseline.enquiry.quote-requested.v1";

    static QuoteRequested of(Enquiry enquiry, Links links) {
        return new QuoteRequested(enquiry.id(), enquiry.receivedAt(), enquiry.organisation(), enquiry.contact(),
                enquiry.programme(), enquiry.teamSize(), enquiry.deliveryMode(), enquiry.location(),
                enquiry.preferredDates(), enquiry.budget(), enquiry.message(), LeadSummary.of(enquiry.lead()), links,
                enquiry.receivedAt());
    }
}
