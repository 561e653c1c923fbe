package dev.courseline.catalogue.security;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Reading the catalogue is public; changing it needs a staff JWT from the identity provider whose {@code roles}
 * claim holds CATALOGUE_MANAGER or ADMIN (mapped to {@code ROLE_<entry>} by Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} and {@code authority-prefix}). Stateless
 * bearer tokens, so no sessions and no CSRF tokens. Browsers on the origins of {@link PublicCors} may read the
 * catalogue (CORS is answered before authorisation, so a preflight is never refused for want of a token); the admin
 * endpoints get no CORS.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    static final String CATALOGUE_MANAGER = "CATALOGUE_MANAGER";
    static final String ADMIN = "ADMIN";

    /** Read by anyone, with GET or HEAD. */
    static final List<String> PUBLIC_READS = List.of("/api/courses/**", "/api/runs/**", "/api/guide/**");
    /** Documents and probes, also read by anyone. */
    static final List<String> OPERATIONS_READS = List.of("/v3/api-docs/**", "/actuator/health/**", "/actuator/info",
            "/actuator/prometheus");

    @Bean
    UrlBasedCorsConfigurationSource publicCorsSource(PublicCors cors) {
        return cors.source(List.of(HttpMethod.GET, HttpMethod.HEAD), PUBLIC_READS);
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemAuthenticationHandlers problems,
            UrlBasedCorsConfigurationSource publicCorsSource) {
        String[] reads = Stream.concat(PUBLIC_READS.stream(), OPERATIONS_READS.stream()).toArray(String[]::new);
        return http
                .cors(cors -> cors.configurationSource(publicCorsSource))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasAnyRole(CATALOGUE_MANAGER, ADMIN)
                        .pathMatchers(HttpMethod.GET, reads).permitAll()
                        .pathMatchers(HttpMethod.HEAD, reads).permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }
}
