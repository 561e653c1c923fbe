package dev.courseline.enquiry.intake;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.courseline.enquiry.web.SingleLine;

/** Consent given on a public form, with the version of the privacy notice that was shown. */
public record ConsentForm(
        @NotBlank @Size(max = 40) @SingleLine String privacyNoticeVersion,
        boolean marketing) {

    public Consent toConsent(Instant givenAt) {
        return new Consent(privacyNoticeVersion.strip(), marketing, givenAt);
    }
}
