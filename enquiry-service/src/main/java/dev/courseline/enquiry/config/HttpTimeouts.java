package dev.courseline.enquiry.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A client that sends its request slowly is cut off: each read of a request body may wait at most the read timeout,
 * and the whole body the request timeout (both answer 408 and close). Waiting for a request to begin is
 * {@code server.netty.idle-timeout}. Without these, a few dozen slow clients hold every connection and in-flight slot.
 */
@Configuration(proxyBeanMethods = false)
public class HttpTimeouts {

    @Bean
    NettyServerCustomizer slowClientTimeouts(@Value("${courseline.http.read-timeout:10s}") Duration readTimeout,
            @Value("${courseline.http.request-timeout:30s}") Duration requestTimeout) {
        return server -> server.readTimeout(readTimeout).requestTimeout(requestTimeout);
    }
}
