package dev.courseline.website.enquiry;

import java.util.Map;

/** The in-house quote form as typed, kept whole so a bad field can be shown again with everything else intact. */
public record QuoteForm(String organisationName, String country, String contactName, String email, String phone,
        String jobTitle, String programme, String teamSize, String deliveryMode, String location,
        String preferredDates, String budgetAmount, String budgetCurrency, String message, String consent,
        String marketing, String idempotencyKey) {

    /** Where each field of the enquiry service's answer is shown on this form. */
    static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("organisation", "organisationName"), Map.entry("organisation.name", "organisationName"),
            Map.entry("organisation.country", "country"), Map.entry("contact", "contactName"),
            Map.entry("contact.name", "contactName"), Map.entry("contact.email", "email"),
            Map.entry("contact.phone", "phone"), Map.entry("contact.jobTitle", "jobTitle"),
            Map.entry("programme", "programme"), Map.entry("teamSize", "teamSize"),
            Map.entry("deliveryMode", "deliveryMode"), Map.entry("location", "location"),
            Map.entry("preferredDates", "preferredDates"), Map.entry("budget", "budgetAmount"),
            Map.entry("budget.amount", "budgetAmount"), Map.entry("budget.currency", "budgetCurrency"),
            Map.entry("message", "message"), Map.entry("consent", "consent"),
            Map.entry("consent.privacyNoticeVersion", "consent"), Map.entry("consent.marketing", "marketing"));

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("organisationName", "Organisation"), Map.entry("country", "Country"),
            Map.entry("contactName", "Your name"), Map.entry("email", "Email"), Map.entry("phone", "Phone"),
            Map.entry("jobTitle", "Job title"), Map.entry("programme", "Programme"),
            Map.entry("teamSize", "Team size"), Map.entry("deliveryMode", "Delivery"),
            Map.entry("location", "Location"), Map.entry("preferredDates", "Preferred dates"),
            Map.entry("budgetAmount", "Budget"), Map.entry("budgetCurrency", "Currency"),
            Map.entry("message", "Message"), Map.entry("consent", "Privacy notice"),
            Map.entry("marketing", "News by email"));

    static QuoteForm blank(String idempotencyKey) {
        return new QuoteForm(null, null, null, null, null, null, "in-house", null, null, null, null, null, "GBP",
                null, null, null, idempotencyKey);
    }

    /** For the template: whether a choice was the visitor's. */
    public boolean is(String value, String choice) {
        return choice.equals(value);
    }
}
