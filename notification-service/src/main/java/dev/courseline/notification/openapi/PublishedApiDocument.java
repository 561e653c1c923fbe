package dev.courseline.notification.openapi;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Serves the committed OpenAPI document ({@code docs/openapi/notification-service.json}, packaged by the build) at
 * {@code /v3/api-docs}. The tests generate the document with springdoc and fail when it differs from the committed
 * one, so what is served is what the code does; the running service leaves springdoc out, which keeps about a
 * thousand classes (swagger, Jackson 2) out of its memory.
 */
@ConditionalOnMissingClass(PublishedApiDocument.SPRINGDOC)
@Configuration(proxyBeanMethods = false)
class PublishedApiDocument {

    static final String SPRINGDOC = "org.springdoc.core.customizers.OpenApiCustomizer";

    private static final Resource DOCUMENT = new ClassPathResource("openapi/notification-service.json");

    @Bean
    RouterFunction<ServerResponse> apiDocumentRoute() {
        // A functional GET route does not answer HEAD by itself, as annotated GET mappings do.
        return RouterFunctions.route(GET("/v3/api-docs").or(HEAD("/v3/api-docs")),
                request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(DOCUMENT));
    }
}
