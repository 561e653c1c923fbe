package dev.courseline.website.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.reactive.function.client.ServerOAuth2AuthorizedClientExchangeFilterFunction;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.courseline.website.api.CatalogueApi;
import dev.courseline.website.api.EnquiryApi;
import dev.courseline.website.api.SharedCache;
import dev.courseline.website.api.staff.StaffApi;
import dev.courseline.website.security.LazyClientRegistrations;

/** One pooled HTTP client per service, with timeouts, so a slow API turns into a friendly page instead of a hang. */
@Configuration(proxyBeanMethods = false)
class ApiClientConfiguration {

    /** One cache for the public answers of both services, kept as long as each answer's Cache-Control allows. */
    @Bean
    SharedCache sharedCache(Clock clock) {
        return new SharedCache(clock);
    }

    @Bean
    CatalogueApi catalogueApi(WebClient.Builder builder, WebsiteProperties properties, SharedCache cache) {
        return new CatalogueApi(client(builder, properties, properties.catalogueApiUrl().toString(), "catalogue"),
                cache);
    }

    @Bean
    EnquiryApi enquiryApi(WebClient.Builder builder, WebsiteProperties properties, SharedCache cache) {
        return new EnquiryApi(client(builder, properties, properties.enquiryApiUrl().toString(), "enquiry"), cache);
    }

    /** The staff console's calls carry the signed-in member's access token, refreshed when it runs out. */
    @Bean
    StaffApi staffApi(WebClient.Builder builder, WebsiteProperties properties,
            ReactiveClientRegistrationRepository registrations, ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager = new DefaultReactiveOAuth2AuthorizedClientManager(
                registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode().refreshToken().build());
        ServerOAuth2AuthorizedClientExchangeFilterFunction relay = new ServerOAuth2AuthorizedClientExchangeFilterFunction(
                manager);
        relay.setDefaultClientRegistrationId(LazyClientRegistrations.REGISTRATION_ID);
        WebClient.Builder withToken = builder.clone().filter(relay);
        return new StaffApi(client(withToken, properties, properties.enquiryApiUrl().toString(), "staff-enquiry"),
                client(withToken, properties, properties.catalogueApiUrl().toString(), "staff-catalogue"),
                client(withToken, properties, properties.notificationApiUrl().toString(), "staff-notification"));
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
