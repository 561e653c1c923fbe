package dev.courseline.localstack.identity;

import java.util.List;
import java.util.Set;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A redirect URI registered on {@code localhost} also matches with any other port, the way Spring Authorization Server
 * already treats loopback IP addresses (RFC 8252, section 7.3); every other part must still match exactly. So the
 * end-to-end tests' website, on a free port, can sign in and out. The check itself stays Spring Authorization
 * Server's: this only adds the requested URI to the registered ones when it passes that rule.
 */
final class LocalhostRedirects {

    private LocalhostRedirects() {
    }

    static void forAuthorizationRequests(List<AuthenticationProvider> providers) {
        for (AuthenticationProvider provider : providers) {
            if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider authorizationRequests) {
                authorizationRequests.setAuthenticationValidator(LocalhostRedirects::validateAuthorizationRequest);
            }
        }
    }

    static void forLogoutRequests(List<AuthenticationProvider> providers) {
        for (AuthenticationProvider provider : providers) {
            if (provider instanceof OidcLogoutAuthenticationProvider logoutRequests) {
                logoutRequests.setAuthenticationValidator(LocalhostRedirects::validateLogoutRequest);
            }
        }
    }

    /** True when {@code requested} is a {@code localhost} URI equal to one of {@code registered} but for the port. */
    static boolean matchesOnAnotherPort(Set<String> registered, String requested) {
        UriComponents uri = parse(requested);
        if (uri == null || !"localhost".equals(uri.getHost()) || uri.getPort() < 0) {
            return false;
        }
        return registered.stream()
                .map(LocalhostRedirects::parse)
                .filter(candidate -> candidate != null && "localhost".equals(candidate.getHost()))
                .anyMatch(candidate -> UriComponentsBuilder.newInstance().uriComponents(candidate).port(uri.getPort())
                        .toUriString().equals(requested));
    }

    private static void validateAuthorizationRequest(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        if (matchesOnAnotherPort(client.getRedirectUris(), request.getRedirectUri())) {
            client = RegisteredClient.from(client).redirectUri(request.getRedirectUri()).build();
        }
        OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_REDIRECT_URI_VALIDATOR.accept(
                OAuth2AuthorizationCodeRequestAuthenticationContext.with(request).registeredClient(client).build());
        OAuth2AuthorizationCodeRequestAuthenticationValidator.DEFAULT_SCOPE_VALIDATOR.accept(context);
    }

    private static void validateLogoutRequest(OidcLogoutAuthenticationContext context) {
        OidcLogoutAuthenticationToken request = context.getAuthentication();
        RegisteredClient client = context.getRegisteredClient();
        if (matchesOnAnotherPort(client.getPostLogoutRedirectUris(), request.getPostLogoutRedirectUri())) {
            client = RegisteredClient.from(client).postLogoutRedirectUri(request.getPostLogoutRedirectUri()).build();
        }
        OidcLogoutAuthenticationValidator.DEFAULT_POST_LOGOUT_REDIRECT_URI_VALIDATOR.accept(
                OidcLogoutAuthenticationContext.with(request).registeredClient(client).build());
    }

    private static UriComponents parse(String uri) {
        if (uri == null || uri.isBlank()) {
            return null;
        }
        try {
            return UriComponentsBuilder.fromUriString(uri).build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
