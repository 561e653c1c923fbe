package dev.courseline.website.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stampSecret} signs the time each public form was rendered; the enquiry service checks it with the same
 * secret ({@code ENQUIRY_FORM_STAMP_SECRET}). The default is for local development only.
 */
@ConfigurationProperties("website.form-guard")
public record FormGuardProperties(String stampSecret) {
}
