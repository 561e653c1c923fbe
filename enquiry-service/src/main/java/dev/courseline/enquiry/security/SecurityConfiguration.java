package dev.courseline.enquiry.security;

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
 * Public intake is open; staff endpoints need a JWT whose {@code roles} claim grants SALES or ADMIN (mapped to
 * {@code ROLE_<entry>} by Boot's {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} and
 * {@code authority-prefix}); erasure needs
 * ADMIN. Refusals are problem bodies, like every other error of this service. Browsers on the origins of
 * {@link PublicCors} may call the public endpoints (CORS is answered before authorisation, so a preflight is never
 * refused for want of a token); the staff endpoints get no CORS.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Read by anyone, with GET or HEAD. */
    static final List<String> PUBLIC_READS = List.of("/api/enquiries/*", "/api/enrolments/*", "/api/runs/*/seats");
    /** Posted by anyone: intake, enrolment and the learner's own cancellation (its token is the authority). */
    static final List<String> PUBLIC_WRITES = List.of("/api/enquiries/in-house-quotes", "/api/enquiries/memberships",
            "/api/enrolments", "/api/enrolments/*/cancellation");

    @Bean
    UrlBasedCorsConfigurationSource publicCorsSource(PublicCors cors) {
        return cors.source(List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST),
                Stream.concat(PUBLIC_READS.stream(), PUBLIC_WRITES.stream()).toList());
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ProblemAuthenticationHandlers problems,
            UrlBasedCorsConfigurationSource publicCorsSource) {
        return http
                .cors(cors -> cors.configurationSource(publicCorsSource))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.POST, PUBLIC_WRITES.toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_READS.toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.HEAD, PUBLIC_READS.toArray(String[]::new)).permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**")
                        .permitAll()
                        .pathMatchers("/api/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/dead-letters", "/api/dead-letters/**").hasRole("ADMIN")
                        .pathMatchers("/api/leads/**").hasAnyRole("SALES", "ADMIN")
                        .pathMatchers("/api/quarantine", "/api/quarantine/**").hasAnyRole("SALES", "ADMIN")
                        .pathMatchers(HttpMethod.GET, "/api/enrolments").hasAnyRole("CATALOGUE_MANAGER", "ADMIN")
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
