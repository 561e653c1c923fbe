package dev.courseline.catalogue.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Public catalogue responses carry a strong {@code ETag} (a digest of the JSON body, so it changes exactly when what
 * the client would see changes) and {@code Cache-Control}; a matching {@code If-None-Match} answers {@code 304}.
 */
@Component
public class HttpCaching {

    private final JsonMapper jsonMapper;
    private final CacheControl cacheControl;

    public HttpCaching(JsonMapper jsonMapper, Settings settings) {
        this.jsonMapper = jsonMapper;
        this.cacheControl = CacheControl.maxAge(settings.cacheMaxAge()).cachePublic();
    }

    public <T> ResponseEntity<T> cacheable(T body, HttpHeaders requestHeaders) {
        String etag = etagOf(body);
        if (matches(requestHeaders.getIfNoneMatch(), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).body(body);
    }

    private String etagOf(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jsonMapper.writeValueAsBytes(body));
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    private static boolean matches(List<String> ifNoneMatch, String etag) {
        String weakForm = "W/" + etag;
        return ifNoneMatch.stream().anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals(weakForm));
    }

    /** @param cacheMaxAge how long browsers and proxies may reuse a catalogue response without asking again */
    @ConfigurationProperties("catalogue.http")
    public record Settings(Duration cacheMaxAge) {
    }
}
