package dev.courseline.localstack.identity;

import java.time.Duration;
import java.util.UUID;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The website's registration: a confidential client that signs staff in with the authorization code flow and PKCE,
 * without a consent screen (it is first-party). Its localhost redirect URIs match on any port (see
 * {@link LocalhostRedirects}), so a website on a free port, as in the end-to-end tests, signs in too.
 */
public final class WebsiteClient {

    public static final String CLIENT_ID = "courseline-website";
    /** Development only; the Keycloak realm and production have their own. */
    public static final String CLIENT_SECRET = "courseline-website-secret";
    public static final String REDIRECT_URI = "http://localhost:8080/login/oauth2/code/courseline";

    /** bcrypt of {@link #CLIENT_SECRET}. */
    private static final String CLIENT_SECRET_HASH = "{bcrypt}$2a$10$nH5S5VL6/DKlAnD5oGb6Cu.BjhtkujyzzFfXelhjH0i1ic0dpjrUe";

    private WebsiteClient() {
    }

    static RegisteredClient registration() {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(CLIENT_ID.getBytes()).toString())
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET_HASH)
                .clientName("Courseline website")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(REDIRECT_URI)
                .redirectUri("http://127.0.0.1:8080/login/oauth2/code/courseline")
                .postLogoutRedirectUri("http://localhost:8080")
                .postLogoutRedirectUri("http://localhost:8080/")
                .postLogoutRedirectUri("http://127.0.0.1:8080")
                .postLogoutRedirectUri("http://127.0.0.1:8080/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(OidcScopes.EMAIL)
                .clientSettings(
                        ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(DevelopmentTokens.LIFETIME)
                        .refreshTokenTimeToLive(Duration.ofHours(8))
                        .build())
                .build();
    }
}
