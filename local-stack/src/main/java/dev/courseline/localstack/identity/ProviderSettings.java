package dev.courseline.localstack.identity;

import com.nimbusds.jose.jwk.RSAKey;

/** What the authorization server's context is built from: its issuer and the key it signs every token with. */
record ProviderSettings(String issuer, RSAKey signingKey) {
}
