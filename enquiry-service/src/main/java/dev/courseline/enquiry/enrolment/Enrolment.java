package dev.courseline.enquiry.enrolment;

import java.time.Instant;

import dev.courseline.enquiry.intake.Consent;

/**
 * One learner's place on a run, confirmed, waiting or cancelled. The run's document keeps them in arrival order, so
 * the waitlist is first come, first served. Only a hash of the learner's cancellation token is kept.
 */
public record Enrolment(String enrolmentId, Learner learner, String emailSha256, String organisation,
        String purchaseOrder, Consent consent, EnrolmentStatus status, String cancelTokenSha256, Instant enrolledAt,
        Instant updatedAt, String reason, String idempotencyKey) {

    Enrolment with(EnrolmentStatus newStatus, String newReason, Instant now) {
        return new Enrolment(enrolmentId, learner, emailSha256, organisation, purchaseOrder, consent, newStatus,
                cancelTokenSha256, enrolledAt, now, newReason, idempotencyKey);
    }

    Enrolment erased() {
        return new Enrolment(enrolmentId, Learner.erased(), null, null, null, consent, status, cancelTokenSha256,
                enrolledAt, updatedAt, reason, idempotencyKey);
    }
}
