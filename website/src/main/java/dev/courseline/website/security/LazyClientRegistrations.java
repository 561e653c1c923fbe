package dev.courseline.website.security;

import java.time.Duration;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.courseline.website.config.StaffSignInProperties;

/**
 * The staff sign-in client, built from the provider's discovery document on first use rather than at start-up: the
 * public pages must start and serve while the identity provider is still starting or down. A failed discovery is
 * not kept, so the next sign-in tries again.
 */
public class LazyClientRegistrations implements ReactiveClientRegistrationRepository {

    public static final String REGISTRATION_ID = "courseline";

    private final Mono<ClientRegistration> registration;

    public LazyClientRegistrations(StaffSignInProperties properties) {
        this.registration = Mono.fromCallable(() -> ClientRegistrations
                        .fromIssuerLocation(properties.issuerUri().toString())
                        .registrationId(REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope("openid", "profile", "email")
                        .userNameAttributeName("sub")
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(Duration.ofSeconds(10))
                .cacheInvalidateIf(cached -> false)
                .onErrorMap(e -> new IllegalStateException("The sign-in provider could not be reached", e));
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }
}
