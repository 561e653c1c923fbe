package dev.courseline.catalogue.openapi;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/** The served OpenAPI document; a fixed server URL keeps it identical to the committed copy whatever the port. */
// Only where springdoc is on the classpath (the tests, which write the committed document); a running service
// serves that document (PublishedApiDocument).
@ConditionalOnClass(name = PublishedApiDocument.SPRINGDOC)
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI catalogueOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Courseline catalogue service").version("v1")
                        .description("Courses, scheduled runs and the role-fit guide. Public reads are open; "
                                + "/api/admin/** needs a bearer JWT with role CATALOGUE_MANAGER or ADMIN."))
                .servers(List.of(new Server().url("http://localhost:8081").description("local development")))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")));
    }

    /** The problem responses (and 304s) of every operation, see {@link ProblemResponses}. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }
}
