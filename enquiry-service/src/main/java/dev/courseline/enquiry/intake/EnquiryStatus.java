package dev.courseline.enquiry.intake;

import java.time.Instant;

/**
 * What anyone holding an enquiry's id may see: its progress, never the personal data in it. {@code status} is the
 * lead's status ({@code NEW} .. {@code WON}/{@code LOST}), or {@code DUPLICATE} for a repeat of an earlier enquiry.
 * {@code respondBy} is when sales promised to answer: the lead's deadline, for a duplicate the deadline of the lead
 * of the enquiry it repeats (null when there is none).
 */
public record EnquiryStatus(String enquiryId, EnquiryKind kind, Instant receivedAt, String status,
        Instant respondBy, String duplicateOf, boolean delivered) {
}
