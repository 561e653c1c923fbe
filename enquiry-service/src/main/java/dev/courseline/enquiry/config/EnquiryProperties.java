package dev.courseline.enquiry.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Service-wide settings: where links point and how intake recognises repeats. {@code publicUrl} is this service's
 * own address, for the API links of its HTTP answers; {@code websiteUrl} is the website's, for every link put into
 * an event, since those end up in emails that people open in a browser.
 */
@ConfigurationProperties("enquiry")
public record EnquiryProperties(URI publicUrl, URI websiteUrl, Intake intake, KafkaHealth kafkaHealth) {

    /** {@code maxInFlight}: quote and membership requests taken in at once; more are refused with 503. */
    public record Intake(Duration duplicateWindow, int maxInFlight) {
    }

    public record KafkaHealth(Duration timeout) {
    }

    /** An absolute link to this service's API, e.g. {@code apiLink("/api/enquiries/", id)}. */
    public String apiLink(String... parts) {
        return join(publicUrl, parts);
    }

    /** An absolute link to a page of the website, e.g. {@code websiteLink("/enquiries/", id)}. */
    public String websiteLink(String... parts) {
        return join(websiteUrl, parts);
    }

    private static String join(URI base, String... parts) {
        StringBuilder path = new StringBuilder(base.toString().replaceAll("/+$", ""));
        for (String part : parts) {
            path.append(part);
        }
        return path.toString();
    }
}
