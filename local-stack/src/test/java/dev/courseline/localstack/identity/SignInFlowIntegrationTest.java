package dev.courseline.localstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.nimbusds.jwt.JWTClaimsSet;
import tools.jackson.databind.JsonNode;

import dev.courseline.localstack.junit.WithLocalStack;
import dev.courseline.localstack.support.Ports;

@WithLocalStack
class SignInFlowIntegrationTest {

    private final Issuer issuer = new Issuer();

    @ParameterizedTest
    @CsvSource({"cora, CATALOGUE_MANAGER,", "sam, SALES, emea", "sofia, SALES, americas", "ada, ADMIN,"})
    void aStaffUserSignsInWithTheCodeFlowAndPkceAndBothTokensCarryTheirClaims(String user, String role, String team)
            throws Exception {
        SignIn signIn = new SignIn(issuer, WebsiteClient.REDIRECT_URI);

        HttpResponse<String> answer = signIn.exchange(signIn.code(user, "courseline"), signIn.verifier);

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode tokens = issuer.json(answer);
        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isBetween(3500L, 3600L);
        assertThat(tokens.get("scope").asString().split(" ")).containsExactlyInAnyOrder("openid", "profile", "email");
        assertThat(tokens.get("refresh_token").asString()).isNotBlank();

        JWTClaimsSet idToken = issuer.verified(tokens.get("id_token").asString());
        assertThat(idToken.getIssuer()).isEqualTo(issuer.stack.issuerUri());
        assertThat(idToken.getAudience()).containsExactly(WebsiteClient.CLIENT_ID);
        assertThat(idToken.getStringClaim("nonce")).isEqualTo(signIn.nonce);
        assertStaffClaims(idToken, user, role, team);

        JWTClaimsSet accessToken = issuer.verified(tokens.get("access_token").asString());
        assertThat(accessToken.getIssuer()).isEqualTo(issuer.stack.issuerUri())
                .isEqualTo(System.getProperty("JWT_ISSUER_URI"));
        assertThat(accessToken.getAudience()).containsExactly("courseline");
        assertThat(
                Duration.between(accessToken.getIssueTime().toInstant(), accessToken.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(1));
        assertStaffClaims(accessToken, user, role, team);

        JsonNode userInfo = issuer
                .json(issuer.get("/userinfo", "Authorization", "Bearer " + tokens.get("access_token").asString()));
        assertThat(userInfo.get("sub").asString()).isEqualTo(user);
        assertThat(userInfo.get("email").asString()).isEqualTo(user + "@courseline.dev");
        assertThat(userInfo.get("roles").get(0).asString()).isEqualTo(role);
        assertThat(userInfo.path("team").asString(null)).isEqualTo(team);
    }

    @Test
    void aRefreshedAccessTokenCarriesTheSameClaims() throws Exception {
        SignIn signIn = new SignIn(issuer, WebsiteClient.REDIRECT_URI);
        JsonNode tokens = issuer.json(signIn.exchange(signIn.code("sam", "courseline"), signIn.verifier));

        HttpResponse<String> refreshed = signIn.refresh(tokens.get("refresh_token").asString());

        assertThat(refreshed.statusCode()).isEqualTo(200);
        JWTClaimsSet accessToken = issuer.verified(issuer.json(refreshed).get("access_token").asString());
        assertThat(accessToken.getAudience()).containsExactly("courseline");
        assertStaffClaims(accessToken, "sam", "SALES", "emea");
    }

    @Test
    void theSessionCookieIsNotNamedLikeTheWebsitesWhichSharesTheHostLocalhost() throws Exception {
        SignIn signIn = new SignIn(issuer, WebsiteClient.REDIRECT_URI);
        HttpResponse<String> authorize = signIn.authorize(true);

        assertThat(authorize.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith(AuthorizationServer.SESSION_COOKIE + "=")
                        .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID"));
    }

    @Test
    void aWrongPasswordShowsTheFormAgainAndNoCodeIsIssued() throws Exception {
        SignIn signIn = new SignIn(issuer, WebsiteClient.REDIRECT_URI);
        signIn.authorize(true);

        HttpResponse<String> refused = signIn.submit("sam", "sam", signIn.loginForm());

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(SignIn.location(refused)).endsWith("/login?error");
        assertThat(issuer.get(SignIn.location(refused)).body()).contains("Invalid credentials");
    }

    @Test
    void anAuthorizationRequestWithoutACodeChallengeIsRefused() throws Exception {
        SignIn signIn = new SignIn(issuer, WebsiteClient.REDIRECT_URI);

        HttpResponse<String> refused = signIn.authorize(false);

        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(SignIn.location(refused)).startsWith(WebsiteClient.REDIRECT_URI + "?")
                .contains("error=invalid_request").contains("code_challenge").doesNotContain("code=");
    }

    @Test
    void aCodeIsWorthNothingWithoutItsVerifier() throws Exception {
        SignIn signIn = new SignIn(issuer, WebsiteClient.REDIRECT_URI);
        String code = signIn.code("sam", "courseline");

        HttpResponse<String> refused = signIn.exchange(code, new SignIn(issuer, WebsiteClient.REDIRECT_URI).verifier);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(issuer.json(refused).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void aWebsiteOnAnotherLocalhostPortSignsInAndOutToo() throws Exception {
        int port = Ports.freePort();
        SignIn signIn = new SignIn(issuer, "http://localhost:" + port + "/login/oauth2/code/courseline");

        HttpResponse<String> answer = signIn.exchange(signIn.code("sofia", "courseline"), signIn.verifier);
        assertThat(answer.statusCode()).isEqualTo(200);

        HttpResponse<String> signedOut = issuer.get("/connect/logout?" + Issuer.form(Map.of(
                "id_token_hint", issuer.json(answer).get("id_token").asString(),
                "post_logout_redirect_uri", "http://localhost:" + port + "/",
                "state", "bye")), "Accept", "text/html");
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(SignIn.location(signedOut)).isEqualTo("http://localhost:" + port + "/?state=bye");
        HttpResponse<String> again = new SignIn(issuer, WebsiteClient.REDIRECT_URI).authorize(true);
        assertThat(SignIn.location(again)).as("signed out: the next sign-in asks for the password")
                .isEqualTo(issuer.url("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://courseline.example/login/oauth2/code/courseline",
            "http://localhost:8080/elsewhere", "http://127.0.0.2:8080/login/oauth2/code/courseline",
            "http://localhost:8080/login/oauth2/code/courseline?next=http://courseline.example",
            "https://localhost:8080/login/oauth2/code/courseline"})
    void anUnregisteredRedirectUriIsRefusedWithoutRedirectingThere(String redirectUri) throws Exception {
        HttpResponse<String> refused = new SignIn(issuer, redirectUri).authorize(true);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Location")).isEmpty();
    }

    private static void assertStaffClaims(JWTClaimsSet token, String user, String role, String team) throws Exception {
        assertThat(token.getSubject()).isEqualTo(user);
        assertThat(token.getStringClaim("preferred_username")).isEqualTo(user);
        assertThat(token.getStringClaim("name")).isNotBlank();
        assertThat(token.getStringClaim("email")).isEqualTo(user + "@courseline.dev");
        assertThat(token.getStringListClaim("roles")).containsExactly(role);
        assertThat(token.getStringClaim("team")).isEqualTo(team);
    }
}
