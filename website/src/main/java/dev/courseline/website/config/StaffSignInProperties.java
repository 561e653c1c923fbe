package dev.courseline.website.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider staff sign in with, and this site's client there.
 *
 * @param issuerUri the provider's issuer; its discovery document names every other endpoint
 */
@ConfigurationProperties("website.staff-sign-in")
public record StaffSignInProperties(URI issuerUri, String clientId, String clientSecret) {
}
