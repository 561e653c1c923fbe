package dev.courseline.enquiry.enrolment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an enrolment, a cancellation or a status request. {@code cancelLink} is the API's cancellation with
 * the learner's secret token (their emails carry the same token in a link to the website's "My enrolment" page); it
 * is given to whoever enrolled, never in the public status.
 */
public record Enrolled(String enrolmentId, EnrolmentStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer waitlistPosition, RunDetails run, String statusLink,
        @JsonInclude(JsonInclude.Include.NON_NULL) String cancelLink) {
}
