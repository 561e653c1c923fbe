package dev.courseline.website.web;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webflux.autoconfigure.error.DefaultErrorWebExceptionHandler;
import org.springframework.boot.webflux.error.DefaultErrorAttributes;
import org.springframework.boot.webflux.error.ErrorAttributes;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.result.view.ViewResolver;

import dev.courseline.website.security.SecurityConfiguration;

/**
 * Errors raised outside a controller (no such path, a refused CSRF token) render the site's error pages
 * ({@code templates/error/}) whatever the client asked for: this site answers people, never with JSON, and never
 * shows a stack trace or an exception's message.
 */
@Configuration(proxyBeanMethods = false)
class HtmlErrorPages {

    /** The 403 page tells a refusal for want of a role from a stale form. */
    @Bean
    DefaultErrorAttributes errorAttributes() {
        return new DefaultErrorAttributes() {
            @Override
            public Map<String, Object> getErrorAttributes(ServerRequest request, ErrorAttributeOptions options) {
                Map<String, Object> attributes = super.getErrorAttributes(request, options);
                attributes.put("notAllowed", request.attribute(SecurityConfiguration.NOT_ALLOWED).isPresent());
                return attributes;
            }
        };
    }

    @Bean
    @Order(-2)
    ErrorWebExceptionHandler errorWebExceptionHandler(ErrorAttributes errorAttributes, WebProperties webProperties,
            ObjectProvider<ViewResolver> viewResolvers, ServerCodecConfigurer codecs, ApplicationContext context) {
        DefaultErrorWebExceptionHandler handler = new DefaultErrorWebExceptionHandler(errorAttributes,
                webProperties.getResources(), new ErrorProperties(), context) {
            @Override
            protected RequestPredicate acceptsTextHtml() {
                return request -> true;
            }
        };
        handler.setViewResolvers(viewResolvers.orderedStream().toList());
        handler.setMessageWriters(codecs.getWriters());
        handler.setMessageReaders(codecs.getReaders());
        return handler;
    }
}
