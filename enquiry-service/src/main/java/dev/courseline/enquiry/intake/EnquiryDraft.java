package dev.courseline.enquiry.intake;

/**
 * A validated request, ready to become an {@link Enquiry}. {@code subject} identifies what was asked for (for
 * duplicate detection), {@code summary} is the one line sales sees among related enquiries.
 */
public record EnquiryDraft(EnquiryKind kind, Contact contact, Organisation organisation, Programme programme,
        Integer teamSize, String deliveryMode, String location, String preferredDates, Money budget, String plan,
        String message, Consent consent, String subject, String summary) {
}
