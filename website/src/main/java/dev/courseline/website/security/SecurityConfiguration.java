package dev.courseline.website.security;

import java.net.URI;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Mono;

import dev.courseline.website.config.StaffSignInProperties;

/**
 * The public pages are open to everyone; the staff console under {@code /staff} needs a member of staff signed in
 * with OpenID Connect (authorization code with PKCE), and each part of it the role that part needs. The tokens stay
 * on the server, in the session, and go with the console's calls to the services, which check the roles again.
 * Every form POST needs its CSRF token, kept in a cookie so any replica can check it. Pages may load only this
 * site's own CSS and script: no inline script, no third party. Links with a learner's secret token never leak
 * through a Referer header.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Forms may also lead to the sign-in provider: signing out redirects there to end its session too. */
    static String contentSecurityPolicy(URI issuer) {
        String provider = issuer.getScheme() + "://" + issuer.getRawAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self' " + provider + "; "
                + "frame-ancestors 'none'";
    }

    /** Marks a refusal for want of a role, so the 403 page says so rather than asking to resend a form. */
    public static final String NOT_ALLOWED = SecurityConfiguration.class.getName() + ".NOT_ALLOWED";

    private static final String SIGN_IN = "/oauth2/authorization/" + LazyClientRegistrations.REGISTRATION_ID;

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(StaffSignInProperties properties) {
        return new LazyClientRegistrations(properties);
    }

    /** Staff tokens live in the web session, never in the browser. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository clients,
            StaffSignInProperties provider) {
        CookieServerCsrfTokenRepository csrfTokens = new CookieServerCsrfTokenRepository();
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        // Only a staff page asked for before sign-in is remembered, so public visits never create a session.
        WebSessionServerRequestCache staffPages = new WebSessionServerRequestCache();
        staffPages.setSaveRequestMatcher(ServerWebExchangeMatchers.pathMatchers(HttpMethod.GET, "/staff/**"));
        RedirectServerAuthenticationEntryPoint signIn = new RedirectServerAuthenticationEntryPoint(SIGN_IN);
        signIn.setRequestCache(staffPages);
        RedirectServerAuthenticationSuccessHandler backToThePage = new RedirectServerAuthenticationSuccessHandler(
                "/staff");
        backToThePage.setRequestCache(staffPages);
        DefaultServerOAuth2AuthorizationRequestResolver withPkce = new DefaultServerOAuth2AuthorizationRequestResolver(
                registrations);
        withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler signedOut = new OidcClientInitiatedServerLogoutSuccessHandler(
                registrations);
        signedOut.setPostLogoutRedirectUri("{baseUrl}/");
        signedOut.setLogoutSuccessUrl(URI.create("/"));
        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/staff/leads/**", "/staff/emails/**", "/staff/quarantine/**")
                        .hasAnyRole("SALES", "ADMIN")
                        .pathMatchers("/staff/catalogue/**").hasAnyRole("CATALOGUE_MANAGER", "ADMIN")
                        .pathMatchers("/staff/privacy/**", "/staff/system/**", "/staff/dead-letters/**")
                        .hasRole("ADMIN")
                        .pathMatchers("/staff/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2Login(login -> login
                        .authorizationRequestResolver(withPkce)
                        .authorizedClientRepository(clients)
                        .authenticationSuccessHandler(backToThePage))
                .requestCache(cache -> cache.requestCache(staffPages))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(signIn)
                        .accessDeniedHandler((exchange, denied) -> {
                            exchange.getAttributes().put(NOT_ALLOWED, Boolean.TRUE);
                            return forbidden(denied.getMessage());
                        }))
                .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessHandler(signedOut))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        .accessDeniedHandler((exchange, denied) -> forbidden(denied.getMessage())))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(provider.issuerUri())))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    StaffUserService staffUserService() {
        return new StaffUserService();
    }

    /** Handed to the error pages, so a stale form or a missing role gets a page that says what to do. */
    private static Mono<Void> forbidden(String reason) {
        return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, reason));
    }
}
