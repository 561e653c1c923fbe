package dev.courseline.enquiry.enrolment;

import dev.courseline.enquiry.intake.Consent;

/** Who asks for a place, as the seat rules need them; the caller has chosen the id and hashed the email and token. */
record Applicant(String enrolmentId, Learner learner, String emailSha256, String organisation, String purchaseOrder,
        Consent consent, String cancelTokenSha256) {
}
