package dev.courseline.enquiry.intake;

import java.time.Instant;

/** What the person agreed to, under which privacy notice, and when. */
public record Consent(String privacyNoticeVersion, boolean marketing, Instant givenAt) {
}
