package dev.courseline.website.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services' APIs are, this site's own public address, and the privacy notice a form's consent refers to.
 *
 * @param apiTimeout how long a page waits for an API before it shows the "temporarily unavailable" page
 */
@ConfigurationProperties("website")
public record WebsiteProperties(URI publicUrl, URI catalogueApiUrl, URI enquiryApiUrl, URI notificationApiUrl,
        Duration apiTimeout,
        String privacyNoticeVersion) {
}
