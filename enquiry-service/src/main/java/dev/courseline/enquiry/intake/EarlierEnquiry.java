package dev.courseline.enquiry.intake;

import java.time.Instant;

/** The few fields of an earlier enquiry that intake reads to spot duplicates and related enquiries. */
record EarlierEnquiry(String id, EnquiryKind kind, Instant receivedAt, Organisation organisation, String emailSha256,
        String subject, String summary, String duplicateOf) {
}
