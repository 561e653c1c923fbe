package dev.courseline.website.enquiry;

import java.util.Locale;

/**
 * The body of {@code POST /api/enquiries/in-house-quotes}, built from the form as typed: the service judges every
 * value, so nothing of its rules is repeated here. A whole number of people is sent as a number, anything else as
 * the text typed, which the service refuses by name.
 */
record QuoteRequest(Organisation organisation, Contact contact, String programme, Object teamSize,
        String deliveryMode, String location, String preferredDates, Budget budget, String message,
        ConsentGiven consent) {

    record Organisation(String name, String country) {
    }

    record Budget(String amount, String currency) {
    }

    static QuoteRequest of(QuoteForm form, String privacyNoticeVersion) {
        Budget budget = blank(form.budgetAmount())
                ? null
                : new Budget(form.budgetAmount().strip().replace(",", ""), form.budgetCurrency());
        return new QuoteRequest(new Organisation(form.organisationName(), upper(form.country())),
                new Contact(form.contactName(), form.email(), form.phone(), form.jobTitle()), form.programme(),
                number(form.teamSize()), form.deliveryMode(), form.location(), form.preferredDates(), budget,
                form.message(), ConsentGiven.of(form.consent(), form.marketing(), privacyNoticeVersion));
    }

    static Object number(String typed) {
        if (blank(typed)) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notAWholeNumber) {
            return typed;
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
