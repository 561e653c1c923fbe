package dev.courseline.enquiry.openapi;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** Title, security scheme and every operation's answers in the published OpenAPI document ({@code /v3/api-docs}). */
// Only where springdoc is on the classpath (the tests, which write the committed document); a running service
// serves that document (PublishedApiDocument).
@ConditionalOnClass(name = PublishedApiDocument.SPRINGDOC)
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI enquiryApi() {
        return new OpenAPI()
                .info(new Info().title("Courseline enquiry service").version("v1")
                        .description("Public intake of in-house quote, membership and enrolment requests; "
                                + "staff API for sales leads (bearer JWT with role SALES or ADMIN) and "
                                + "erasure (ADMIN). Errors are RFC 9457 problem bodies."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    @Bean
    OpenApiCustomizer intakeResponses() {
        return new IntakeResponses();
    }

    /** The problem answers (and media types) every operation has, see {@link ProblemResponses}. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }
}
