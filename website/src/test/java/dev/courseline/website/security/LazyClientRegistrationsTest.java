package dev.courseline.website.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

import dev.courseline.website.config.StaffSignInProperties;
import dev.courseline.website.support.StubApi;

class LazyClientRegistrationsTest {

    private final StubApi provider = new StubApi();

    @AfterEach
    void stop() {
        provider.close();
    }

    private void discovery(String issuer) {
        provider.answer("GET", "/realms/courseline/.well-known/openid-configuration", 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo",
                 "end_session_endpoint":"%1$s/protocol/openid-connect/logout"}""".formatted(issuer));
    }

    @Test
    void throughABackchannelTheServersEndpointsMoveAndTheBrowsersStay() throws Exception {
        String issuer = "http://localhost:9000/realms/courseline";
        discovery(issuer);

        ClientRegistration registration = LazyClientRegistrations.discover(new StaffSignInProperties(
                URI.create(issuer), URI.create(provider.url()), "courseline-website", "secret"));

        assertThat(registration.getProviderDetails().getIssuerUri()).isEqualTo(issuer);
        assertThat(registration.getProviderDetails().getAuthorizationUri()).isEqualTo(issuer
                + "/protocol/openid-connect/auth");
        assertThat(registration.getProviderDetails().getTokenUri()).isEqualTo(provider.url()
                + "/realms/courseline/protocol/openid-connect/token");
        assertThat(registration.getProviderDetails().getJwkSetUri()).startsWith(provider.url());
        assertThat(registration.getProviderDetails().getUserInfoEndpoint().getUri()).startsWith(provider.url());
        assertThat(registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint"))
                .isEqualTo(issuer + "/protocol/openid-connect/logout");
    }

    @Test
    void aProviderStatingAnotherIssuerIsRefused() {
        discovery("http://elsewhere.example/realms/courseline");

        assertThatThrownBy(() -> LazyClientRegistrations.discover(new StaffSignInProperties(
                URI.create(provider.url() + "/realms/courseline"), null, "courseline-website", "secret")))
                .hasMessageContaining("states issuer http://elsewhere.example/realms/courseline");
    }
}
