package dev.courseline.catalogue.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Which browser origins may call the public endpoints: the website's own ({@code WEBSITE_PUBLIC_URL}) plus those
 * listed in {@code PUBLIC_ALLOWED_ORIGINS}; any other origin gets no {@code Access-Control-Allow-Origin}. Staff
 * endpoints are never registered here, so pages of other sites cannot call them even with a token.
 *
 * @param websiteUrl     the website's public URL; only its origin (scheme, host, port) counts
 * @param allowedOrigins further origins, e.g. {@code https://partner.example}; blanks are ignored
 */
@ConfigurationProperties("public-cors")
public record PublicCors(String websiteUrl, List<String> allowedOrigins) {

    /** What a browser may send beyond the CORS-safelisted headers: JSON bodies, retry keys, revalidation. */
    static final List<String> REQUEST_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, "Idempotency-Key",
            HttpHeaders.IF_NONE_MATCH);
    /** What a page may read of an answer: where a new resource is, when to retry, the catalogue's validator. */
    static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
            HttpHeaders.ETAG);

    public PublicCors {
        allowedOrigins = allowedOrigins == null
                ? List.of()
                : allowedOrigins.stream().filter(origin -> origin != null && !origin.isBlank()).toList();
    }

    /** Every allowed origin as a browser sends it ({@code https://host[:port]}), the website's first. */
    public List<String> origins() {
        List<String> origins = new ArrayList<>();
        if (websiteUrl != null && !websiteUrl.isBlank()) {
            origins.add(originOf(websiteUrl));
        }
        allowedOrigins.stream().map(PublicCors::originOf).filter(origin -> !origins.contains(origin))
                .forEach(origins::add);
        return List.copyOf(origins);
    }

    /** CORS for these paths and methods only; a request to any other path is answered without CORS headers. */
    public UrlBasedCorsConfigurationSource source(List<HttpMethod> methods, List<String> paths) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(origins());
        configuration.setAllowedMethods(methods.stream().map(HttpMethod::name).toList());
        configuration.setAllowedHeaders(REQUEST_HEADERS);
        configuration.setExposedHeaders(EXPOSED_HEADERS);
        // Public endpoints need no cookies or credentials, and staff tokens are not for other sites' pages.
        configuration.setAllowCredentials(false);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        paths.forEach(path -> source.registerCorsConfiguration(path, configuration));
        return source;
    }

    /** A misspelt origin would silently never match, so a setting that is not an http(s) origin stops start-up. */
    static String originOf(String url) {
        try {
            URI uri = new URI(url.strip());
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
                throw new IllegalArgumentException("CORS origin '" + url + "' must be an http(s) URL with a host");
            }
            // Browsers leave a scheme's default port out of Origin.
            boolean defaultPort = uri.getPort() == -1 || (uri.getPort() == 80 && "http".equals(scheme))
                    || (uri.getPort() == 443 && "https".equals(scheme));
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("CORS origin '" + url + "' is not a URL", e);
        }
    }
}
