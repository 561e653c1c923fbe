package dev.courseline.enquiry.intake;

import java.time.Instant;

/**
 * What anyone holding an enquiry's id may see: its progress, never the personal data in it. {@code status} is the
 * lead's status ({@code NEW} .. {@code WON}/{@code LOST}), or {@code DUPLICATE} for a repeat of an earlier enquiry.
 */
public record EnquiryStatus(String enquiryId, EnquiryKind kind, Instant receivedAt, String status,
        String duplicateOf, boolean delivered) {
}
