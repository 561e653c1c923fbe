package dev.courseline.website.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider staff sign in with, and this site's client there.
 *
 * @param issuerUri     the provider's issuer, as browsers reach it; its discovery document names every endpoint
 * @param backchannelUri where this server reaches the same provider when that differs from the browsers' address
 *                       (a container network: {@code http://keycloak:8080}); empty when it does not
 */
@ConfigurationProperties("website.staff-sign-in")
public record StaffSignInProperties(URI issuerUri, URI backchannelUri, String clientId, String clientSecret) {
}
