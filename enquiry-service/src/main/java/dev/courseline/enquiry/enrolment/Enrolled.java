package dev.courseline.enquiry.enrolment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to an enrolment, a cancellation or a status request. It never holds the learner's secret cancellation
 * token: only their emails do (a link to the website's "My enrolment" page), so whoever sends the request cannot
 * cancel someone else's place or repeat enrol, cancel, enrol without reading that inbox.
 */
public record Enrolled(String enrolmentId, EnrolmentStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer waitlistPosition, RunDetails run, String statusLink) {
}
