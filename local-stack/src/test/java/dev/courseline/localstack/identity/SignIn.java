package dev.courseline.localstack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The website's side of the authorization code flow with PKCE, step by step over HTTP, as Spring Security's
 * {@code oauth2Login} and a browser do it together.
 */
final class SignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    final Issuer issuer;
    final String redirectUri;
    final String verifier = random();
    final String state = random();
    final String nonce = random();

    SignIn(Issuer issuer, String redirectUri) {
        this.issuer = issuer;
        this.redirectUri = redirectUri;
    }

    String challenge() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** GET /oauth2/authorize as the browser does when the website sends it there. */
    HttpResponse<String> authorize(boolean withChallenge) throws Exception {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", WebsiteClient.CLIENT_ID);
        query.put("scope", "openid profile email");
        query.put("state", state);
        query.put("redirect_uri", redirectUri);
        query.put("nonce", nonce);
        if (withChallenge) {
            query.put("code_challenge", challenge());
            query.put("code_challenge_method", "S256");
        }
        return issuer.get("/oauth2/authorize?" + Issuer.form(query), "Accept", "text/html");
    }

    /** The login form's CSRF token. */
    String loginForm() throws Exception {
        HttpResponse<String> form = issuer.get("/login", "Accept", "text/html");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"username\"", "name=\"password\"");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        return csrf.group(1);
    }

    HttpResponse<String> submit(String username, String password, String csrf) throws Exception {
        return issuer.postForm("/login", Map.of("username", username, "password", password, "_csrf", csrf),
                "Accept", "text/html");
    }

    /** The whole front channel: authorize, sent to the login form, sign in, back to authorize, code at the website. */
    String code(String username, String password) throws Exception {
        HttpResponse<String> authorize = authorize(true);
        assertThat(authorize.statusCode()).isEqualTo(302);
        assertThat(location(authorize)).isEqualTo(issuer.url("/login"));
        HttpResponse<String> signedIn = submit(username, password, loginForm());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpResponse<String> redirect = issuer.get(location(signedIn), "Accept", "text/html");
        assertThat(redirect.statusCode()).as("no consent screen for the first-party website").isEqualTo(302);
        URI back = URI.create(location(redirect));
        assertThat(back.toString()).startsWith(redirectUri + "?");
        Map<String, String> parameters = UriComponentsBuilder.fromUri(back).build().getQueryParams().toSingleValueMap();
        assertThat(parameters).containsEntry("state", state).containsKey("code");
        return parameters.get("code");
    }

    /** POST /oauth2/token as the website does, authenticated with its client secret. */
    HttpResponse<String> exchange(String code, String codeVerifier) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return issuer.postForm("/oauth2/token", form, clientAuthentication());
    }

    private static String[] clientAuthentication() {
        return new String[]{"Authorization", "Basic " + Base64.getEncoder().encodeToString(
                (WebsiteClient.CLIENT_ID + ":" + WebsiteClient.CLIENT_SECRET).getBytes(StandardCharsets.UTF_8))};
    }

    /** POST /oauth2/token with the refresh token, as the website does when the access token has expired. */
    HttpResponse<String> refresh(String refreshToken) throws Exception {
        return issuer.postForm("/oauth2/token", Map.of("grant_type", "refresh_token", "refresh_token", refreshToken),
                clientAuthentication());
    }

    /** Where a redirect sends the browser, resolved against the request (Spring Security sends relative ones). */
    static String location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("no Location header"));
        return response.uri().resolve(location).toString();
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
