package dev.courseline.enquiry.lead;

import java.time.Instant;

import dev.courseline.enquiry.intake.EnquiryKind;

/** An earlier enquiry of the same person or organisation, summarised for the salesperson who calls back. */
public record RelatedEnquiry(String enquiryId, EnquiryKind kind, Instant receivedAt, String organisation,
        String summary) {
}
