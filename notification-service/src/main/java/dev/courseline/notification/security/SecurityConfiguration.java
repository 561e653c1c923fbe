package dev.courseline.notification.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The delivery log is for sales staff and admins, its dead letters for admins; health, info and the API description
 * are public. The {@code roles} claim becomes {@code ROLE_<entry>} through Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} and {@code authority-prefix}. Every
 * refusal answers with an RFC 9457 problem body.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String[] STAFF_ROLES = {"SALES", "ADMIN"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemAuthenticationHandlers problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/**")
                        .permitAll()
                        .pathMatchers("/api/notifications", "/api/notifications/**").hasAnyRole(STAFF_ROLES)
                        .pathMatchers("/api/dead-letters", "/api/dead-letters/**").hasRole("ADMIN")
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
