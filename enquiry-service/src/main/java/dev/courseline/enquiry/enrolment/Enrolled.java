package dev.courseline.enquiry.enrolment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an enrolment, a cancellation or a status request. {@code cancelLink}, the learner's secret link, is
 * shown to the learner (here and in their emails), never in the public status.
 */
public record Enrolled(String enrolmentId, EnrolmentStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer waitlistPosition, RunDetails run, String statusLink,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelLink) {
}
