package dev.courseline.localstack.identity;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * Spring Authorization Server for the staff users: the protocol endpoints (authorization with PKCE, token, JWKS,
 * discovery, user info, logout) in one filter chain, the login form and the development shortcut in another.
 * Deliberately not a {@code @Configuration}: it is registered by class, so no service's component scan can pick it up.
 */
@EnableWebSecurity
class AuthorizationServerConfig {

    static final String JWK_SET_PATH = "/.well-known/jwks.json";
    static final String TOKEN_SHORTCUT_PATH = "/token";

    @Bean
    @Order(1)
    SecurityFilterChain protocolEndpoints(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.authorizationEndpoint(endpoint -> endpoint
                    .authenticationProviders(LocalhostRedirects::forAuthorizationRequests))
                    .oidc(oidc -> oidc
                            .userInfoEndpoint(userInfo -> userInfo.userInfoMapper(AuthorizationServerConfig::userInfo))
                            .logoutEndpoint(
                                    logout -> logout.authenticationProviders(LocalhostRedirects::forLogoutRequests)));
        })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // A browser that is not signed in yet goes to the login form; API clients get 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signIn(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/", TOKEN_SHORTCUT_PATH).permitAll()
                .anyRequest().authenticated())
                // The shortcut is for scripts, which have neither a session nor a CSRF token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(TOKEN_SHORTCUT_PATH))
                .authenticationManager(staffPasswords())
                .formLogin(form -> form.loginPage("/login").permitAll());
        return http.build();
    }

    @Bean
    RegisteredClientRepository registeredClients() {
        return new InMemoryRegisteredClientRepository(WebsiteClient.registration());
    }

    @Bean
    JWKSource<SecurityContext> signingKeys(ProviderSettings settings) {
        return new ImmutableJWKSet<>(new JWKSet(settings.signingKey()));
    }

    @Bean
    JwtEncoder jwtEncoder(JWKSource<SecurityContext> signingKeys) {
        return new NimbusJwtEncoder(signingKeys);
    }

    /** Reads the access tokens sent to the user info endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(signingKeys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(ProviderSettings settings) {
        // A fixed issuer: tokens name http://localhost:<port> whichever host name a client used.
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).jwkSetEndpoint(JWK_SET_PATH).build();
    }

    /** Today's claims in both tokens; access tokens are for the services, so their audience is theirs. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> staffClaims() {
        return context -> StaffUsers.find(context.getPrincipal().getName()).ifPresent(user -> {
            context.getClaims().claims(claims -> claims.putAll(user.claims()));
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims().audience(List.of(DevelopmentTokens.AUDIENCE));
            }
        });
    }

    @Bean
    DevelopmentTokens developmentTokens(ProviderSettings settings, JwtEncoder jwtEncoder) {
        return new DevelopmentTokens(settings.issuer(), jwtEncoder);
    }

    /** The user info endpoint answers every claim of the user, roles and team included, not only the standard ones. */
    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        String username = context.getAuthorization().getPrincipalName();
        OidcUserInfo.Builder userInfo = OidcUserInfo.builder().subject(username);
        StaffUsers.find(username).ifPresent(user -> userInfo.claims(claims -> claims.putAll(user.claims())));
        return userInfo.build();
    }

    /** Kept out of the context, so Spring Security does not announce a global UserDetailsService in every JVM's log. */
    private static AuthenticationManager staffPasswords() {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(StaffUsers.ALL.stream()
                .map(user -> User.withUsername(user.username()).password(StaffUsers.PASSWORD_HASH)
                        .roles(user.roles().toArray(String[]::new)).build())
                .toList());
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return new ProviderManager(provider);
    }
}
