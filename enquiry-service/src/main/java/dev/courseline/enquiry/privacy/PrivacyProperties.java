package dev.courseline.enquiry.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long closed leads keep their personal data, and how often that is checked. */
@ConfigurationProperties("enquiry.privacy")
public record PrivacyProperties(Duration retention, Duration retentionCheckInterval) {
}
