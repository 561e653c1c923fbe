package dev.courseline.notification.openapi;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The published API description. The server is fixed (not the address of whoever asked) so that the committed
 * document at {@code docs/openapi/notification-service.json} only changes when the API does.
 */
// Only where springdoc is on the classpath (the tests, which write the committed document); a running service
// serves that document (PublishedApiDocument).
@ConditionalOnClass(name = PublishedApiDocument.SPRINGDOC)
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    OpenAPI notificationApi() {
        return new OpenAPI()
                .info(new Info().title("Courseline notification service")
                        .description("Delivery log of the emails the system sends: list by status, see attempts "
                                + "and errors, retry a failed one. For sales staff and admins.")
                        .version("v1"))
                .servers(List.of(new Server().url("http://localhost:8083").description("local")))
                .components(new Components().addSecuritySchemes("bearer", new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    /** The error answers (and media types) of every operation, see {@link ProblemResponses}. */
    @Bean
    OpenApiCustomizer problemResponses() {
        return new ProblemResponses();
    }
}
