package dev.courseline.enquiry.enrolment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code linkSecret} signs learners' cancellation links; set it per environment. */
@ConfigurationProperties("enquiry.enrolment")
public record EnrolmentProperties(String linkSecret) {
}
