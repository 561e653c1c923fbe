package dev.courseline.website.enrolment;

import java.util.Map;

/** The enrolment form as typed, kept whole so a bad field can be shown again with everything else intact. */
public record EnrolmentForm(String name, String email, String organisation, String purchaseOrder, String consent,
        String marketing, String idempotencyKey) {

    /** Where each field of the enquiry service's answer is shown on this form. */
    static final Map<String, String> FIELDS = Map.of(
            "learner", "name", "learner.name", "name", "learner.email", "email",
            "organisation", "organisation", "purchaseOrder", "purchaseOrder",
            "consent", "consent", "consent.privacyNoticeVersion", "consent", "consent.marketing", "marketing");

    static final Map<String, String> LABELS = Map.of("name", "Your name", "email", "Email",
            "organisation", "Organisation", "purchaseOrder", "Purchase order", "consent", "Privacy notice",
            "marketing", "News by email");

    static EnrolmentForm blank(String idempotencyKey) {
        return new EnrolmentForm(null, null, null, null, null, null, idempotencyKey);
    }
}
