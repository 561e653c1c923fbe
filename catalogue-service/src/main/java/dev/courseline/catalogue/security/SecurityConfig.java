package dev.courseline.catalogue.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Reading the catalogue is public; changing it needs a staff JWT from the identity provider whose {@code roles}
 * claim holds CATALOGUE_MANAGER or ADMIN. Stateless bearer tokens, so no sessions and no CSRF tokens.
 */
@Configuration
public class SecurityConfig {

    static final String CATALOGUE_MANAGER = "CATALOGUE_MANAGER";
    static final String ADMIN = "ADMIN";

    @Bean
    SecurityWebFilterChain securityFilterChain(ServerHttpSecurity http, ProblemAuthenticationHandlers problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/api/admin/**").hasAnyRole(CATALOGUE_MANAGER, ADMIN)
                        .pathMatchers(HttpMethod.GET, "/api/courses/**", "/api/runs/**", "/api/guide/**").permitAll()
                        .pathMatchers(HttpMethod.GET, "/v3/api-docs/**", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesClaimConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }

    /** Maps each entry of the {@code roles} claim to the authority {@code ROLE_<entry>}, as the conventions say. */
    private static ReactiveJwtAuthenticationConverter rolesClaimConverter() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new ReactiveJwtGrantedAuthoritiesConverterAdapter(authorities));
        return converter;
    }
}
