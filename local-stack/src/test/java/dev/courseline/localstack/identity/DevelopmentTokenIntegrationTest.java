package dev.courseline.localstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;
import tools.jackson.databind.JsonNode;

import dev.courseline.localstack.junit.WithLocalStack;

@WithLocalStack
class DevelopmentTokenIntegrationTest {

    private final Issuer issuer = new Issuer();

    @Test
    void postTokenWithAUserNameAnswersAsItAlwaysHasWithATokenThatVerifiesAgainstTheJwks() throws Exception {
        HttpResponse<String> response = issuer.postForm("/token", Map.of("username", "sam"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = issuer.json(response);
        assertThat(body.propertyNames()).containsExactly("access_token", "token_type", "expires_in");
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asInt()).isEqualTo(3600);
        JWTClaimsSet claims = issuer.verified(body.get("access_token").asString());
        assertThat(claims.getIssuer()).isEqualTo(issuer.stack.issuerUri())
                .isEqualTo(System.getProperty("JWT_ISSUER_URI"));
        assertThat(claims.getAudience()).containsExactly("courseline");
        assertThat(claims.getSubject()).isEqualTo("sam");
        assertThat(claims.getStringListClaim("roles")).containsExactly("SALES");
        assertThat(claims.getStringClaim("team")).isEqualTo("emea");
        assertThat(claims.getStringClaim("name")).isNotBlank();
        assertThat(claims.getStringClaim("email")).isEqualTo("sam@courseline.dev");
        assertThat(claims.getExpirationTime()).isAfter(new Date());
    }

    @Test
    void anUnknownUserGetsABadRequestNamingTheUsers() throws Exception {
        HttpResponse<String> response = issuer.postForm("/token", Map.of("username", "mallory"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_request", "username", "sam");
    }

    @Test
    void onlyPostIsAnswered() throws Exception {
        HttpResponse<String> response = issuer.get("/token");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void tokensMadeInTestsVerifyToo() throws Exception {
        JWTClaimsSet ada = issuer.verified(issuer.stack.tokenFor("ada"));
        JWTClaimsSet custom = issuer.verified(issuer.stack.tokenWith("someone", "SALES", "ADMIN"));

        assertThat(ada.getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(ada.getClaim("team")).isNull();
        assertThat(custom.getSubject()).isEqualTo("someone");
        assertThat(custom.getStringListClaim("roles")).isEqualTo(List.of("SALES", "ADMIN"));
    }
}
