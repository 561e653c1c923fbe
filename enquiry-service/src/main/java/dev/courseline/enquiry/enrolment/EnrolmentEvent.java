package dev.courseline.enquiry.enrolment;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of every {@code courseline.enquiry.enrolment-*.v1} event. {@code waitlistPosition} is present for
 * waitlisted only, {@code reason} for cancelled only.
 */
public record EnrolmentEvent(String enrolmentId, Learner learner, String organisation, RunDetails run,
        EnrolmentStatus status, @JsonInclude(JsonInclude.Include.NON_NULL) Integer waitlistPosition,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason, CancelLink links, Instant occurredAt) {

    public static final String CONFIRMED = "courseline.enquiry.enrolment-confirmed.v1";
    public static final String WAITLISTED = "courseline.enquiry.enrolment-waitlisted.v1";
    public static final String PROMOTED = "courseline.enquiry.enrolment-promoted.v1";
    public static final String CANCELLED = "courseline.enquiry.enrolment-cancelled.v1";
    public static final String RESCHEDULED = "courseline.enquiry.enrolment-rescheduled.v1";

    /** {@code cancel}: the learner's "My enrolment" page on the website, whose token lets them cancel. */
    public record CancelLink(String cancel) {
    }
}
