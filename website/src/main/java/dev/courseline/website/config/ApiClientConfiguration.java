package dev.courseline.website.config;

import java.time.Duration;

import io.netty.channel.ChannelOption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.courseline.website.api.CatalogueApi;
import dev.courseline.website.api.EnquiryApi;

/** One pooled HTTP client per service, with timeouts, so a slow API turns into a friendly page instead of a hang. */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    @Bean
    CatalogueApi catalogueApi(WebClient.Builder builder, WebsiteProperties properties) {
        return new CatalogueApi(client(builder, properties, properties.catalogueApiUrl().toString(), "catalogue"));
    }

    @Bean
    EnquiryApi enquiryApi(WebClient.Builder builder, WebsiteProperties properties) {
        return new EnquiryApi(client(builder, properties, properties.enquiryApiUrl().toString(), "enquiry"));
    }

    private static WebClient client(WebClient.Builder builder, WebsiteProperties properties, String baseUrl,
            String name) {
        Duration timeout = properties.apiTimeout();
        HttpClient http = HttpClient.create(ConnectionProvider.builder(name).maxConnections(200)
                        .maxIdleTime(Duration.ofSeconds(20)).build())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2_000))
                .responseTimeout(timeout);
        return builder.clone().baseUrl(baseUrl).clientConnector(new ReactorClientHttpConnector(http)).build();
    }
}
