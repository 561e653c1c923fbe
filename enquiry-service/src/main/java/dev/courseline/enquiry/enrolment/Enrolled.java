package dev.courseline.enquiry.enrolment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an enrolment or a cancellation. {@code cancelLink} is the learner's secret link, shown once here and
 * in their emails.
 */
public record Enrolled(String enrolmentId, EnrolmentStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer waitlistPosition, RunDetails run,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelLink) {
}
