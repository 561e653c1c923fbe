package dev.courseline.enquiry.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data is kept where no closed lead ends it (closed leads: {@code enquiry.privacy.retention}).
 *
 * @param duplicates  a duplicate enquiry, from when it was received: it only repeats an earlier one
 * @param open        an enquiry whose lead was never closed, from when it was received
 * @param enrolments  an enrolment, from the end of its run
 */
@ConfigurationProperties("enquiry.privacy.windows")
public record RetentionWindows(Duration duplicates, Duration open, Duration enrolments) {
}
