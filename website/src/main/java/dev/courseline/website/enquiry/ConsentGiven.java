package dev.courseline.website.enquiry;

/**
 * Consent as the APIs take it: the privacy notice version the visitor saw, and whether they also want news. An
 * unticked consent box sends no consent at all, which the service refuses by name.
 */
public record ConsentGiven(String privacyNoticeVersion, boolean marketing) {

    public static ConsentGiven of(String consentBox, String marketingBox, String privacyNoticeVersion) {
        return consentBox == null ? null : new ConsentGiven(privacyNoticeVersion, marketingBox != null);
    }
}
