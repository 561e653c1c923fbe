package dev.courseline.localstack.launcher;

import java.util.Map;

/**
 * The enquiry service's abuse limits lifted, for load from one address (benchmarks, end-to-end tests): no hard limits
 * per address, email or organisation, no burst suspicion, no bound on an email's places, a waitlist cap above any
 * crowd, and no minimum form age (a browser test fills a form in well under a second). Set through the same
 * settings as production ({@code enquiry-service/src/main/resources/application.yml}); the honeypot, the stamp's
 * signature and the disposable domains still quarantine.
 */
public final class LoadTestSettings {

    public static final Map<String, String> ENQUIRY = Map.of(
            "ENQUIRY_LIMIT_PER_ADDRESS", "0",
            "ENQUIRY_LIMIT_PER_EMAIL", "0",
            "ENQUIRY_LIMIT_PER_ORGANISATION", "0",
            "ENQUIRY_SUSPECT_BURST", "0",
            "ENQUIRY_SUSPECT_MIN_FORM_AGE", "0s",
            "ENQUIRY_MAX_ACTIVE_ENROLMENTS_PER_EMAIL", "0",
            "ENQUIRY_WAITLIST_CAP", "100000");

    private LoadTestSettings() {
    }
}
