package dev.courseline.website.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.courseline.website.config.StaffSignInProperties;

/**
 * The staff sign-in client, built from the provider's discovery document on first use rather than at start-up: the
 * public pages must start and serve while the identity provider is still starting or down. A failed discovery is
 * not kept, so the next sign-in tries again. Where this server reaches the provider at another address than
 * browsers do (a backchannel), the document is read there and the endpoints this server calls (token, keys, user
 * info) are moved to it; the browser's endpoints and the issuer stay as the provider states them.
 */
public class LazyClientRegistrations implements ReactiveClientRegistrationRepository {

    public static final String REGISTRATION_ID = "courseline";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Mono<ClientRegistration> registration;

    public LazyClientRegistrations(StaffSignInProperties properties) {
        this.registration = Mono.fromCallable(() -> discover(properties))
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(10))
                .cacheInvalidateIf(cached -> false)
                .onErrorMap(e -> new IllegalStateException("The sign-in provider could not be reached", e));
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }

    static ClientRegistration discover(StaffSignInProperties properties) throws Exception {
        String issuer = properties.issuerUri().toString().replaceAll("/+$", "");
        String serverSide = backchannel(issuer, properties.backchannelUri());
        Map<String, Object> metadata = fetch(URI.create(serverSide + "/.well-known/openid-configuration"));
        if (!issuer.equals(metadata.get("issuer"))) {
            throw new IllegalStateException("The provider at " + serverSide + " states issuer " + metadata.get("issuer")
                    + ", not the configured " + issuer);
        }
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri((String) metadata.get("authorization_endpoint"))
                .tokenUri(backchannel((String) metadata.get("token_endpoint"), issuer, serverSide))
                .jwkSetUri(backchannel((String) metadata.get("jwks_uri"), issuer, serverSide))
                .userInfoUri(backchannel((String) metadata.get("userinfo_endpoint"), issuer, serverSide))
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(metadata)
                .build();
    }

    /** The issuer's own address with its origin replaced by the backchannel's, when one is set. */
    static String backchannel(String issuer, URI backchannel) {
        if (backchannel == null || backchannel.toString().isBlank()) {
            return issuer;
        }
        URI issuerUri = URI.create(issuer);
        return backchannel.toString().replaceAll("/+$", "") + (issuerUri.getRawPath() == null
                ? ""
                : issuerUri.getRawPath());
    }

    /** An endpoint the provider named under the issuer's origin, moved to the backchannel's origin. */
    static String backchannel(String endpoint, String issuer, String serverSide) {
        if (endpoint == null || serverSide.equals(issuer)) {
            return endpoint;
        }
        String issuerOrigin = origin(URI.create(issuer));
        return endpoint.startsWith(issuerOrigin)
                ? origin(URI.create(serverSide)) + endpoint.substring(issuerOrigin.length())
                : endpoint;
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static Map<String, Object> fetch(URI document) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(document).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(document + " answered " + answer.statusCode());
        }
        return JSON.readValue(answer.body(), new TypeReference<Map<String, Object>>() {
        });
    }
}
