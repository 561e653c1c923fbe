package dev.courseline.localstack.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Access tokens without a sign-in, for {@code POST /token} and for tests in the stack's JVM. They are signed by the
 * authorization server's own encoder, so they verify against the same JWKS as the tokens of a real sign-in and carry
 * the same claims. Development only.
 */
final class DevelopmentTokens {

    static final Duration LIFETIME = Duration.ofHours(1);
    /** The audience of every access token; the services may check it. */
    static final String AUDIENCE = "courseline";

    private final String issuer;
    private final JwtEncoder encoder;

    DevelopmentTokens(String issuer, JwtEncoder encoder) {
        this.issuer = issuer;
        this.encoder = encoder;
    }

    String tokenFor(StaffUser user) {
        return tokenFor(user, AUDIENCE);
    }

    String tokenFor(StaffUser user, String audience) {
        return sign(user.username(), audience, user.claims());
    }

    String tokenWith(String subject, List<String> roles) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", subject);
        claims.put("preferred_username", subject);
        claims.put("email", subject + "@courseline.dev");
        claims.put("roles", List.copyOf(roles));
        return sign(subject, AUDIENCE, claims);
    }

    private String sign(String subject, String audience, Map<String, Object> claims) {
        Instant now = Instant.now();
        JwtClaimsSet token = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(audience))
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claims(all -> all.putAll(claims))
                .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, token)).getTokenValue();
    }
}
