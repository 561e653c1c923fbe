package dev.courseline.localstack.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Signs RS256 JWTs with the claims of docs/conventions.md: sub, name, email, roles, team (sales only), iat, exp. */
public final class TokenIssuer {

    public static final Duration LIFETIME = Duration.ofHours(1);

    private final String issuer;
    private final RSAKey key;

    TokenIssuer(String issuer, RSAKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    public String issuer() {
        return issuer;
    }

    public String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public String tokenFor(StaffUser user) {
        JWTClaimsSet.Builder claims = claims(user.username(), user.roles())
                .claim("name", user.name())
                .claim("email", user.email());
        if (user.team() != null) {
            claims.claim("team", user.team());
        }
        return sign(claims.build());
    }

    public String tokenWith(String subject, List<String> roles) {
        return sign(claims(subject, roles).claim("name", subject).claim("email", subject + "@courseline.dev").build());
    }

    private JWTClaimsSet.Builder claims(String subject, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .claim("roles", List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
    }

    private String sign(JWTClaimsSet claims) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }
}
