package dev.courseline.website.enquiry;

import java.util.Map;

/** The membership request form as typed. */
public record MembershipForm(String contactName, String email, String phone, String jobTitle, String plan,
        String message, String consent, String marketing, String idempotencyKey) {

    static final Map<String, String> FIELDS = Map.of("contact", "contactName", "contact.name", "contactName",
            "contact.email", "email", "contact.phone", "phone", "contact.jobTitle", "jobTitle", "plan", "plan",
            "message", "message", "consent", "consent", "consent.privacyNoticeVersion", "consent",
            "consent.marketing", "marketing");

    static final Map<String, String> LABELS = Map.of("contactName", "Your name", "email", "Email", "phone", "Phone",
            "jobTitle", "Job title", "plan", "Plan", "message", "Message", "consent", "Privacy notice",
            "marketing", "News by email");

    static MembershipForm blank(String idempotencyKey) {
        return new MembershipForm(null, null, null, null, "individual", null, null, null, idempotencyKey);
    }

    public boolean is(String value, String choice) {
        return choice.equals(value);
    }
}
