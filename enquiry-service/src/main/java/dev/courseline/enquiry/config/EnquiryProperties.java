package dev.courseline.enquiry.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Service-wide settings: where links point and how intake recognises repeats. */
@ConfigurationProperties("enquiry")
public record EnquiryProperties(URI publicUrl, Intake intake, KafkaHealth kafkaHealth) {

    /** {@code maxInFlight}: quote and membership requests taken in at once; more are refused with 503. */
    public record Intake(Duration duplicateWindow, int maxInFlight) {
    }

    public record KafkaHealth(Duration timeout) {
    }

    /** An absolute link under the public URL, e.g. {@code link("/api/enquiries/", id)}. */
    public String link(String... parts) {
        StringBuilder path = new StringBuilder(publicUrl.toString().replaceAll("/+$", ""));
        for (String part : parts) {
            path.append(part);
        }
        return path.toString();
    }
}
