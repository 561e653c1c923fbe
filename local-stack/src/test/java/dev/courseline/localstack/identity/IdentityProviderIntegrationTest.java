package dev.courseline.localstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import dev.courseline.localstack.LocalStack;
import dev.courseline.localstack.junit.WithLocalStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@WithLocalStack
class IdentityProviderIntegrationTest {

    private final LocalStack stack = LocalStack.current();
    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aTokenFromTheTokenEndpointVerifiesAgainstTheJwksAndCarriesTheUsersRoles() throws Exception {
        HttpResponse<String> response = post("/token", "username=sam");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        SignedJWT token = SignedJWT.parse(body.get("access_token").asString());
        assertThat(token.verify(new RSASSAVerifier(publishedKey(token.getHeader().getKeyID())))).isTrue();
        var claims = token.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(stack.issuerUri()).isEqualTo(System.getProperty("JWT_ISSUER_URI"));
        assertThat(claims.getSubject()).isEqualTo("sam");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SALES");
        assertThat(claims.getStringClaim("team")).isEqualTo("emea");
        assertThat(claims.getStringClaim("name")).isNotBlank();
        assertThat(claims.getStringClaim("email")).isEqualTo("sam@courseline.dev");
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void anUnknownUserGetsABadRequest() throws Exception {
        HttpResponse<String> response = post("/token", "username=mallory");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_request", "sam");
    }

    @Test
    void tokensMadeInTestsVerifyToo() throws Exception {
        SignedJWT ada = SignedJWT.parse(stack.tokenFor("ada"));
        SignedJWT custom = SignedJWT.parse(stack.tokenWith("someone", "SALES", "ADMIN"));

        assertThat(ada.verify(new RSASSAVerifier(publishedKey(ada.getHeader().getKeyID())))).isTrue();
        assertThat(ada.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(ada.getJWTClaimsSet().getClaim("team")).isNull();
        assertThat(custom.verify(new RSASSAVerifier(publishedKey(custom.getHeader().getKeyID())))).isTrue();
        assertThat(custom.getJWTClaimsSet().getSubject()).isEqualTo("someone");
        assertThat(custom.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("SALES", "ADMIN");
    }

    @Test
    void theDiscoveryDocumentNamesTheIssuerAndTheJwks() throws Exception {
        JsonNode discovery = json.readTree(get("/.well-known/openid-configuration").body());

        assertThat(discovery.get("issuer").asString()).isEqualTo(stack.issuerUri());
        assertThat(discovery.get("jwks_uri").asString()).isEqualTo(stack.jwkSetUri())
                .isEqualTo(System.getProperty("JWT_JWK_SET_URI"));
    }

    private RSAKey publishedKey(String keyId) throws Exception {
        JWKSet keys = JWKSet.parse(get("/.well-known/jwks.json").body());
        RSAKey key = keys.getKeyByKeyId(keyId).toRSAKey();
        assertThat(key.isPrivate()).isFalse();
        return key;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.issuerUri() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stack.issuerUri() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
